using InfraLedger.Core.Dashboards;
using InfraLedger.Core.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfraLedger.Web.Pages.Dashboards;

/// <summary>Two chosen indicators of every municipality (or one prefecture's) in a year, as a scatter and its table. Public.</summary>
[AllowAnonymous]
public sealed class ScatterModel(AppDbContext db) : DashboardPage
{
    [BindProperty(SupportsGet = true, Name = "x")]
    public string? X { get; set; }

    [BindProperty(SupportsGet = true, Name = "y")]
    public string? Y { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "pref")]
    public string? Prefecture { get; set; }

    public PublicDashboard.Scatter? Result { get; private set; }

    protected override async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (Prefecture is not null && (Prefecture.Length != 2 || !int.TryParse(Prefecture, out var p) || p is < 1 or > 47))
        {
            return Refuse(Errors.UnknownPrefecture(Prefecture));
        }

        Choices = await PublicDashboard.ChoicesAsync(db, ct);
        var x = PublicDashboard.Pick(Choices, X, Year);
        if (!x.IsSuccess)
        {
            return Refuse(x.Error!);
        }

        var y = PublicDashboard.Pick(Choices, Y ?? Choices.FirstOrDefault(c => c != x.Value.Choice)?.Definition.Id, x.Value.Year);
        if (!y.IsSuccess)
        {
            return Refuse(y.Error!);
        }

        (X, Y, Year) = (x.Value.Choice.Definition.Id, y.Value.Choice.Definition.Id, x.Value.Year);
        Result = await PublicDashboard.ScatterAsync(db, x.Value.Choice, y.Value.Choice, x.Value.Year, Prefecture, ct);
        return Page();
    }

    protected override IEnumerable<(string Key, string? Value)> ViewParameters() =>
        [("x", Given("x")), ("y", Given("y")), ("year", Number(Year)), ("pref", Given("pref"))];

    protected override IEnumerable<Core.Common.Table> ViewTables() => Result is { } s ? [Tables.Scatter(s)] : [];
}
