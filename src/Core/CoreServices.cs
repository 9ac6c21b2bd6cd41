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
        services.AddDbContext<AppDbContext>(database.Configure);
        return services.AddIdentityCore<AppUser>(IdentityPolicy.Apply)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<JapaneseIdentityErrors>();
    }
}
