using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Core;

public static class CoreServices
{
    /// <summary>The database, the per-unit-of-work tenant scope and the Identity user store, for every host.</summary>
    public static IdentityBuilder AddInfraLedgerCore(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddSingleton(database);
        services.AddScoped<TenantScope>();
        services.AddSingleton<SecurityEventInterceptor>();
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            database.Configure(o);
            o.AddInterceptors(sp.GetRequiredService<SecurityEventInterceptor>());
        });
        return services.AddIdentityCore<AppUser>(IdentityPolicy.Apply)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddPasswordValidator<PasswordRules>()
            // TOTP two-factor sign-in (Identity/TwoFactor.cs): the key and recovery codes live in user_tokens; each code
            // is accepted once (Identity/AuthenticatorCodesUsedOnce.cs).
            .AddTokenProvider<AuthenticatorCodesUsedOnce>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<JapaneseIdentityErrors>();
    }
}
