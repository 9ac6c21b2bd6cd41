using System.Globalization;
using InfraLedger.Core.Register;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register.Assets;

/// <summary>The asset form as typed (text), read into a <see cref="FixedAsset"/> by <see cref="ToAsset"/>.</summary>
public sealed class AssetInput
{
    public string? Number { get; set; }

    public string? FacilityCode { get; set; }

    public string? Name { get; set; }

    public string? AssetClass { get; set; }

    public string? Account { get; set; }

    public string? AcquisitionDate { get; set; }

    public string? ServiceStartDate { get; set; }

    /// <summary>取得価額等 in whole yen.</summary>
    public string? AcquisitionCost { get; set; }

    public string? UsefulLife { get; set; }

    public string? Quantity { get; set; }

    public string? QuantityUnit { get; set; }

    public string? Location { get; set; }

    public string? Usage { get; set; }

    public string? BusinessCategory { get; set; }

    public string? Section { get; set; }

    public string? OpeningEstimated { get; set; }

    public string? DisposalDate { get; set; }

    public string? Note { get; set; }

    public string? ValidFrom { get; set; } = RegisterFormat.Date(RegisterForms.Today());

    public string? Reason { get; set; }

    public static AssetInput From(FixedAsset a) => new()
    {
        Number = a.Number,
        FacilityCode = a.FacilityCode,
        Name = a.Name,
        AssetClass = a.AssetClass,
        Account = a.Account,
        AcquisitionDate = RegisterFormat.Date(a.AcquisitionDate),
        ServiceStartDate = RegisterFormat.Date(a.ServiceStartDate),
        AcquisitionCost = a.AcquisitionCost.ToString("0", CultureInfo.InvariantCulture),
        UsefulLife = a.UsefulLife?.ToString(CultureInfo.InvariantCulture),
        Quantity = a.Quantity?.ToString(CultureInfo.InvariantCulture),
        QuantityUnit = a.QuantityUnit,
        Location = a.Location,
        Usage = a.Usage,
        BusinessCategory = a.BusinessCategory,
        Section = a.Section,
        OpeningEstimated = a.OpeningEstimated ? "true" : null,
        DisposalDate = RegisterFormat.Date(a.DisposalDate),
        Note = a.Note,
    };

    /// <summary>The asset these fields describe; unreadable values are left empty and reported in <paramref name="values"/>.</summary>
    public FixedAsset ToAsset(string tenantId, string number, bool isSample, FormValues values) => new()
    {
        TenantId = tenantId,
        Number = number.Trim(),
        FacilityCode = FormValues.Text(FacilityCode),
        Name = FormValues.Text(Name) ?? "",
        AssetClass = FormValues.Text(AssetClass),
        Account = FormValues.Text(Account) ?? "",
        AcquisitionDate = values.Date(AcquisitionDate, nameof(FixedAsset.AcquisitionDate), "取得年月日"),
        ServiceStartDate = values.Date(ServiceStartDate, nameof(FixedAsset.ServiceStartDate), "供用開始年月日"),
        AcquisitionCost = values.Number(AcquisitionCost, nameof(FixedAsset.AcquisitionCost), "取得価額等") ?? 0,
        UsefulLife = values.WholeNumber(UsefulLife, nameof(FixedAsset.UsefulLife), "耐用年数"),
        Quantity = values.Number(Quantity, nameof(FixedAsset.Quantity), "数量"),
        QuantityUnit = FormValues.Text(QuantityUnit),
        Location = FormValues.Text(Location),
        Usage = FormValues.Text(Usage),
        BusinessCategory = FormValues.Text(BusinessCategory),
        Section = FormValues.Text(Section),
        OpeningEstimated = OpeningEstimated == "true",
        DisposalDate = values.Date(DisposalDate, nameof(FixedAsset.DisposalDate), "除却年月日"),
        Note = FormValues.Text(Note),
        IsSample = isSample,
    };
}
