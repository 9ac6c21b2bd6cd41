using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Register.Import;

/// <summary>What a file is imported into.</summary>
public enum ImportTarget
{
    Facilities = 1,
    Assets = 2,
}

/// <summary>How a field's cell text is read.</summary>
public enum FieldType
{
    Text,
    Number,
    WholeNumber,
    Year,
    Date,
    Money,
    Kind,
    Status,
    Flag,
}

/// <summary>A field of the register a column can be mapped to.</summary>
public sealed record ImportField(string Name, string Label, FieldType Type, bool Required);

/// <summary>
/// The importable fields per target: how each is read here, its label, whether it is required and the header names
/// that mean it in the vocabulary file (<c>Tables/Data/vocabularies.json</c>, ADR 0021).
/// </summary>
public static class ImportFields
{
    public static readonly IReadOnlyList<ImportField> Facility = Build(Vocabularies.Facilities,
    [
        ("Code", FieldType.Text), ("Name", FieldType.Text), ("Kana", FieldType.Text), ("UsageMajor", FieldType.Text), ("UsageMinor", FieldType.Text),
        ("Kind", FieldType.Kind), ("Address", FieldType.Text), ("Latitude", FieldType.Number), ("Longitude", FieldType.Number),
        ("FloorArea", FieldType.Number), ("Length", FieldType.Number), ("Area", FieldType.Number), ("YearBuilt", FieldType.Year),
        ("Structure", FieldType.Text), ("Width", FieldType.Number),
        // The header unit reader knows no mm (lengths go to m, which would make 150 mm 0.15): 口径（mm） is a name of its own.
        ("Diameter", FieldType.WholeNumber),
        ("Status", FieldType.Status), ("Section", FieldType.Text), ("Note", FieldType.Text), ("IsSample", FieldType.Flag),
    ]);

    public static readonly IReadOnlyList<ImportField> Asset = Build(Vocabularies.Assets,
    [
        ("Number", FieldType.Text), ("FacilityCode", FieldType.Text), ("Name", FieldType.Text), ("AssetClass", FieldType.Text), ("Account", FieldType.Text),
        ("AcquisitionDate", FieldType.Date), ("ServiceStartDate", FieldType.Date), ("AcquisitionCost", FieldType.Money), ("UsefulLife", FieldType.WholeNumber),
        ("Quantity", FieldType.Number), ("QuantityUnit", FieldType.Text), ("Location", FieldType.Text), ("Usage", FieldType.Text),
        ("BusinessCategory", FieldType.Text), ("Section", FieldType.Text), ("OpeningEstimated", FieldType.Flag), ("DisposalDate", FieldType.Date),
        ("Note", FieldType.Text), ("IsSample", FieldType.Flag),
    ]);

    public static IReadOnlyList<ImportField> For(ImportTarget target) => target == ImportTarget.Facilities ? Facility : Asset;

    public static Vocabulary VocabularyOf(ImportTarget target) => Vocabularies.Get(target == ImportTarget.Facilities ? Vocabularies.Facilities : Vocabularies.Assets);

    /// <summary>The field that identifies a row: 施設コード or 資産番号.</summary>
    public static string KeyField(ImportTarget target) => target == ImportTarget.Facilities ? "Code" : "Number";

    /// <summary>Fields that identify a row, never fed by a column of phone numbers, URLs or dates.</summary>
    public static IReadOnlyCollection<string> IdentityFields(ImportTarget target) => [KeyField(target), "Name"];

    /// <summary>The field called <paramref name="nameOrLabel"/> (Code or 施設コード), or null.</summary>
    public static ImportField? Find(ImportTarget target, string nameOrLabel)
    {
        var key = HeaderKey.Of(nameOrLabel);
        return For(target).FirstOrDefault(f => f.Name.Equals(nameOrLabel, StringComparison.OrdinalIgnoreCase) || HeaderKey.Of(f.Label) == key);
    }

    private static List<ImportField> Build(string vocabulary, (string Name, FieldType Type)[] fields)
    {
        var v = Vocabularies.Get(vocabulary);
        return [.. fields.Select(f => (Field: v.Field(f.Name), f.Type)).Select(f => new ImportField(f.Field.Name, f.Field.Label, f.Type, f.Field.Required))];
    }
}
