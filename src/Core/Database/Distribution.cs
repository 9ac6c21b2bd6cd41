namespace InfraLedger.Core.Database;

/// <summary>
/// Where each table goes when PostgreSQL is distributed with Citus (docs/decisions/0032, docs/operations.md "Scaling out"):
/// every table is distributed by <c>tenant_id</c> (colocated with <see cref="Anchor"/>) unless it is listed here as a
/// reference table (replicated to every node) or as a table of the coordinator. The layout script and the test of the
/// distribution rules against the migrated schema (Distribution.Rules.cs) both read these lists: a new table without a
/// tenant id fails that test until it is listed here with its reason.
/// </summary>
public static partial class Distribution
{
    /// <summary>The distribution column of every tenant table (ADR 0004).</summary>
    public const string Column = "tenant_id";

    /// <summary>The first distributed table, with which every other one is colocated: a tenant's rows of all tables on one node.</summary>
    public const string Anchor = "facilities";

    public enum Placement
    {
        Distributed,
        Reference,
        Coordinator,
    }

    /// <summary>Tables shared by all tenants, replicated to every node, each with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reference = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["local_governments"] = "the master of the bodies; every tenant table refers to it",
        ["reference_data_loads"] = "the loads of the master",
        ["statistics_sources"] = "national statistics (決算カード, 類似団体)",
        ["public_indicator_values"] = "national statistics of every body",
        ["similar_groups"] = "national statistics of every body",
        ["wide_area_groups"] = "a group spans tenants",
        ["wide_area_group_members"] = "a group spans tenants",
        ["group_plans"] = "a group's plan, read by every member",
        ["published_projections"] = "published figures of every body, read together by the public dashboards",
        ["published_plan_summaries"] = "published figures of every body, read together by the public dashboards",
        ["users"] = "identity is global: a user belongs to several tenants and signs in before one is chosen",
        ["user_claims"] = "identity is global",
        ["user_logins"] = "identity is global",
        ["user_tokens"] = "identity is global",
        ["user_grants"] = "identity is global (prefecture, national and operator roles)",
        ["user_sessions"] = "identity is global; read on every signed-in request, written at sign-in",
        ["password_resets"] = "identity is global",
    };

    /// <summary>Tables that stay ordinary tables of the coordinator (the app connects to the coordinator), each with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> Coordinator = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["schema_migrations"] = "the migrator's ledger; migrations run on the coordinator",
        ["mail_outbox"] = "the platform's mail queue: a password-reset mail has no tenant, the sender polls all tenants' mails",
        ["data_protection_keys"] = "the web instances' key ring (ADR 0033): no tenant, read only by the app, never joined",
    };

    public static Placement Of(string table) =>
        Reference.ContainsKey(table) ? Placement.Reference : Coordinator.ContainsKey(table) ? Placement.Coordinator : Placement.Distributed;

    /// <summary>
    /// The Citus statements for every table of <paramref name="schema"/>, in an order Citus accepts: reference tables (a
    /// referenced one before those referring to it), then <see cref="Anchor"/>, then the other distributed tables (the same
    /// way), then the coordinator's tables as comments. Ties are alphabetical, so the script changes only with the schema.
    /// </summary>
    public static IReadOnlyList<string> Layout(Schema schema)
    {
        var lines = new List<string>();
        foreach (var table in Ordered(schema, Placement.Reference))
        {
            lines.Add($"SELECT create_reference_table('{table}');  -- {Reference[table]}");
        }

        var distributed = Ordered(schema, Placement.Distributed);
        foreach (var table in distributed.Where(t => t == Anchor).Concat(distributed.Where(t => t != Anchor)))
        {
            var colocate = table == Anchor ? "none" : Anchor;
            lines.Add($"SELECT create_distributed_table('{table}', '{Column}', colocate_with => '{colocate}');");
        }

        foreach (var table in Ordered(schema, Placement.Coordinator))
        {
            lines.Add($"-- {table}: stays on the coordinator ({Coordinator[table]})");
        }

        return lines;
    }

    /// <summary>The tables of one placement, each after the tables of the same placement it refers to.</summary>
    private static List<string> Ordered(Schema schema, Placement placement)
    {
        var tables = schema.Tables.Where(t => Of(t.Name) == placement).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var done = new List<string>();
        var pending = new SortedSet<string>(tables.Keys, StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            // A cycle (none today) would leave no ready table: the rest then go alphabetically.
            var ready = pending.FirstOrDefault(t => tables[t].ForeignKeys.All(fk => fk.Referenced == t || !pending.Contains(fk.Referenced))) ?? pending.Min!;
            done.Add(ready);
            pending.Remove(ready);
        }

        return done;
    }

    /// <summary>What the distribution rules need to know of a schema: its tables, keys and foreign keys.</summary>
    public sealed record Schema(IReadOnlyList<Table> Tables);

    /// <summary>
    /// A table: its <c>tenant_id</c> column's type and whether it is NOT NULL (null without one); its primary key, unique
    /// constraints, unique indexes and exclusion constraints; its foreign keys; its identity and serial columns with their types.
    /// </summary>
    public sealed record Table(string Name, (string Type, bool NotNull)? TenantId, IReadOnlyList<Key> Keys, IReadOnlyList<ForeignKey> ForeignKeys,
        IReadOnlyList<(string Column, string Type)> Generated);

    /// <summary>A key of a table; <c>Kind</c> is primary key, unique, unique index or exclusion.</summary>
    public sealed record Key(string Name, string Kind, IReadOnlyList<string> Columns);

    /// <summary>A foreign key; its actions are PostgreSQL's codes: a (no action), r (restrict), c (cascade), n (set null), d (set default).</summary>
    public sealed record ForeignKey(string Name, IReadOnlyList<string> Columns, string Referenced, IReadOnlyList<string> ReferencedColumns, char OnDelete, char OnUpdate);
}
