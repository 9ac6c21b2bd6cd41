using InfraLedger.Core.Common;

using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Register.Import;

/// <summary>
/// Turns one row of a file into a facility or an asset under a mapping, collecting every problem of the row
/// with its file, sheet, row, column and value. A facility file without an identifier or a name column gets them
/// by the rules of <see cref="RowIdentity"/>. Required fields no column feeds are reported once by the import, not
/// on every row. Pure.
/// </summary>
public sealed class RowConverter(RawTable table, ColumnMapping mapping, string tenantId, RowIdentity? identity = null, int? tenantCodeColumn = null)
{
    private readonly RawTable table = table;
    private readonly ColumnMapping mapping = mapping;
    private readonly string tenantId = tenantId;
    private readonly RowIdentity identity = identity ?? new RowIdentity(mapping, null, []);
    private readonly int? tenantCodeColumn = tenantCodeColumn ?? HeaderMatcher.Match(ImportFields.VocabularyOf(mapping.Target), table).Column("TenantCode");

    /// <summary>Required fields no column feeds and no rule makes: reported once for the file, not for each row.</summary>
    private readonly HashSet<string> unmapped = UnmappedRequired(mapping, identity ?? new RowIdentity(mapping, null, []));

    /// <summary>Required fields of the target that no column feeds and no rule makes.</summary>
    public IReadOnlyCollection<string> Unmapped => unmapped;

    // Units in the header convert to base units (千円 → 円, km → m); a money column without one takes the table's
    // title unit (「単位：千円」). One factor per column, read once.
    private readonly decimal[] factors = [.. table.Headers.Select((h, column) => HeaderUnit.Split(h) switch
    {
        (_, _, null) when table.TitleUnit is { } title && IsMoney(mapping, column) => title.Factor,
        var unit => unit.Factor,
    })];

    public (Facility? Facility, List<ImportProblem> Problems) ToFacility(RawRow row, int currentYear)
    {
        var cells = new Cells(this, row);
        cells.CheckTenantCode();
        var code = cells.Text("Code") ?? (identity.MakesCode ? identity.Code(row) : null);
        var f = new Facility
        {
            TenantId = tenantId,
            Code = code is null ? "" : (mapping.CodePrefix ?? "") + code,
            Name = cells.Text("Name") ?? (identity.MakesName ? identity.Name(cells.Text("UsageMinor"), cells.Text("Address"), code ?? "") : ""),
            Kana = cells.Text("Kana"),
            UsageMajor = cells.Text("UsageMajor"),
            UsageMinor = cells.Text("UsageMinor"),
            Kind = cells.Parse("Kind", ParseKind) ?? mapping.DefaultKind ?? AssetKind.Building,
            Address = cells.Text("Address"),
            Latitude = (double?)cells.Number("Latitude"),
            Longitude = (double?)cells.Number("Longitude"),
            YearBuilt = cells.Parse("YearBuilt", ParseYear),
            Structure = cells.Text("Structure"),
            Width = cells.Number("Width"),
            Diameter = cells.WholeNumber("Diameter"),
            Status = cells.Parse("Status", ParseStatus) ?? mapping.DefaultStatus ?? FacilityStatus.InService,
            Section = cells.Text("Section"),
            Note = cells.Text("Note"),
            IsSample = cells.Parse("IsSample", ParseFlag) ?? false,
        };
        (f.Quantity, f.QuantityKind) = (cells.Number("FloorArea"), cells.Number("Length"), cells.Number("Area")) switch
        {
            ({ } floor, _, _) => (floor, QuantityKind.FloorArea),
            (_, { } length, _) => (length, QuantityKind.Length),
            (_, _, { } area) => (area, QuantityKind.Area),
            _ => ((decimal?)null, (QuantityKind?)null),
        };
        cells.AddValidation(RegisterValidation.Check(f, currentYear));
        return (cells.Problems.Count == 0 ? f : null, cells.Problems);
    }

    public (FixedAsset? Asset, List<ImportProblem> Problems) ToAsset(RawRow row)
    {
        var cells = new Cells(this, row);
        cells.CheckTenantCode();
        var facility = cells.Text("FacilityCode");
        var a = new FixedAsset
        {
            TenantId = tenantId,
            Number = cells.Text("Number") ?? "",
            FacilityCode = facility is null ? null : (mapping.CodePrefix ?? "") + facility,
            Name = cells.Text("Name") ?? "",
            AssetClass = cells.Text("AssetClass"),
            Account = cells.Text("Account") ?? "",
            AcquisitionDate = cells.Date("AcquisitionDate"),
            ServiceStartDate = cells.Date("ServiceStartDate"),
            AcquisitionCost = cells.Number("AcquisitionCost") ?? 0m,
            UsefulLife = (int?)cells.Number("UsefulLife"),
            Quantity = cells.Number("Quantity"),
            QuantityUnit = cells.Text("QuantityUnit"),
            Location = cells.Text("Location"),
            Usage = cells.Text("Usage"),
            BusinessCategory = cells.Text("BusinessCategory"),
            Section = cells.Text("Section"),
            OpeningEstimated = cells.Parse("OpeningEstimated", ParseFlag) ?? false,
            DisposalDate = cells.Date("DisposalDate"),
            Note = cells.Text("Note"),
            IsSample = cells.Parse("IsSample", ParseFlag) ?? false,
        };
        cells.AddValidation(RegisterValidation.Check(a));
        return (cells.Problems.Count == 0 ? a : null, cells.Problems);
    }

    /// <summary>Required fields of <paramref name="mapping"/>'s target that no column feeds and no rule of <paramref name="rules"/> makes.</summary>
    public static HashSet<string> UnmappedRequired(ColumnMapping mapping, RowIdentity rules) =>
        [.. ImportFields.For(mapping.Target).Where(f => f.Required && !mapping.Columns.ContainsKey(f.Name)).Select(f => f.Name)
            .Where(f => !(f == "Code" && rules.MakesCode) && !(f == "Name" && rules.MakesName))];

    private static bool IsMoney(ColumnMapping mapping, int column) =>
        ImportFields.For(mapping.Target).Any(f => f.Type == FieldType.Money && mapping.Columns.TryGetValue(f.Name, out var c) && c == column);

    /// <summary>A year from any date form (昭和50年, S50, 1975, 1975/4/1 …): <see cref="CellText.ParseYear"/>.</summary>
    internal static Result<int?> ParseYear(string text) => CellText.ParseYear(text);

    internal static Result<AssetKind?> ParseKind(string text) => CellText.Normalize(text) switch
    {
        "建物" or "施設" or "建築物" => AssetKind.Building,
        "道路" or "道" => AssetKind.Road,
        "橋梁" or "橋" or "橋りょう" => AssetKind.Bridge,
        "トンネル" or "隧道" => AssetKind.Tunnel,
        "上水道" or "上水道管" or "水道" or "水道管" or "管路" => AssetKind.WaterPipe,
        "下水道" or "下水道管" or "下水管" => AssetKind.SewerPipe,
        "公園" or "緑地" => AssetKind.Park,
        "その他" => AssetKind.Other,
        var other => Errors.UnknownValue("資産種別", other ?? "", "建物・道路・橋梁・トンネル・上水道管・下水道管・公園・その他"),
    };

    internal static Result<FacilityStatus?> ParseStatus(string text) => CellText.Normalize(text) switch
    {
        "供用中" or "使用中" or "稼働中" or "運営中" or "開館" => FacilityStatus.InService,
        "廃止" or "休止" or "用途廃止" or "閉鎖" => FacilityStatus.Closed,
        "計画" or "計画中" or "予定" or "建設中" => FacilityStatus.Planned,
        var other => Errors.UnknownValue("状態", other ?? "", "供用中・廃止・計画"),
    };

    internal static Result<bool?> ParseFlag(string text) => CellText.Normalize(text)?.ToLowerInvariant() switch
    {
        "○" or "〇" or "●" or "1" or "有" or "あり" or "はい" or "true" or "yes" or "y" => true,
        "×" or "0" or "無" or "なし" or "いいえ" or "false" or "no" or "n" => false,
        var other => Errors.UnknownValue("はい／いいえ", other ?? "", "○・×、1・0、有・無"),
    };

    /// <summary>Reading the mapped cells of one row, remembering each problem with its location.</summary>
    private sealed class Cells(RowConverter owner, RawRow row)
    {
        private static readonly string[] QuantityFields = ["FloorArea", "Length", "Area", "Quantity"];

        public List<ImportProblem> Problems { get; } = [];

        /// <summary>Folded text; an apostrophe our export put before a formula character is removed again.</summary>
        public string? Text(string field) => Raw(field, out _) is { } t ? Export.SafeCell.Unescape(TextFolding.Fold(t)) : null;

        public decimal? Number(string field)
        {
            if (Raw(field, out var column) is not { } text)
            {
                return null;
            }

            var parsed = CellText.ParseNumber(text);
            if (!parsed.IsSuccess)
            {
                Add(column, text, parsed.Error!.Message);
                return null;
            }

            return parsed.Value * owner.factors[column];
        }

        /// <summary>A whole number (口径 in mm): a fraction or a minus is reported, not cut off.</summary>
        public int? WholeNumber(string field)
        {
            if (Number(field) is not { } value)
            {
                return null;
            }

            if (value is >= 0 and <= int.MaxValue && decimal.Truncate(value) == value)
            {
                return (int)value;
            }

            var text = Raw(field, out var column) ?? "";
            Add(column, text, Tables.Errors.NotAWholeNumber(text).Message);
            return null;
        }

        public DateOnly? Date(string field)
        {
            if (Raw(field, out var column) is not { } text)
            {
                return null;
            }

            var parsed = CellText.ParseDate(text);
            if (!parsed.IsSuccess)
            {
                Add(column, text, parsed.Error!.Message);
                return null;
            }

            // Only a year (取得年度) known: 3月31日, the end of that 年度 (register-and-depreciation.md §4.2).
            return parsed.Value?.ToDateOnly(defaultMonth: 3, defaultDay: 31);
        }

        public T? Parse<T>(string field, Func<string, Result<T?>> parse)
            where T : struct
        {
            if (Raw(field, out var column) is not { } text)
            {
                return null;
            }

            var parsed = parse(text);
            if (!parsed.IsSuccess)
            {
                Add(column, text, parsed.Error!.Message);
                return null;
            }

            return parsed.Value;
        }

        public void CheckTenantCode()
        {
            if (owner.tenantCodeColumn is not { } column)
            {
                return;
            }

            if (column >= row.Cells.Count || CellText.IsMissing(row.Cells[column]))
            {
                return;
            }

            var text = CellText.Normalize(row.Cells[column]);
            var code = Tenancy.LocalGovernmentCode.Parse(text);
            if (!code.IsSuccess)
            {
                Add(column, text, code.Error!.Message);
            }
            else if (code.Value.Value != owner.tenantId)
            {
                Add(column, text, Errors.OtherTenantsData(code.Value.Value, owner.tenantId).Message);
            }
        }

        /// <summary>Validation errors name a property; they are reported at the column mapped to it (or the row).</summary>
        public void AddValidation(IEnumerable<Error> errors)
        {
            foreach (var e in errors.Where(e => e.Field is null || !owner.unmapped.Contains(e.Field)))
            {
                var field = e.Field switch
                {
                    "Quantity" or "QuantityKind" => QuantityFields.FirstOrDefault(owner.mapping.Columns.ContainsKey),
                    var f => f,
                };
                var column = field is not null && owner.mapping.Columns.TryGetValue(field, out var c) ? c : (int?)null;
                Add(column, column is { } i && i < row.Cells.Count ? row.Cells[i] : null, e.Message);
            }
        }

        private string? Raw(string field, out int column)
        {
            if (!owner.mapping.Columns.TryGetValue(field, out column) || column >= row.Cells.Count || CellText.IsMissing(row.Cells[column]))
            {
                return null;
            }

            return row.Cells[column];
        }

        private void Add(int? column, string? value, string reason) =>
            Problems.Add(new ImportProblem(
                new CellRef(owner.table.File, owner.table.Sheet, row.SourceRow, column is { } c and >= 0 ? owner.table.Headers[c] : null),
                value,
                reason));
    }
}
