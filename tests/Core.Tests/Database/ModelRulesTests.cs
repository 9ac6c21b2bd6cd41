using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Database;

/// <summary>Tenancy rules of the EF model, checked for every entity (ARCHITECTURE.md "Tenancy").</summary>
public class ModelRulesTests
{
    private static readonly Microsoft.EntityFrameworkCore.Metadata.IModel Model =
        new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:").CreateContext().Model;

    private static IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IEntityType> TenantOwned =>
        Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType));

    /// <summary>Entities with a tenant id that are deliberately not tenant-owned, each with its reason: the explicit list of exceptions.</summary>
    private static readonly Dictionary<string, string> NotTenantOwned = new()
    {
        // docs/decisions/0033.
        ["JobRecord"] = "the jobs table: each instance's heartbeat writes the progress of jobs of many tenants every few seconds, which the "
            + "audit chain must not record; every read names its tenant (JobLedger), and the key leads with tenant_id",
        // docs/decisions/0027.
        ["OutboxMail"] = "the platform's mail queue: a password-reset mail has no tenant (null), and a tenant-owned row's values are copied "
            + "into the audit chain while the body holds one-time links; pages read a tenant's mails by tenant_id explicitly",
    };

    [Fact]
    public void every_entity_with_a_tenant_id_is_tenant_owned()
    {
        Model.GetEntityTypes().Where(t => t.FindProperty("TenantId") is not null && !typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType.Name).Where(n => !NotTenantOwned.ContainsKey(n)).ShouldBeEmpty();
        TenantOwned.Count().ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void every_tenant_owned_entity_has_the_tenant_filter()
    {
        TenantOwned.Where(t => t.GetDeclaredQueryFilters().Count == 0).Select(t => t.ClrType.Name).ShouldBeEmpty();
    }

    [Fact]
    public void tenant_id_is_first_in_every_primary_key_and_unique_index_of_tenant_owned_tables()
    {
        foreach (var entity in TenantOwned)
        {
            entity.FindPrimaryKey()!.Properties[0].Name.ShouldBe("TenantId", entity.ClrType.Name);
            foreach (var index in entity.GetIndexes())
            {
                // A non-unique index that only supports a foreign key to a shared table (users) may lead with that key.
                var supportsForeignKeyToSharedTable = !index.IsUnique && entity.GetForeignKeys()
                    .Any(fk => fk.Properties.SequenceEqual(index.Properties) && !typeof(ITenantOwned).IsAssignableFrom(fk.PrincipalEntityType.ClrType));
                if (!supportsForeignKeyToSharedTable)
                {
                    index.Properties[0].Name.ShouldBe("TenantId", $"{entity.ClrType.Name} index {index.GetDatabaseName()}");
                }
            }
        }
    }
}
