using System.Security.Claims;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace InfraLedger.Web.Pages.Shared;

/// <summary>
/// The staff's global menu inside a tenant (<c>/{lgcode}/…</c>): every feature, the least role that reaches it, in the
/// order shown. The one list the layout renders and the menu-walk test follows; a page missing here is reachable
/// from no menu. <see cref="Item.Path"/> is relative to the tenant unless it starts with <c>~</c> (a public page of
/// the whole site).
/// </summary>
public static class StaffMenu
{
    public sealed record Item(string Label, string Path, TenantRole Minimum, bool PrefectureOnly = false)
    {
        public string Href(string tenant) => Path.StartsWith('~') ? Path[1..] : $"/{tenant}{Path}";
    }

    public sealed record Group(string Label, IReadOnlyList<Item> Items);

    public static IReadOnlyList<Group> Groups { get; } =
    [
        new("", [new("ホーム", "", TenantRole.Viewer)]),
        new("台帳",
        [
            new("施設台帳", "/facilities", TenantRole.Viewer),
            new("固定資産台帳", "/assets", TenantRole.Viewer),
            new("地図", "/facilities/map", TenantRole.Viewer),
            new("取込", "/import", TenantRole.Editor),
            new("市区町村一覧", "/municipalities", TenantRole.Viewer, PrefectureOnly: true),
        ]),
        new("点検・維持管理",
        [
            new("点検", "/inspections", TenantRole.Viewer),
            new("劣化予測", "/deterioration", TenantRole.Viewer),
            new("維持管理", "/maintenance", TenantRole.Viewer),
            new("個別施設計画", "/plans", TenantRole.Viewer),
        ]),
        new("分析",
        [
            new("指標", "/indicators", TenantRole.Viewer),
            new("更新費用の推計", "/projection", TenantRole.Viewer),
            new("推計のシナリオ", "/projection/scenarios", TenantRole.Viewer),
            new("投資的経費", "/projection/investments", TenantRole.Viewer),
        ]),
        new("公開・住民",
        [
            new("住民通報", "/reports", TenantRole.Viewer),
            new("通報フォーム（公開）", "/report", TenantRole.Viewer),
            new("みんなの通報（公開）", "/report/list", TenantRole.Viewer),
            new("返答の定型文", "/reports/templates", TenantRole.Viewer),
            new("オープンデータ", "/opendata", TenantRole.Viewer),
            new("公開ダッシュボード", "~/dashboard", TenantRole.Viewer),
        ]),
        new("管理",
        [
            new("メンバー", "/members", TenantRole.Admin),
            new("APIトークン", "/tokens", TenantRole.Admin),
            new("メールの送信状況", "/mail", TenantRole.Admin),
            new("背景地図の設定", "/maps/settings", TenantRole.Admin),
        ]),
        new("ヘルプ", [new("ヘルプ・用語集", "/help", TenantRole.Viewer)]),
    ];

    /// <summary>The groups with only the items <paramref name="role"/> reaches in <paramref name="tenant"/> (empty groups left out).</summary>
    public static IReadOnlyList<Group> For(TenantRole role, LocalGovernment tenant) =>
        [.. Groups.Select(g => g with { Items = [.. g.Items.Where(i => role >= i.Minimum && (!i.PrefectureOnly || tenant.Kind == LocalGovernmentKind.Prefecture))] })
            .Where(g => g.Items.Count > 0)];

    /// <summary>
    /// The item of the current place: the tenant page whose address is the longest prefix of <paramref name="path"/> on a
    /// segment boundary (a facility's page belongs to 施設台帳, the map to 地図).
    /// </summary>
    public static Item? Current(IEnumerable<Group> groups, string tenant, string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return groups.SelectMany(g => g.Items)
            .Where(i => !i.Path.StartsWith('~'))
            .Select(i => (Item: i, Href: i.Href(tenant)))
            .Where(x => trimmed == x.Href || (x.Item.Path.Length > 0 && trimmed.StartsWith(x.Href + "/", StringComparison.Ordinal)))
            .OrderByDescending(x => x.Href.Length)
            .Select(x => x.Item)
            .FirstOrDefault();
    }

    /// <summary>
    /// The signed-in user's role in the URL's tenant through the same policies the pages use (fail closed: null for
    /// anyone who is no member, so the menu is never shown on another tenant's refusal or a public page's visitor).
    /// </summary>
    public static async Task<TenantRole?> RoleAsync(IAuthorizationService authorization, ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        foreach (var (policy, role) in new[] { (Policies.TenantAdmin, TenantRole.Admin), (Policies.TenantEditor, TenantRole.Editor), (Policies.TenantViewer, TenantRole.Viewer) })
        {
            if ((await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                return role;
            }
        }

        return null;
    }
}
