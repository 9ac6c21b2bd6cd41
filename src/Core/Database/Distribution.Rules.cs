namespace InfraLedger.Core.Database;

public static partial class Distribution
{
    /// <summary>
    /// Everything in <paramref name="schema"/> that Citus would refuse under this layout, one line each (empty: the schema
    /// can be distributed as <see cref="Layout"/> says). A distributed table needs a NOT NULL <c>tenant_id</c> of one type
    /// (colocation), in its primary key and in every unique constraint and unique index (uniqueness is checked on one shard
    /// only), and in every foreign key to another distributed table at the same place on both sides, without SET NULL or
    /// SET DEFAULT on delete and with no action on update. Foreign keys may go from a distributed table to a reference table,
    /// never from a reference or coordinator table to a distributed one, nor from a reference table to a coordinator table.
    /// </summary>
    public static IReadOnlyList<string> Problems(Schema schema)
    {
        var problems = new List<string>();
        var names = schema.Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Reference.Keys.Concat(Coordinator.Keys).Where(t => !names.Contains(t)).Order(StringComparer.Ordinal)
            .Select(t => $"{t}: listed in Distribution but not in the schema (remove it from the list)"));
        var anchor = schema.Tables.FirstOrDefault(t => t.Name == Anchor);
        if (anchor is null || Of(Anchor) != Placement.Distributed)
        {
            problems.Add($"{Anchor}: the colocation anchor must be a distributed table of the schema");
        }
        else if (anchor.ForeignKeys.Any(fk => Of(fk.Referenced) == Placement.Distributed && fk.Referenced != Anchor))
        {
            problems.Add($"{Anchor}: the colocation anchor is distributed first, so it may refer to reference tables only");
        }

        var tenantType = anchor?.TenantId?.Type;
        foreach (var table in schema.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!table.Keys.Any(k => k.Kind == "primary key"))
            {
                problems.Add($"{table.Name}: no primary key (Citus moves shards and replicates by it)");
            }

            switch (Of(table.Name))
            {
                case Placement.Distributed:
                    problems.AddRange(DistributedProblems(table, tenantType));
                    break;
                case Placement.Reference:
                    problems.AddRange(table.ForeignKeys.Where(fk => Of(fk.Referenced) != Placement.Reference)
                        .Select(fk => $"{table.Name}.{fk.Name}: a reference table may refer to reference tables only, not to {Of(fk.Referenced).ToString().ToLowerInvariant()} {fk.Referenced}"));
                    break;
                case Placement.Coordinator:
                    problems.AddRange(table.ForeignKeys.Where(fk => Of(fk.Referenced) == Placement.Distributed)
                        .Select(fk => $"{table.Name}.{fk.Name}: a coordinator table may not refer to the distributed table {fk.Referenced}"));
                    break;
            }
        }

        return problems;
    }

    private static IEnumerable<string> DistributedProblems(Table table, string? tenantType)
    {
        if (table.TenantId is not { } tenant)
        {
            yield return $"{table.Name}: no {Column} column; a table of one tenant needs it (first in its primary key), a table of all tenants "
                + "is listed in Distribution.Reference (or Distribution.Coordinator) with its reason";
            yield break;
        }

        if (!tenant.NotNull)
        {
            yield return $"{table.Name}.{Column} may be NULL: a distribution column may not";
        }

        if (tenantType is not null && tenant.Type != tenantType)
        {
            yield return $"{table.Name}.{Column} is {tenant.Type}, not {tenantType}: colocated tables need one type";
        }

        foreach (var key in table.Keys.Where(k => !k.Columns.Contains(Column)))
        {
            yield return $"{table.Name}: {key.Kind} {key.Name} ({string.Join(", ", key.Columns)}) lacks {Column}";
        }

        foreach (var fk in table.ForeignKeys)
        {
            switch (Of(fk.Referenced))
            {
                case Placement.Coordinator:
                    yield return $"{table.Name}.{fk.Name}: a distributed table may not refer to the coordinator table {fk.Referenced}";
                    break;
                case Placement.Distributed:
                    var at = fk.Columns.ToList().IndexOf(Column);
                    if (at < 0 || fk.ReferencedColumns[at] != Column)
                    {
                        yield return $"{table.Name}.{fk.Name}: ({string.Join(", ", fk.Columns)}) → {fk.Referenced} ({string.Join(", ", fk.ReferencedColumns)}) "
                            + $"does not pair {Column} with {Column}";
                    }

                    if (fk.OnDelete is 'n' or 'd')
                    {
                        yield return $"{table.Name}.{fk.Name}: ON DELETE SET NULL/SET DEFAULT is refused when the key holds the distribution column";
                    }

                    if (fk.OnUpdate is not ('a' or 'r'))
                    {
                        yield return $"{table.Name}.{fk.Name}: ON UPDATE CASCADE/SET NULL/SET DEFAULT is refused when the key holds the distribution column";
                    }

                    break;
            }
        }

        foreach (var (column, type) in table.Generated.Where(g => g.Type != "bigint"))
        {
            yield return $"{table.Name}.{column}: a generated {type} column; on a distributed table only bigint ones work from every node";
        }
    }
}
