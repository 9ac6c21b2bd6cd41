namespace InfraLedger.Core.OpenData;

/// <summary>
/// A tenant's consent to publish one kind of dataset as open data, with the licence it chose. The register is
/// private until such a row exists; withdrawing deletes the row (the audit trail keeps both acts).
/// </summary>
public sealed class OpenDataset : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    /// <summary>A <see cref="DatasetKind.Id"/>: facilities, register or indicators.</summary>
    public required string Kind { get; init; }

    /// <summary>An <see cref="OpenDataLicence.Id"/> of the configured list.</summary>
    public required string Licence { get; set; }

    /// <summary>When the dataset was first published (CKAN <c>metadata_created</c>).</summary>
    public DateTime PublishedAtUtc { get; set; }

    /// <summary>When the tenant last published it (again, or with another licence).</summary>
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A kind of dataset a tenant can publish, and what it is called in the catalogue.</summary>
/// <param name="Id">The value of <c>--dataset</c> and of the download URL.</param>
/// <param name="Slug">The end of the CKAN <c>name</c>: <c>{団体コード}-{Slug}</c>.</param>
/// <param name="Title">The Japanese title (after the body's name).</param>
/// <param name="Description">The CKAN <c>notes</c>: what the dataset holds and where it comes from.</param>
/// <param name="Tags">CKAN tags; the first is the 自治体標準オープンデータセット name where the dataset follows one.</param>
/// <param name="Tables">The tables of the dataset; each is downloadable as every <see cref="ResourceFormat"/>.</param>
public sealed record DatasetKind(string Id, string Slug, string Title, string Description, IReadOnlyList<string> Tags, IReadOnlyList<ResourceTableInfo> Tables)
{
    public const string Facilities = "facilities";
    public const string Register = "register";
    public const string Indicators = "indicators";
    public const string Plan = "plan";

    public static readonly IReadOnlyList<DatasetKind> All =
    [
        new(Facilities, "public-facilities", "公共施設一覧",
            "自治体標準オープンデータセット「公共施設一覧」（推奨データセットの24列の様式）。施設台帳から作成し、台帳にない列は空欄です。",
            ["公共施設一覧", "自治体標準オープンデータセット", "公共施設"],
            [new("public-facilities", "公共施設一覧", "1行1施設。列名・列順は推奨データセットの公共施設一覧（24列）。緯度・経度は10進の度。")]),
        new(Register, "fixed-assets", "固定資産台帳",
            "統一的な基準による固定資産台帳（資産ごとの取得価額等・耐用年数・所在地など）。",
            ["固定資産台帳", "統一的な基準", "公共施設"],
            [new("fixed-assets", "固定資産台帳", "1行1資産。金額は円、日付は西暦（YYYY-MM-DD）、耐用年数は年。施設コードで公共施設一覧の NO と結び付きます。")]),
        new(Indicators, "indicators", "指標",
            "固定資産台帳から集計して団体が公表した指標（有形固定資産減価償却率・一人当たりストック・施設類型別）と、総務省「主要財政指標」の当団体の値（縦持ち）。",
            ["有形固定資産減価償却率", "主要財政指標", "財政"],
            [
                new("register-indicators", "台帳指標（団体が公表した値）", "1行1値（縦持ち）：年度・指標・単位・値。団体が年度ごとに公表した値のみ。"),
                new("fiscal-indicators", "主要財政指標", "1行1値（縦持ち）：年度・指標・単位・値（公表されたままの数値、空欄は該当なし）。"),
            ]),
    ];

    /// <summary>
    /// The summary of a decided 個別施設計画 (issue 20 item 6). Not in <see cref="All"/>, the register datasets published
    /// from the open-data page: it is published with the summary itself (Planning.PlanSummaryPublication).
    /// </summary>
    public static readonly DatasetKind PlanSummary = new(Plan, "maintenance-plan", "個別施設計画の概要",
        "団体が決定した個別施設計画の概要：年度別・財源別の概算費用、年度別の健全度の見込み（区分ごとの割合）、事後保全と比べたライフサイクルコストの縮減額。施設ごとの内容は含みません。",
        ["個別施設計画", "長寿命化", "インフラ"],
        [
            new("plan-costs", "年度別の概算費用", "1行1値：年度・財源・概算費用（円）。"),
            new("plan-grades", "年度別の健全度の見込み", "1行1値（縦持ち）：年度・健全度の区分・割合（0〜1、年度ごとの合計が1）。"),
            new("plan-saving", "事後保全との比較", "1行：計画期間・計画のライフサイクルコスト・事後保全のライフサイクルコスト・縮減額（円）・縮減率。"),
        ]);

    public static DatasetKind? Find(string? id) => id == Plan ? PlanSummary : All.FirstOrDefault(k => k.Id == id);
}

/// <summary>A table of a dataset: its file name (without extension), title and a description of its rows and units.</summary>
public sealed record ResourceTableInfo(string Name, string Title, string Description);

/// <summary>A download format of every table: CKAN <c>format</c>, file extension and media type.</summary>
public sealed record ResourceFormat(string Name, string Extension, string MediaType)
{
    public static readonly IReadOnlyList<ResourceFormat> All =
    [
        new("CSV", "csv", "text/csv"),
        new("XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        new("JSON", "json", "application/json"),
    ];

    public static ResourceFormat? Find(string? extension) => All.FirstOrDefault(f => f.Extension == extension);
}
