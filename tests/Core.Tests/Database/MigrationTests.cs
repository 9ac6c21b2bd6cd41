using System.Data.Common;
using InfraLedger.Core.Database;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Database;

public class MigrationTests
{
    [Fact]
    public async Task migrated_schema_matches_the_ef_model()
    {
        await using var migrated = await TestDatabase.CreateEmptyAsync();
        await Migrator.MigrateAsync(migrated.Settings);
        await using var fromModel = await TestDatabase.CreateEmptyAsync();
        await using (var db = fromModel.Context())
        {
            (await db.Database.EnsureCreatedAsync()).ShouldBeTrue();
        }

        var expected = await DescribeAsync(fromModel.Settings);
        var actual = await DescribeAsync(migrated.Settings);

        // A model change without a new migration script fails here: write the next
        // Database/Migrations/{sqlite,postgres}/NNNN_name.sql (see `infraledger db model-script`).
        actual.Except(expected).ShouldBeEmpty("in the migrated schema but not in the model");
        expected.Except(actual).ShouldBeEmpty("in the model but not in the migrated schema");
        expected.Count.ShouldBeGreaterThan(50);
    }

    [Fact]
    public async Task migrating_twice_applies_nothing_the_second_time()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();

        var first = await Migrator.MigrateAsync(database.Settings);
        var second = await Migrator.MigrateAsync(database.Settings);

        first.Applied.Count.ShouldBe(Migrator.Scripts(database.Settings.Provider).Count);
        second.Applied.ShouldBeEmpty();
        second.AlreadyApplied.ShouldBe(first.Applied.Count);
    }

    [Fact]
    public async Task an_edited_migration_that_was_already_applied_is_refused()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await Migrator.MigrateAsync(database.Settings);
        await using (var db = database.Context())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        }

        var error = await Should.ThrowAsync<InvalidOperationException>(() => Migrator.MigrateAsync(database.Settings));
        error.Message.ShouldContain("0001_initial");
    }

    [Fact]
    public async Task version_6_moves_the_newest_version_of_each_entry_into_its_row()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var db = database.Settings.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var scripts = Migrator.Scripts(database.Settings.Provider);
        foreach (var script in scripts.Where(s => s.Version < 6))
        {
            await ExecuteAsync(connection, script.Sql);
        }

        // As versions 2–5 kept history: every version, the current one included, in register_versions.
        var utc = database.Settings.Provider == DatabaseProvider.Postgres ? "+00" : "";
        await ExecuteAsync(connection, $$"""
            INSERT INTO local_governments (code, name, kana, kind, kind_unverified, prefecture_code, is_tenant) VALUES ('222127', '焼津市', 'やいづし', 3, FALSE, '220001', TRUE);
            INSERT INTO facilities (tenant_id, code, name, kind, status, is_sample, version, valid_from) VALUES ('222127', 'S001', '焼津市立焼津小学校', 1, 1, FALSE, 2, '2021-09-01');
            INSERT INTO fixed_assets (tenant_id, number, name, account, acquisition_cost, opening_estimated, is_sample, version, valid_from) VALUES ('222127', '10023-1', '校舎', '建物', 812000000, FALSE, FALSE, 1, '2016-04-01');
            INSERT INTO register_versions (tenant_id, entry_type, key, version, valid_from, recorded_at_utc, reason, deleted, data) VALUES
              ('222127', 1, 'S001', 1, '1975-04-01', '2025-01-01 00:00:00{{utc}}', '開始', FALSE, '{"Name":"焼津小学校"}'),
              ('222127', 1, 'S001', 2, '2021-09-01', '2025-06-01 00:00:00{{utc}}', '増築', FALSE, '{"Name":"焼津市立焼津小学校"}'),
              ('222127', 2, '10023-1', 1, '2016-04-01', '2025-02-01 00:00:00{{utc}}', '取得', FALSE, '{"Name":"校舎"}'),
              ('222127', 1, 'X9', 1, '1980-04-01', '2025-01-01 00:00:00{{utc}}', NULL, FALSE, '{"Name":"旧庁舎"}'),
              ('222127', 1, 'X9', 2, '2020-03-31', '2025-03-01 00:00:00{{utc}}', '廃止', TRUE, NULL);
            """);

        await ExecuteAsync(connection, scripts.Single(s => s.Version == 6).Sql);
        foreach (var later in scripts.Where(s => s.Version > 6))
        {
            // The later scripts too, so that the current model can read the rows (e.g. 0013 adds audit_sequence).
            await ExecuteAsync(connection, later.Sql);
        }

        await using var read = database.Context("222127");
        var school = await read.Facilities.SingleAsync();
        (school.Version, school.ChangeReason, school.RecordedAtUtc).ShouldBe((2, "増築", new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
        var asset = await read.FixedAssets.SingleAsync();
        (asset.ChangeReason, asset.RecordedAtUtc).ShouldBe(("取得", new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
        (await read.RegisterVersions.OrderBy(v => v.Key).ThenBy(v => v.Version).Select(v => v.Key + ":" + v.Version).ToListAsync())
            .ShouldBe(["S001:1", "X9:1", "X9:2"], "the past versions and the deleted entry stay; the current ones are in their rows");
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public void both_providers_have_the_same_migration_versions()
    {
        Migrator.Scripts(DatabaseProvider.Sqlite).Select(s => (s.Version, s.Name))
            .ShouldBe(Migrator.Scripts(DatabaseProvider.Postgres).Select(s => (s.Version, s.Name)));
    }

    /// <summary>One line per column, key, index and foreign key, in a provider-neutral form.</summary>
    private static async Task<List<string>> DescribeAsync(DatabaseSettings settings)
    {
        await using var db = settings.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sql = settings.Provider == DatabaseProvider.Sqlite ? SqliteCatalog : PostgresCatalog;
        var lines = new List<string>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using DbDataReader reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }

    // The FTS5 search tables (migration 0018: a virtual table and its shadow tables per searchable table, "<table>_search…")
    // are kept by triggers, outside the EF model.
    private const string SqliteCatalog = """
        SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || CASE WHEN c."notnull" THEN ' not null' ELSE '' END || CASE WHEN c.pk > 0 THEN ' pk' || c.pk ELSE '' END
          FROM sqlite_master m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations' AND m.name NOT LIKE '%\_search%' ESCAPE '\'
        UNION ALL
        SELECT 'index ' || m.name || ' ' || i.name || CASE WHEN i."unique" THEN ' unique' ELSE '' END || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(i.name) ii) || ')'
          FROM sqlite_master m, pragma_index_list(m.name) i
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations' AND i.origin = 'c'
        UNION ALL
        SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
          FROM sqlite_master m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        """;

    private const string PostgresCatalog = """
        SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || c.data_type || coalesce('(' || c.character_maximum_length || ')', '')
               || CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE '' END || coalesce(' identity ' || c.identity_generation, '')
          FROM information_schema.columns c
         WHERE c.table_schema = 'public' AND c.table_name <> 'schema_migrations'
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
          FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
        """;
}
