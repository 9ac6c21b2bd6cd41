using System.Text.Json;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>Every page, rendered by Chromium, passes axe-core without serious or critical violations.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js")));

    [Theory]
    [InlineData("/", false, 200, "InfraLedger インフラ台帳", null)]
    [InlineData("/account/login", false, 200, "サインイン", null)]
    [InlineData("/error/404", false, 404, "ページが見つかりません", null)]
    [InlineData("/222128", false, 400, "入力が正しくありません", "検査数字は 7")]
    [InlineData("/222127", true, 200, "焼津市", null)]
    [InlineData("/222127/members", true, 200, "メンバーの管理", "承諾待ちの招待")]
    [InlineData("/account/password", true, 200, "パスワードの変更", null)]
    [InlineData("/account/logout", true, 200, "サインアウト", null)]
    [InlineData("/account/forgot", false, 200, "パスワードを忘れた場合", "再設定のリンクを送る")]
    [InlineData("/account/reset/00112233445566aa/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false, 200, "パスワードの再設定", "このパスワード再設定のリンクは使えません")]
    [InlineData("/account/two-factor", true, 200, "二要素認証", "二要素認証の設定を始める")]
    [InlineData("/222127/mail", true, 200, "メールの送信状況", "最近のメール")]
    [InlineData(BrowserFixture.InvitationPath, false, 200, "メンバーへの招待", "アカウントを作成して承諾する")]
    [InlineData("/222127/tokens", true, 200, "APIトークンの管理", null)]
    [InlineData("/220001/municipalities", true, 200, "静岡県の市区町村", "焼津市")]
    [InlineData("/platform/tenants", true, 200, "テナント一覧", null)]
    [InlineData("/222127/facilities", true, 200, "施設台帳", "焼津図書館")]
    [InlineData("/222127/facilities/L-001", true, 200, "焼津図書館", "焼津図書館 建物")]
    [InlineData("/222127/facilities/L-001/edit", true, 200, "施設の編集", null)]
    [InlineData("/222127/facilities/new", true, 200, "施設の登録", null)]
    [InlineData("/222127/facilities/map", true, 200, "施設地図", "位置あり")]
    [InlineData("/222127/assets", true, 200, "固定資産台帳", "19001-1")]
    [InlineData("/222127/search?q=%E5%9B%B3%E6%9B%B8%E9%A4%A8", true, 200, "検索", "焼津図書館")] // 図書館
    [InlineData("/222127/assets/19001-1", true, 200, "焼津図書館 建物", "焼津図書館")]
    [InlineData("/222127/assets/19001-1/edit", true, 200, "資産の編集", null)]
    [InlineData("/222127/import", true, 200, "台帳ファイルの取込", "検査する")]
    [InlineData("/222127/projection?baseYear=2024", true, 200, "更新費用の推計", "分類別の更新費用")]
    [InlineData("/222127/projection?baseYear=2024&compare=life-extension", true, 200, "更新費用の推計", "シナリオの比較")]
    [InlineData("/222127/projection/groups", true, 200, "広域グループの推計", "志太地域")]
    [InlineData("/222127/projection/groups/1?baseYear=2024", true, 200, "志太地域の推計", "構成団体別")]
    [InlineData("/222127/indicators?year=2025", true, 200, "指標（見える化）", "有形固定資産減価償却率の推移")]
    [InlineData("/222127/indicators/stock?year=2025", true, 200, "施設類型別ストック情報分析表", "学校施設")]
    [InlineData("/222127/indicators/assets?year=2025", true, 200, "資産別の償却状況", "19001-1")]
    [InlineData("/222127/indicators/population", true, 200, "人口", "年度の人口を登録する")]
    [InlineData("/222127/projection/scenarios", true, 200, "推計のシナリオ", "choujumyou")]
    [InlineData("/222127/projection/scenarios/choujumyou", true, 200, "シナリオの編集", "未検証")]
    [InlineData("/222127/projection/investments", true, 200, "投資的経費", "1,500,000,000")]
    [InlineData("/dashboard", false, 200, "全国の市区町村", "飛島村")]
    [InlineData("/dashboard/22?indicator=current-balance-ratio&year=2015&sort=name", false, 200, "静岡県の市区町村", "焼津市")]
    [InlineData("/dashboard/body/222127", false, 200, "焼津市", "有形固定資産減価償却率")]
    [InlineData("/dashboard/scatter?x=real-debt-service-ratio&y=future-burden-ratio&year=2020", false, 200, "2つの指標の散布図", "焼津市")]
    [InlineData("/dashboard?year=1999", false, 200, "全国の市区町村", "1999年度のデータはありません")]
    [InlineData("/opendata/222127/facilities", false, 200, "焼津市 公共施設一覧", "CC BY 4.0")]
    [InlineData("/222127/opendata", true, 200, "オープンデータの公開", "公共施設一覧")]
    [InlineData("/222127/inspections", true, 200, "点検記録と判定区分", "BR-001")]
    [InlineData("/222127/deterioration?kind=bridge&interval=5", true, 200, "劣化予測", "推移確率行列（5年）")]
    [InlineData("/222127/deterioration?kind=bridge&assume=policy%3A%E4%BA%88%E9%98%B2%E4%BF%9D%E5%85%A8", true, 200, "劣化予測", "前提: 方針「予防保全」")]
    [InlineData("/222127/deterioration?kind=bridge&assume=nonsense", true, 200, "劣化予測", "予測の前提「nonsense」はありません")]
    [InlineData("/222127/maintenance?kind=bridge", true, 200, "維持管理の方針とライフサイクルコスト", "事後保全")]
    [InlineData("/222127/maintenance/library?kind=bridge", true, 200, "補修工法と維持管理方針の設定", "表面被覆")]
    [InlineData("/222127/plans", true, 200, "個別施設計画", "新しい計画を作る")]
    [InlineData("/222127/plans/new", true, 200, "個別施設計画を作る", "年度ごとの予算")]
    [InlineData("/222127/plans/consequences", true, 200, "影響度（リスク）の設定", "緊急輸送道路")]
    [InlineData("/222127/plans/groups", true, 200, "広域グループの計画（群マネ）", null)]
    [InlineData("/222127/inspections/facility/BR-001", true, 200, "点検履歴", "床版補修")]
    [InlineData("/222127/inspections/1/edit", true, 200, "点検記録の編集", null)]
    [InlineData("/222127/inspections/works/1/edit", true, 200, "工事・補修の編集", null)]
    [InlineData("/222127/inspections/scales", true, 200, "判定区分の体系", "国の体系")]
    [InlineData("/222127/report", false, 200, "道路・橋・公園の不具合の通報", "地図を使わずに住所・目印で伝える")]
    [InlineData("/222127/report/1", false, 200, "受付番号 1 の通報", "現地を確認しました。")]
    [InlineData("/222127/reports", true, 200, "住民からの通報", "ガードレール・柵の破損")]
    [InlineData("/222127/reports/1", true, 200, "通報 1（職員用）", "resident@example.jp")]
    [InlineData("/222127/reports/services", true, 200, "通報の種類の管理", "道路の穴・陥没")]
    [InlineData("/222127/reports/routes", true, 200, "種類ごとの転送先", "道路の穴・陥没")]
    [InlineData("/222127/reports/services/edit/101", true, 200, "通報の種類の編集", "damage | singlevaluelist")]
    public async Task page_has_no_serious_accessibility_violations(string path, bool signedIn, int status, string heading, string? text)
    {
        await using var session = await browser.OpenAsync(signedIn);
        var response = await session.Page.GotoAsync(path);

        response.ShouldNotBeNull();
        response.Status.ShouldBe(status);
        response.Url.ShouldEndWith(path, customMessage: "the page redirected");
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldContain(heading);
        if (text is not null)
        {
            (await session.Page.Locator("main").InnerTextAsync()).ShouldContain(text);
        }

        (await session.Page.GetAttributeAsync("html", "lang")).ShouldBe("ja");
        // Colour contrast is only judged right with the site's stylesheet applied.
        (await session.Page.EvaluateAsync<bool>("[...document.styleSheets].some(s => s.href?.includes('/css/site.css') && s.cssRules.length > 0)"))
            .ShouldBeTrue("site.css did not load");
        // The pages' scripts (maps, charts) ran under the strict CSP without anything blocked (issue 17, F8).
        var blocked = await session.CspViolationsAsync();
        blocked.ShouldBeEmpty($"CSP on {path}:\n{string.Join("\n", blocked)}");
        var violations = await SeriousViolationsAsync(session);
        violations.ShouldBeEmpty($"axe-core on {path}:\n{string.Join("\n", violations)}");
        session.BlockedRequests.ShouldBeEmpty($"{path} tried to leave localhost");
    }

    /// <summary>"id (impact): selector, …" for each axe-core violation of impact serious or critical.</summary>
    internal static async Task<string[]> SeriousViolationsAsync(BrowserSession session)
    {
        // Evaluated through the DevTools protocol, as a script tag added to the page would be refused by the CSP.
        await session.Page.EvaluateAsync(AxeSource.Value);
        var result = await session.Page.EvaluateAsync<JsonElement>("""
            async () => {
                const r = await axe.run();
                return {
                    passes: r.passes.length,
                    serious: r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`),
                };
            }
            """);
        // A page on which no rule passed means axe did not really look at it.
        result.GetProperty("passes").GetInt32().ShouldBePositive();
        return [.. result.GetProperty("serious").EnumerateArray().Select(v => v.GetString()!)];
    }
}
