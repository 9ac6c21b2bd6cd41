namespace InfraLedger.Core.Help;

/// <summary>
/// A help page for one feature: what it does, the page it helps with (<see cref="Page"/>, after <c>/{団体コード}</c>),
/// the files it takes (<see cref="Templates"/>, each downloadable) and short steps.
/// </summary>
public sealed record HelpTopic(string Id, string Title, string Page, string Summary, IReadOnlyList<string> Steps, IReadOnlyList<ImportTemplate> Templates);

/// <summary>The help topics, in the order of the staff menu; the glossary is its own page.</summary>
public static class HelpTopics
{
    public static readonly IReadOnlyList<HelpTopic> All =
    [
        new("register", "施設台帳・固定資産台帳", "/facilities",
            "施設（建物・道路・橋りょう・管路・公園など）と、統一的な基準の固定資産台帳を管理します。変更はすべて版として残り、異動日と事由を記録します。",
            ["施設・資産の一覧から検索・並べ替えができます。", "「新しい施設」「編集」で1件ずつ登録・修正します。建築年や日付は西暦（1980、2024-04-01）でも和暦（昭和55、S55、令和6年4月1日）でも入力できます。", "まとめて登録するときは「台帳の取込」を使います。"],
            []),
        new("import", "台帳の取込", "/import",
            "CSV（UTF-8・Shift_JIS）または Excel（.xlsx）の施設台帳・固定資産台帳を取り込みます。見出しの呼び方が違っても対応付けを提案し、取り込む前にすべての行を検査します。",
            ["テンプレートをダウンロードし、見本の行を自分の台帳の行に置き換えます（見出しの行は残します）。", "取込のページでファイルを選び、「検査」で問題がないか確かめます。問題はシート・行・列の位置で示されます。", "問題がなければ「確定」します。すべての行が書き込まれるか、1行も書き込まれないかのどちらかです。"],
            [ImportTemplates.Facilities, ImportTemplates.Assets]),
        new("inspections", "点検・工事の記録", "/inspections",
            "施設の点検結果（判定区分）と補修・工事の記録を管理します。5年ごとの定期点検の期限や、判定区分 III・IV の施設の対策状況が分かります。",
            ["1件ずつ入力するか、点検記録・工事記録のファイルを取り込みます。", "判定区分は I〜IV（下水道は緊急度）で入力します。", "取込では、施設コードが台帳にない行や未来の日付は、位置を示して取り込みません。"],
            [ImportTemplates.Inspections, ImportTemplates.Works]),
        new("deterioration", "劣化予測", "/deterioration",
            "点検記録の判定区分の移り変わりから、施設の種類ごとに劣化の速さ（マルコフ劣化ハザードモデル）を推定し、将来の区分の割合を予測します。",
            ["施設の種類を選び「推定する」を押すと、点検記録からモデルを推定します。点検が2回以上ある施設が必要です。", "推定したモデルを「採用」すると、維持管理と個別施設計画で使われます。", "他で推定したモデルは、このページでダウンロードした JSON と同じ形のファイルで取り込めます。"],
            []),
        new("maintenance", "維持管理（予防保全と事後保全）", "/maintenance",
            "補修工法と維持管理方針（どの区分で何をするか）ごとに、ライフサイクルコストを比べます。工法と費用は団体ごとの設定です。",
            ["「補修工法と維持管理方針の設定」で工法・費用・方針を確かめます。", "設定を変えるときは、いまの設定を JSON または Excel でダウンロードし、編集して取り込みます（ダウンロードしたファイルがそのまま取込の見本です）。", "方針ごとの年平均費用と 50 年間の費用が表で比べられます。"],
            []),
        new("reports", "住民からの通報", "/reports",
            "住民から届いた道路の穴や公園遊具の破損などの通報を受け付け、担当課が対応状況を更新します。住民は受付番号で状況を確認できます。",
            ["一覧から通報を開き、状況とお知らせを更新します。", "担当課が違うときは、通報の詳細ページの「担当課を変える」で引き継ぎます（変更は記録に残ります）。", "個人情報が書かれていたら説明文を編集し、必要なら非公開にします。"],
            []),
        new("indicators", "指標（有形固定資産減価償却率など）", "/indicators",
            "固定資産台帳から有形固定資産減価償却率や住民一人当たりの資産額を年度ごとに計算し、類似団体と比べます。",
            ["年度を選ぶと、台帳から計算した指標と内訳の表が表示されます。", "人口は人口のページで入力するか、ファイルで取り込みます。", "公表すると、公開ダッシュボードと他団体との比較に使われます。"],
            [ImportTemplates.Populations]),
        new("projection", "更新費用の推計", "/projection",
            "総務省の更新費用試算の方法で、今後40年間の施設・インフラの更新費用を推計します。シナリオで単価や周期を変えて比べられます。",
            ["シナリオと基準年度を選ぶと、年度別の推計のグラフと表が表示されます。", "「未検証」と表示された設定は、総務省などの資料で確認できていない設定です。結果はこれらの設定に依存します。", "過去の投資的経費を入力すると、推計と並べて表示されます。"],
            [ImportTemplates.Investments]),
        new("planning", "個別施設計画", "/plans",
            "予算の範囲で、リスク（劣化の起こりやすさ × 影響度）の高い施設から対策を選ぶ計画を作ります。計画は案として残り、決定すると公表できます。",
            ["影響度の設定で、緊急輸送道路や迂回路の有無などの属性と重みを決めます。属性はファイルで取り込めます。", "「新しい計画を作る」で期間と予算を入れて計算します。", "内容を確かめて「決定」します。決定した計画の概要は公表できます。"],
            [ImportTemplates.ConsequenceAttributes]),
        new("opendata", "オープンデータの公開", "/opendata",
            "施設一覧・固定資産台帳・指標を、データセットごとにライセンスを選んでオープンデータとして公開します。公開するまでは誰にも見えません。",
            ["データセットごとにライセンスを選び、「公開する」を押します（管理者のみ）。", "公開をやめるときは「公開を取り下げる」を押します。", "固定資産台帳には資産ごとの取得価額や帳簿価額が載ります。内容を確かめてから公開してください。"],
            []),
    ];

    public static HelpTopic? Find(string? id) => All.FirstOrDefault(t => t.Id == id);

    /// <summary>The topic whose templates include <paramref name="template"/>.</summary>
    public static HelpTopic? Of(ImportTemplate template) => All.FirstOrDefault(t => t.Templates.Contains(template));
}
