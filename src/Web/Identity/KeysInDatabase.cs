using System.Xml.Linq;
using InfraLedger.Core.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace InfraLedger.Web.Identity;

/// <summary>
/// ASP.NET Core data protection keys in the application's database (ADR 0033): every web instance on the same database
/// reads the same key ring, so a sign-in cookie, an antiforgery token or a two-factor step issued by one instance is
/// accepted by another. Our own small repository rather than <c>PersistKeysToDbContext</c>, whose package would make Core
/// reference ASP.NET Core's data protection (the DbContext would have to implement its interface).
/// </summary>
public static class KeysInDatabase
{
    /// <summary>One application name for every instance: by default it is the content root, which differs between hosts.</summary>
    public const string ApplicationName = "InfraLedger";

    public static IServiceCollection AddKeysInDatabase(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new Repository(sp.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }

    /// <summary>Reads and appends keys through a short-lived context each time (the key manager caches the ring).</summary>
    private sealed class Repository(IServiceScopeFactory scopes) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return [.. db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.DataProtectionKeys.Add(new Core.Identity.DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            db.SaveChanges();
        }
    }
}
