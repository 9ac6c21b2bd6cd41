using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register.Facilities;

/// <summary>Reads, checks and saves the facility form for the new and edit pages.</summary>
public static class FacilityForm
{
    /// <summary>
    /// The saved facility, or null with every refusal on its field in <paramref name="modelState"/>. All checks run
    /// before anything is written, so that a refused form leaves the register as it was.
    /// </summary>
    public static async Task<Facility?> SaveAsync(AppDbContext db, ModelStateDictionary modelState, FacilityInput input, string tenantId, Facility? current, CancellationToken ct)
    {
        var values = new FormValues();
        var facility = input.ToFacility(tenantId, current?.Code ?? input.Code ?? "", current?.IsSample ?? false, values);
        var (validFrom, reason) = RegisterForms.ReadChange(input.ValidFrom, input.Reason, values);
        var errors = RegisterForms.Combine(values, RegisterValidation.Check(facility, RegisterForms.Today().Year));
        if (current is null && facility.Code.Length > 0 && await FacilityRegister.FindAsync(db, facility.Code, ct) is not null)
        {
            errors.Insert(0, Errors.DuplicateFacility(facility.Code));
        }

        if (errors.Count == 0)
        {
            var saved = await FacilityRegister.SaveAsync(db, facility, current is null, validFrom, reason, DateTime.UtcNow, ct);
            if (saved.IsSuccess)
            {
                return saved.Value;
            }

            errors.Add(saved.Error!);
        }

        RegisterForms.AddTo(modelState, errors);
        return null;
    }
}
