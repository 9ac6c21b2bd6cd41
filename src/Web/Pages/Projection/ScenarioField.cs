using InfraLedger.Core.Projection;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>
/// One input of the scenario form. Its id is its name with dots made underscores, as <c>_ErrorSummary</c> links it
/// (<c>Input.Cycles[0].RebuildAge</c> → <c>Input_Cycles[0]_RebuildAge</c>); its errors are ModelState's under the name.
/// </summary>
public sealed record ScenarioField(string Key, string Label, string? Value)
{
    /// <summary>text, select or textarea.</summary>
    public string Type { get; init; } = "text";

    public IReadOnlyList<FormOption> Options { get; init; } = [];

    public string? Hint { get; init; }

    /// <summary>numeric or decimal: a number is typed as text (１２，３４５ is read too), with the matching keyboard.</summary>
    public string? InputMode { get; init; }

    /// <summary>The unverified or inferred notes about this parameter, shown beside it.</summary>
    public IReadOnlyList<UnverifiedNote> Notes { get; init; } = [];

    public string Id => IdOf(Key);

    public static string IdOf(string key) => key.Replace('.', '_');
}

/// <summary>Builds the scenario form's fields, each with the scenario's notes about it, and the form's choices.</summary>
/// <param name="notes">The scenario's <see cref="ScenarioParameters.Unverified"/>.</param>
public sealed class ScenarioFormView(IReadOnlyList<UnverifiedNote> notes)
{
    public static readonly IReadOnlyList<FormOption> SpreadAlignments =
    [
        new(nameof(SpreadAlignment.Start), "発生年から（建替え3年なら t, t+1, t+2 年）"),
        new(nameof(SpreadAlignment.Centred), "発生年を中心に（建替え3年なら t−1, t, t+1 年）"),
    ];

    public static readonly IReadOnlyList<FormOption> AgeBases =
    [
        new(nameof(AgeBasis.Elapsed), "基準年度 − 建築年度（1990年度建築なら2020年度に30年）"),
        new(nameof(AgeBasis.Inclusive), "建築年度を1年目と数える（1990年度建築なら2020年度に31年）"),
    ];

    public static readonly IReadOnlyList<FormOption> CostBases =
    [
        new(nameof(CostBase.Rebuild), "建替え単価"),
        new(nameof(CostBase.Renovation), "大規模改修単価"),
    ];

    public static readonly IReadOnlyList<FormOption> SewerPricings =
    [
        new(nameof(SewerPricing.Material), "管種別（確認済みの単価）"),
        new(nameof(SewerPricing.Diameter), "管径別（未検証の単価表）"),
    ];

    public IReadOnlyList<UnverifiedNote> All => notes;

    /// <summary>
    /// The notes whose parameter is a prefix of <paramref name="path"/>, a JSON path without indices:
    /// <c>cycles.backlogYears</c> is about every cycle's backlog years, <c>waterPipes.tables</c> about the water tables.
    /// </summary>
    public IReadOnlyList<UnverifiedNote> For(string path) =>
        [.. notes.Where(n => path.StartsWith(n.Parameter, StringComparison.Ordinal))];

    public ScenarioField Text(string key, string label, string? value, string? path = null, string? hint = null) =>
        new(key, label, value) { Hint = hint, Notes = path is null ? [] : For(path) };

    public ScenarioField Number(string key, string label, string? value, string? path = null, string? hint = null, bool whole = true) =>
        Text(key, label, value, path, hint) with { InputMode = whole ? "numeric" : "decimal" };

    public ScenarioField Select(string key, string label, string? value, IReadOnlyList<FormOption> options, string? path = null, string? hint = null) =>
        Text(key, label, value, path, hint) with { Type = "select", Options = options };

    public static string Confidence(UnverifiedNote note) => note.Confidence == "P" ? "推定" : "未検証";

    /// <summary>How a table row is named to a screen reader: by its first cell, else by its number.</summary>
    public static string Row(string? name, int index) => string.IsNullOrWhiteSpace(name) ? $"{index + 1}行目（追加用の空の行）" : $"{index + 1}行目「{name}」";
}
