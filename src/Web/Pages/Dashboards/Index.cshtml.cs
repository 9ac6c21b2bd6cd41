using InfraLedger.Core.Dashboards;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages.Dashboards;

/// <summary>
/// The national overview (<c>/dashboard</c>) or one prefecture's (<c>/dashboard/22</c>): a choropleth map, the
/// distribution and a sortable table of every municipality's value of one indicator and year. Public.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : DashboardPage
{
    [BindProperty(SupportsGet = true, Name = "pref")]
    public string? Prefecture { get; set; }

    [BindProperty(SupportsGet = true, Name = "indicator")]
    public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string Sort { get; set; } = "value";

    /// <summary><c>asc</c> or <c>desc</c>; by default the largest values and the first codes or names come first.</summary>
    /// <summary>The page of the table of bodies (the map keeps every body).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "order")]
    public string? Order { get; set; }

    public bool Descending => Order == "desc" || (Order is null && Sort == "value");

    public string? PrefectureName { get; private set; }

    public List<LocalGovernment> Prefectures { get; private set; } = [];

    public PublicDashboard.Ranking? Ranking { get; private set; }

    /// <summary>On a prefecture's page, the nation's figures of the same indicator and year, to compare with.</summary>
    public Core.Indicators.Standing? Nation { get; private set; }

    protected override async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Sort = Sort is "code" or "name" ? Sort : "value";
        Prefectures = await db.LocalGovernments.AsNoTracking().Where(l => l.Kind == LocalGovernmentKind.Prefecture).OrderBy(l => l.Code).ToListAsync(ct);
        if (Prefecture is not null)
        {
            PrefectureName = Prefectures.FirstOrDefault(p => p.Code[..2] == Prefecture)?.Name;
            if (PrefectureName is null)
            {
                return NotFound();
            }
        }

        Choices = await PublicDashboard.ChoicesAsync(db, ct);
        var picked = PublicDashboard.Pick(Choices, Indicator, Year);
        if (!picked.IsSuccess)
        {
            return Refuse(picked.Error!);
        }

        (Indicator, Year) = (picked.Value.Choice.Definition.Id, picked.Value.Year);
        Ranking = await PublicDashboard.RankingAsync(db, picked.Value.Choice, picked.Value.Year, Prefecture, ct);
        Nation = Prefecture is null ? null : (await PublicDashboard.RankingAsync(db, picked.Value.Choice, picked.Value.Year, null, ct)).Summary;
        return Page();
    }

    protected override IEnumerable<Core.Common.Table> ViewTables() =>
        Ranking is { } r ? [Tables.Ranking(r, Sort, Descending), Tables.Distribution(r)] : [];

    public string Path => Prefecture is null ? "/dashboard" : $"/dashboard/{Prefecture}";

    /// <summary>The view's query; the prefecture is in the path.</summary>
    public (string Key, object? Value)[] ViewQuery => [("indicator", Indicator), ("year", Year)];

    protected override string CanonicalPath => Prefecture is { Length: 2 } p && p.All(char.IsAsciiDigit) ? $"/dashboard/{p}" : "/dashboard";

    protected override IEnumerable<(string Key, string? Value)> ViewParameters() =>
    [
        ("indicator", Given("indicator")), ("year", Number(Year)),
        ("sort", Given("sort") is "value" or "code" or "name" ? Sort : null), ("order", Order is "asc" or "desc" ? Order : null),
        ("p", PageNumber > 1 ? Number(PageNumber) : null),
    ];

    public string PageLink(int page) => Link(Path, ("indicator", Indicator), ("year", Year), ("sort", Sort), ("order", Descending ? "desc" : "asc"), ("p", page > 1 ? page : null));

    public string SortLink(string sort, string order) => Link(Path, ("indicator", Indicator), ("year", Year), ("sort", sort), ("order", order));

    public string BodyLink(string code) => Link($"/dashboard/body/{code}", ("year", Year));
}
