using System.Globalization;
using InfraLedger.Core.Register;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register.Facilities;

/// <summary>The facility form as typed (text), read into a <see cref="Facility"/> by <see cref="ToFacility"/>.</summary>
public sealed class FacilityInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Kana { get; set; }

    public string? UsageMajor { get; set; }

    public string? UsageMinor { get; set; }

    public string? Kind { get; set; } = nameof(AssetKind.Building);

    public string? Address { get; set; }

    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    public string? Quantity { get; set; }

    public string? QuantityKind { get; set; }

    public string? YearBuilt { get; set; }

    public string? Structure { get; set; }

    /// <summary>幅員 m.</summary>
    public string? Width { get; set; }

    /// <summary>口径 mm.</summary>
    public string? Diameter { get; set; }

    public string? Status { get; set; } = nameof(FacilityStatus.InService);

    public string? Section { get; set; }

    public string? Note { get; set; }

    /// <summary>異動日: the date the change takes effect.</summary>
    public string? ValidFrom { get; set; } = RegisterFormat.Date(RegisterForms.Today());

    /// <summary>事由.</summary>
    public string? Reason { get; set; }

    public static FacilityInput From(Facility f) => new()
    {
        Code = f.Code,
        Name = f.Name,
        Kana = f.Kana,
        UsageMajor = f.UsageMajor,
        UsageMinor = f.UsageMinor,
        Kind = f.Kind.ToString(),
        Address = f.Address,
        Latitude = f.Latitude?.ToString(CultureInfo.InvariantCulture),
        Longitude = f.Longitude?.ToString(CultureInfo.InvariantCulture),
        Quantity = f.Quantity?.ToString(CultureInfo.InvariantCulture),
        QuantityKind = f.QuantityKind?.ToString(),
        YearBuilt = f.YearBuilt?.ToString(CultureInfo.InvariantCulture),
        Structure = f.Structure,
        Width = f.Width?.ToString("G29", CultureInfo.InvariantCulture), // 6.5, not PostgreSQL's numeric(9,2) 6.50
        Diameter = f.Diameter?.ToString(CultureInfo.InvariantCulture),
        Status = f.Status.ToString(),
        Section = f.Section,
        Note = f.Note,
    };

    /// <summary>The facility these fields describe; unreadable values are left empty and reported in <paramref name="values"/>.</summary>
    public Facility ToFacility(string tenantId, string code, bool isSample, FormValues values) => new()
    {
        TenantId = tenantId,
        Code = code.Trim(),
        Name = FormValues.Text(Name) ?? "",
        Kana = FormValues.Text(Kana),
        UsageMajor = FormValues.Text(UsageMajor),
        UsageMinor = FormValues.Text(UsageMinor),
        Kind = values.Choice<AssetKind>(Kind, nameof(Facility.Kind), "資産種別") ?? AssetKind.Other,
        Address = FormValues.Text(Address),
        Latitude = values.Coordinate(Latitude, nameof(Facility.Latitude), "緯度"),
        Longitude = values.Coordinate(Longitude, nameof(Facility.Longitude), "経度"),
        Quantity = values.Number(Quantity, nameof(Facility.Quantity), "数量"),
        QuantityKind = values.Choice<Core.Register.QuantityKind>(QuantityKind, nameof(Facility.QuantityKind), "数量の種類"),
        YearBuilt = values.Year(YearBuilt, nameof(Facility.YearBuilt), "建築年"),
        Structure = FormValues.Text(Structure),
        Width = values.Number(Width, nameof(Facility.Width), "幅員"),
        Diameter = values.WholeNumber(Diameter, nameof(Facility.Diameter), "口径"),
        Status = values.Choice<FacilityStatus>(Status, nameof(Facility.Status), "状態") ?? FacilityStatus.InService,
        Section = FormValues.Text(Section),
        Note = FormValues.Text(Note),
        IsSample = isSample,
    };
}
