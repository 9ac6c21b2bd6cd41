using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register.Assets;

/// <summary>Reads, checks and saves the asset form for the new and edit pages.</summary>
public static class AssetForm
{
    /// <summary>
    /// The saved asset, or null with every refusal on its field in <paramref name="modelState"/>. All checks run
    /// before anything is written, so that a refused form leaves the register as it was.
    /// </summary>
    public static async Task<FixedAsset?> SaveAsync(AppDbContext db, ModelStateDictionary modelState, AssetInput input, string tenantId, FixedAsset? current, CancellationToken ct)
    {
        var values = new FormValues();
        var asset = input.ToAsset(tenantId, current?.Number ?? input.Number ?? "", current?.IsSample ?? false, values);
        if (FormValues.Text(input.AcquisitionCost) is null)
        {
            // Every asset has a value, if only the 備忘価額 of 1円: an empty field is not 0円.
            values.Errors.Add(Errors.Required(nameof(FixedAsset.AcquisitionCost), "取得価額等"));
        }

        var (validFrom, reason) = RegisterForms.ReadChange(input.ValidFrom, input.Reason, values);
        var errors = RegisterForms.Combine(values, RegisterValidation.Check(asset));
        if (current is null && asset.Number.Length > 0 && await FixedAssets.FindAsync(db, asset.Number, ct) is not null)
        {
            errors.Insert(0, Errors.DuplicateAsset(asset.Number));
        }

        if (asset.FacilityCode is { } code && await FacilityRegister.FindAsync(db, code, ct) is null)
        {
            errors.Add(Errors.UnknownFacility(code));
        }

        if (errors.Count == 0)
        {
            var saved = await FixedAssets.SaveAsync(db, asset, current is null, validFrom, reason, DateTime.UtcNow, ct);
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
