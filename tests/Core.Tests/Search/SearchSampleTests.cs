using System.Globalization;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Search;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Search;

/// <summary>
/// The search keys drawn from the statistics sample (ADR 0034) on the database of the round: on PostgreSQL, once the table
/// is analysed, the rare windows of a query go first; the rows found are the same, and only the tenant's.
/// </summary>
public sealed class SearchSampleTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly From = new(2024, 4, 1);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using (var db = database.Context(Yaizu))
        {
            // As the list benchmark: every name holds センター, the numbers tell them apart.
            for (var i = 0; i < 20; i++)
            {
                await SaveAsync(db, new Facility { TenantId = Yaizu, Code = "C" + i.ToString(CultureInfo.InvariantCulture), Name = "市民センター" + i.ToString(CultureInfo.InvariantCulture), Address = "焼津市本町" });
            }
        }

        await using (var other = database.Context(Fujieda))
        {
            await SaveAsync(other, new Facility { TenantId = Fujieda, Code = "C12", Name = "市民センター12", Address = "藤枝市" });
        }

        await using var analyse = database.Context(Yaizu);
        if (analyse.Database.IsNpgsql())
        {
            await analyse.Database.ExecuteSqlRawAsync("ANALYZE facilities");
        }
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task the_rare_windows_of_a_query_go_first_once_the_table_is_analysed()
    {
        await using var db = database.Context(Yaizu);

        var keys = await SearchSample.KeysAsync(db, "facilities", ["センター12"], default);

        // 21 rows sampled: センタ and ンター in all, ター1 in 12, ー12 in 2 (ours and 藤枝市's): only ー12 is rare.
        keys.ShouldBe(db.Database.IsNpgsql() ? ["ー12", "センター12"] : ["センター12"]);
    }

    [Theory]
    [InlineData("センター12", new[] { "C12" })]
    [InlineData("ンター1", new[] { "C1", "C10", "C11", "C12", "C13", "C14", "C15", "C16", "C17", "C18", "C19" })]
    [InlineData("市民 ター19", new[] { "C19" })]
    [InlineData("センター20", new string[0])]
    public async Task the_rows_found_are_the_tenants_rows_holding_every_term(string query, string[] expected)
    {
        await using var db = database.Context(Yaizu);

        var list = await FacilityRegister.ListAsync(db, new FacilityRegister.Query(Text: query), default);
        var search = await TenantSearch.SearchAsync(db, query, SearchKind.Facility, 1, 20, default);

        list.Rows.Select(f => f.Code).ShouldBe(expected);
        search.Groups.Single().Hits.Select(h => h.Key).ShouldBe(expected);
    }

    private static async Task SaveAsync(AppDbContext db, Facility facility) =>
        (await FacilityRegister.SaveAsync(db, facility, true, From, null, Now, default)).IsSuccess.ShouldBeTrue();
}
