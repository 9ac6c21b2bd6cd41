using InfraLedger.Core.Common;

namespace InfraLedger.Core.Register;

/// <summary>Field checks of facilities and assets, shared by the edit forms and the import. Japanese messages.</summary>
public static class RegisterValidation
{
    // Japan's extent (沖ノ鳥島 20.4°N … 択捉島 45.6°N, 与那国島 122.9°E … 南鳥島 153.99°E).
    private const double MinLatitude = 20, MaxLatitude = 46, MinLongitude = 122, MaxLongitude = 154;

    // The widest roads and bridges are about 100 m; 200 m leaves room and still catches a length typed as a width.
    private const decimal MaxWidth = 200m;

    // Quantities (㎡, m) are stored as numeric(18,3) on PostgreSQL and as a double on SQLite: up to 3 decimals and 15
    // significant digits come back exactly as written on both, so a stored version is the one that was checked and digested.
    private const decimal MaxQuantity = 999_999_999_999.999m;

    // Pipes of the register run from 口径 13 mm (service pipes) to a few metres (trunk sewers).
    private const int MinDiameter = 1, MaxDiameter = 10_000;

    public static List<Error> Check(Facility f, int currentYear)
    {
        var errors = new List<Error>();
        Required(errors, f.Code, nameof(Facility.Code), "施設コード", 50);
        KeyCharacters(errors, f.Code, nameof(Facility.Code), "施設コード");
        Reserved(errors, f.Code, nameof(Facility.Code), "施設コード", "new", "map", "export");
        Required(errors, f.Name, nameof(Facility.Name), "施設名", 200);
        MaxLength(errors, f.Kana, nameof(Facility.Kana), "よみ", 200);
        MaxLength(errors, f.UsageMajor, nameof(Facility.UsageMajor), "用途分類（大分類）", 100);
        MaxLength(errors, f.UsageMinor, nameof(Facility.UsageMinor), "用途分類（中分類）", 100);
        MaxLength(errors, f.Address, nameof(Facility.Address), "所在地", 300);
        MaxLength(errors, f.Structure, nameof(Facility.Structure), "構造", 100);
        MaxLength(errors, f.Section, nameof(Facility.Section), "所管課", 100);
        MaxLength(errors, f.Note, nameof(Facility.Note), "備考", 2000);
        if (f.Latitude is { } lat && lat is < MinLatitude or > MaxLatitude)
        {
            errors.Add(Errors.OutOfRange(nameof(Facility.Latitude), "緯度", lat.ToString(System.Globalization.CultureInfo.InvariantCulture), "日本の範囲（北緯20〜46度）"));
        }

        if (f.Longitude is { } lng && lng is < MinLongitude or > MaxLongitude)
        {
            errors.Add(Errors.OutOfRange(nameof(Facility.Longitude), "経度", lng.ToString(System.Globalization.CultureInfo.InvariantCulture), "日本の範囲（東経122〜154度）"));
        }

        if ((f.Latitude is null) != (f.Longitude is null))
        {
            errors.Add(Errors.LatLngPair);
        }

        if (f.Quantity is < 0)
        {
            errors.Add(Errors.Negative(nameof(Facility.Quantity), "数量"));
        }

        QuantityPrecision(errors, f.Quantity, nameof(Facility.Quantity));
        if (f.Quantity is not null && f.QuantityKind is null)
        {
            errors.Add(Errors.QuantityKindMissing);
        }

        if (f.YearBuilt is { } y && (y < 1600 || y > currentYear + 10))
        {
            errors.Add(Errors.OutOfRange(nameof(Facility.YearBuilt), "建築年", y.ToString(System.Globalization.CultureInfo.InvariantCulture), $"1600〜{currentYear + 10}年"));
        }

        if (f.Width is { } w && w is <= 0 or > MaxWidth)
        {
            errors.Add(Errors.OutOfRange(nameof(Facility.Width), "幅員", w.ToString(System.Globalization.CultureInfo.InvariantCulture), $"0mを超え{MaxWidth}m以下"));
        }
        else if (f.Width is { } width && decimal.Round(width, 2) != width)
        {
            // PostgreSQL keeps 幅員 as numeric(9,2): a finer value would be rounded there and differ from its version's record.
            errors.Add(Errors.WidthPrecision(width));
        }

        if (f.Diameter is { } d && d is < MinDiameter or > MaxDiameter)
        {
            errors.Add(Errors.OutOfRange(nameof(Facility.Diameter), "口径", d.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{MinDiameter}〜{MaxDiameter}mm"));
        }

        return errors;
    }

    public static List<Error> Check(FixedAsset a)
    {
        var errors = new List<Error>();
        Required(errors, a.Number, nameof(FixedAsset.Number), "資産番号", 50);
        KeyCharacters(errors, a.Number, nameof(FixedAsset.Number), "資産番号");
        Reserved(errors, a.Number, nameof(FixedAsset.Number), "資産番号", "new", "export");
        Required(errors, a.Name, nameof(FixedAsset.Name), "件名", 200);
        Required(errors, a.Account, nameof(FixedAsset.Account), "勘定科目", 50);
        MaxLength(errors, a.FacilityCode, nameof(FixedAsset.FacilityCode), "施設コード", 50);
        MaxLength(errors, a.AssetClass, nameof(FixedAsset.AssetClass), "区分", 50);
        MaxLength(errors, a.QuantityUnit, nameof(FixedAsset.QuantityUnit), "数量の単位", 20);
        MaxLength(errors, a.Location, nameof(FixedAsset.Location), "所在地", 300);
        MaxLength(errors, a.Usage, nameof(FixedAsset.Usage), "用途", 100);
        MaxLength(errors, a.BusinessCategory, nameof(FixedAsset.BusinessCategory), "事業分類", 100);
        MaxLength(errors, a.Section, nameof(FixedAsset.Section), "所管課", 100);
        MaxLength(errors, a.Note, nameof(FixedAsset.Note), "備考", 2000);
        if (a.AcquisitionCost < 0)
        {
            errors.Add(Errors.Negative(nameof(FixedAsset.AcquisitionCost), "取得価額等"));
        }

        if (decimal.Truncate(a.AcquisitionCost) != a.AcquisitionCost)
        {
            errors.Add(Errors.FractionalYen(a.AcquisitionCost));
        }

        if (a.UsefulLife is { } life && life is < 0 or > 100)
        {
            errors.Add(Errors.OutOfRange(nameof(FixedAsset.UsefulLife), "耐用年数", life.ToString(System.Globalization.CultureInfo.InvariantCulture), "0〜100年"));
        }

        if (a.Quantity is < 0)
        {
            errors.Add(Errors.Negative(nameof(FixedAsset.Quantity), "数量"));
        }

        QuantityPrecision(errors, a.Quantity, nameof(FixedAsset.Quantity));
        if (a.DisposalDate is { } disposed && a.AcquisitionDate is { } acquired && disposed < acquired)
        {
            errors.Add(Errors.DisposalBeforeAcquisition);
        }

        return errors;
    }

    private static void QuantityPrecision(List<Error> errors, decimal? quantity, string field)
    {
        if (quantity is { } q && (decimal.Round(q, 3) != q || q > MaxQuantity))
        {
            errors.Add(Errors.QuantityPrecision(field, q));
        }
    }

    /// <summary>Keys appear in URLs (/{団体コード}/facilities/{施設コード}): no slash, no query or fragment marks, no control characters.</summary>
    private static void KeyCharacters(List<Error> errors, string? value, string field, string label)
    {
        if (value is not null && value.Any(c => c is '/' or '\\' or '?' or '#' or '%' || char.IsControl(c)))
        {
            errors.Add(Errors.KeyCharacters(field, label, value));
        }
    }

    /// <summary>Words that are pages of their own (/facilities/new, /facilities/map, /facilities/export) cannot be keys.</summary>
    private static void Reserved(List<Error> errors, string? value, string field, string label, params string[] words)
    {
        if (value is not null && words.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(Errors.ReservedKey(field, label, value));
        }
    }

    private static void Required(List<Error> errors, string? value, string field, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(Errors.Required(field, label));
        }
        else
        {
            MaxLength(errors, value, field, label, max);
        }
    }

    private static void MaxLength(List<Error> errors, string? value, string field, string label, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(Errors.TooLong(field, label, max));
        }
    }
}
