using InfraLedger.Core.Common;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Help;

/// <summary>
/// A downloadable template for one importer: its columns are the importer's own vocabulary fields
/// (<c>Tables/Data/vocabularies.json</c>, the one rule the importer reads headers by), headed by each field's label, with
/// sample rows a user replaces. Required columns come first and are marked in the help page.
/// </summary>
/// <param name="Id">The download's name: <c>{Id}.csv</c>, <c>{Id}.xlsx</c>.</param>
/// <param name="Title">What the file holds, e.g. 施設台帳.</param>
/// <param name="Vocabulary">The importer's vocabulary id (<see cref="Vocabularies"/>).</param>
/// <param name="Samples">Sample rows: field name → cell text; fields not given are left empty.</param>
public sealed record ImportTemplate(string Id, string Title, string Vocabulary, IReadOnlyList<IReadOnlyDictionary<string, string>> Samples)
{
    /// <summary>The importer's fields, required first, in the vocabulary's order otherwise.</summary>
    public IReadOnlyList<VocabularyField> Fields =>
        [.. Vocabularies.Get(Vocabulary).Fields.Where(f => Include(f.Name)).OrderBy(f => f.Required ? 0 : 1)];

    /// <summary>The template as a table: headers are the field labels, one row per sample.</summary>
    public Table Table()
    {
        var fields = Fields;
        return new Table(Id, Title, [.. fields.Select(f => f.Label)],
            [.. Samples.Select(s => (IReadOnlyList<TableCell>)[.. fields.Select(f => new TableCell(s.GetValueOrDefault(f.Name) ?? ""))])]);
    }

    // 迂回路の有無 and 迂回路なし are two headers of one attribute: the template offers the plain one.
    private bool Include(string field) => !(Vocabulary == Consequences && field == "Detour");

    private const string Consequences = "plan-consequences";
}

/// <summary>Every import a staff user can upload, with its template.</summary>
public static class ImportTemplates
{
    private static Dictionary<string, string> Row(params (string Field, string Value)[] cells) =>
        cells.ToDictionary(c => c.Field, c => c.Value, StringComparer.Ordinal);

    public static readonly ImportTemplate Facilities = new("facilities", "施設台帳", Vocabularies.Facilities,
    [
        Row(("Code", "B-001"), ("Name", "中央公民館"), ("Kind", "建物"), ("UsageMajor", "市民文化系施設"), ("Address", "静岡県焼津市本町一丁目1番1号"),
            ("Latitude", "34.8670"), ("Longitude", "138.3236"), ("FloorArea", "1200"), ("YearBuilt", "昭和55"), ("Structure", "RC"), ("Status", "供用中"), ("Section", "生涯学習課")),
        Row(("Code", "R-001"), ("Name", "本町1号線"), ("Kind", "道路"), ("Length", "350"), ("Width", "6.5"), ("YearBuilt", "1985"), ("Status", "供用中"), ("Section", "道路課")),
    ]);

    public static readonly ImportTemplate Assets = new("assets", "固定資産台帳", Vocabularies.Assets,
    [
        Row(("Number", "10001"), ("FacilityCode", "B-001"), ("Name", "中央公民館 建物"), ("AssetClass", "事業用資産"), ("Account", "建物"),
            ("AcquisitionDate", "1980-04-01"), ("ServiceStartDate", "1980-06-01"), ("AcquisitionCost", "300000000"), ("UsefulLife", "50"), ("Section", "生涯学習課")),
        Row(("Number", "20001"), ("FacilityCode", "B-001"), ("Name", "中央公民館 敷地"), ("AssetClass", "事業用資産"), ("Account", "土地"),
            ("AcquisitionDate", "S55.4.1"), ("AcquisitionCost", "50000000"), ("Section", "生涯学習課")),
    ]);

    public static readonly ImportTemplate Inspections = new("inspections", "点検記録", Vocabularies.Inspections,
    [
        Row(("FacilityCode", "BR-001"), ("InspectedOn", "2024-06-10"), ("Grade", "II"), ("Member", "主桁"), ("Inspector", "土木課 点検班"), ("Findings", "塗装の劣化")),
    ]);

    public static readonly ImportTemplate Works = new("works", "工事・補修の記録", Vocabularies.Works,
    [
        Row(("FacilityCode", "BR-001"), ("CompletedOn", "2025-02-28"), ("Description", "主桁の塗装塗替え"), ("Member", "主桁"), ("GradeAfter", "I"), ("Cost", "12000000")),
    ]);

    public static readonly ImportTemplate ConsequenceAttributes = new("consequences", "影響度の属性", "plan-consequences",
    [
        Row(("Facility", "BR-001"), ("EmergencyRoute", "○"), ("Overpass", "×"), ("NoDetour", "×"), ("Traffic", "4500"), ("Evacuation", "○"), ("HazardArea", "×")),
    ]);

    public static readonly ImportTemplate Investments = new("investments", "投資的経費の実績", Vocabularies.Investments,
    [
        Row(("FiscalYear", "2022"), ("Renewal", "1100000000"), ("NewBuild", "600000000"), ("Land", "100000000"), ("Source", "地方財政状況調査（決算統計）")),
    ]);

    public static readonly ImportTemplate Populations = new("populations", "人口", Vocabularies.Populations,
    [
        Row(("FiscalYear", "2023"), ("Population", "135000"), ("Basis", "住民基本台帳人口"), ("AsOf", "2024-01-01"), ("Source", "住民基本台帳に基づく人口（サンプル）")),
    ]);

    public static readonly IReadOnlyList<ImportTemplate> All = [Facilities, Assets, Inspections, Works, ConsequenceAttributes, Investments, Populations];

    public static ImportTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);
}
