using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Tests;

namespace InfraLedger.Core.Tests.Register;

/// <summary>
/// The register lists paged by key on the database of the round: following "next" from the first page, then "previous"
/// back, visits every row once in each sort and direction (nulls where the database puts them); codes in natural order;
/// the count estimated beyond the exact limit on PostgreSQL.
/// </summary>
public sealed class KeysetPagingTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const int Rows = 57;
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.Context(Yaizu);
        for (var i = 1; i <= Rows; i++)
        {
            // Names repeat (ties broken by code), every fifth year and every seventh quantity unknown.
            var f = new Facility
            {
                TenantId = Yaizu, Code = $"FH-{i}", Name = $"施設{i % 9}", YearBuilt = i % 5 == 0 ? null : 1950 + (i % 13),
                Quantity = i % 7 == 0 ? null : (i % 4) * 100m, QuantityKind = QuantityKind.FloorArea,
            };
            (await FacilityRegister.SaveAsync(db, f, true, new DateOnly(2024, 4, 1), null, Now, default)).IsSuccess.ShouldBeTrue();
        }
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task codes_are_listed_in_natural_order()
    {
        await using var db = database.Context(Yaizu);
        var page = await FacilityRegister.ListAsync(db, new FacilityRegister.Query(PageSize: 12), default);

        page.Rows.Select(f => f.Code).ShouldBe([.. Enumerable.Range(1, 12).Select(i => $"FH-{i}")]);
    }

    [Theory]
    [InlineData("code", false)]
    [InlineData("code", true)]
    [InlineData("name", false)]
    [InlineData("name", true)]
    [InlineData("year", false)]
    [InlineData("year", true)]
    [InlineData("quantity", false)]
    [InlineData("quantity", true)]
    public async Task next_then_previous_visit_every_row_once(string sort, bool descending)
    {
        await using var db = database.Context(Yaizu);
        var query = new FacilityRegister.Query(Sort: sort, Descending: descending, PageSize: 10);
        var pages = new List<FacilityRegister.Page<Facility>> { await FacilityRegister.ListAsync(db, query, default) };
        while (pages[^1].NextCursor is { } next)
        {
            pages.Add(await FacilityRegister.ListAsync(db, query with { After = next, Page = pages.Count + 1 }, default));
            pages.Count.ShouldBeLessThan(10);
        }

        var forward = pages.SelectMany(p => p.Rows.Select(f => f.Code)).ToList();
        forward.Count.ShouldBe(Rows);
        forward.Distinct().Count().ShouldBe(Rows);
        pages.Select(p => p.Rows.Count).ShouldBe([10, 10, 10, 10, 10, 7]);

        // The same order as one unpaged read, and the same pages as the numbered jumps.
        var all = await FacilityRegister.ListAsync(db, query with { PageSize = 500 }, default);
        forward.ShouldBe(all.Rows.Select(f => f.Code).ToList());
        (await FacilityRegister.ListAsync(db, query with { Page = 4 }, default)).Rows.Select(f => f.Code).ShouldBe(pages[3].Rows.Select(f => f.Code));

        var back = new List<FacilityRegister.Page<Facility>> { pages[^1] };
        while (back[^1].PreviousCursor is { } previous)
        {
            back.Add(await FacilityRegister.ListAsync(db, query with { Before = previous, Page = pages.Count - back.Count + 1 }, default));
            back.Count.ShouldBeLessThan(10);
        }

        back.AsEnumerable().Reverse().SelectMany(p => p.Rows.Select(f => f.Code)).ShouldBe(forward);
        back[^1].PageNumber.ShouldBe(1);
    }

    [Fact]
    public async Task a_cursor_that_does_not_parse_gives_the_first_page()
    {
        await using var db = database.Context(Yaizu);
        var page = await FacilityRegister.ListAsync(db, new FacilityRegister.Query(Sort: "year", After: "not-a-cursor!", PageSize: 10), default);

        page.PageNumber.ShouldBe(1);
        page.Rows.Count.ShouldBe(10);
    }

    [Fact]
    public async Task beyond_the_exact_limit_the_count_is_estimated_on_postgresql()
    {
        await using var db = database.Context(Yaizu);
        var page = await FacilityRegister.ListAsync(db, new FacilityRegister.Query(PageSize: 10, ExactCountUpTo: 20), default);
        var exact = await FacilityRegister.ListAsync(db, new FacilityRegister.Query(PageSize: 10), default);

        exact.Estimated.ShouldBeFalse();
        exact.Total.ShouldBe(Rows);
        page.Estimated.ShouldBe(TestDatabase.Provider == DatabaseProvider.Postgres);
        page.Total.ShouldBeGreaterThan(20);
    }
}
