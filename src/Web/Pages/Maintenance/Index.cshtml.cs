using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Maintenance;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using AssetKind = InfraLedger.Core.Register.AssetKind;

namespace InfraLedger.Web.Pages.Maintenance;

/// <summary>維持管理: every policy of a kind's library on the tenant's stock (LCC, MLIT framing, hump, distributions, optimum).</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public AssetKind Kind { get; private set; } = AssetKind.Bridge;

    public int Years { get; private set; } = 50;

    public double Rate { get; private set; } = 0.04;

    public PolicyComparison? Comparison { get; private set; }

    public List<Table> Tables { get; private set; } = [];

    public Error? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? years, string? rate, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        if (kind is not null)
        {
            if (LibraryPresets.KindOf(kind) is not { } k)
            {
                return NotFound();
            }

            Kind = k;
        }

        if (years is not null && !(int.TryParse(years, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && (Years = y) is >= 1 and <= 200))
        {
            ErrorResponses.AddTo(ModelState, Core.Maintenance.Errors.YearsInvalid(years));
            Years = 50;
        }

        if (rate is not null && !(double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 && r <= 1 && (Rate = r) > 0))
        {
            ErrorResponses.AddTo(ModelState, Core.Maintenance.Errors.RateInvalid(rate));
            Rate = 0.04;
        }

        var result = await MaintenancePlanning.CompareAsync(db, Kind, Years, Rate, Core.Common.FiscalYear.Of(DateOnly.FromDateTime(DateTime.Today)).Year, ct);
        if (!result.IsSuccess)
        {
            Problem = result.Error;
            return Page();
        }

        Comparison = result.Value;
        Tables = LccTables.Comparison(result.Value, (await Core.Inspections.GradeScales.LoadAsync(db, ct)).For(Kind).Levels);
        return Page();
    }
}
