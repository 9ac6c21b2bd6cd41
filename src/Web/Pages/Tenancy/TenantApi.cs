using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;

namespace InfraLedger.Web.Pages.Tenancy;

/// <summary>JSON API of one tenant under <c>/api/v1/{lgcode}</c>; cookie or API token.</summary>
public static class TenantApi
{
    public sealed record TenantDto(string Code, string Name, string Kana, string Kind, string PrefectureCode);

    public sealed record MemberDto(string Email, string DisplayName, string Role);

    public sealed record SettingDto(string Key, string Value);

    public sealed record SettingInput(string? Value);

    public static void MapTenantApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/{lgcode:lgcode}").RequireAuthorization(Policies.TenantViewer);

        api.MapGet("/", (HttpContext http) =>
        {
            var t = http.Tenant();
            return new TenantDto(t.Code, t.Name, t.Kana, LocalGovernment.KindLabel(t.Kind), t.PrefectureCode);
        });

        api.MapGet("/members", async (AppDbContext db, CancellationToken ct) =>
            (await UserAccounts.MembersAsync(db, ct)).Select(m => new MemberDto(m.Email, m.DisplayName, m.Role.ToString())));

        api.MapGet("/settings", async (AppDbContext db, CancellationToken ct) =>
            (await TenantSettings.ListAsync(db, ct)).Select(s => new SettingDto(s.Key, s.Value)));

        api.MapPut("/settings/{key}", async (string key, SettingInput input, AppDbContext db, CancellationToken ct) =>
        {
            var result = await TenantSettings.SetAsync(db, key, input.Value ?? "", ct);
            return result.IsSuccess
                ? Results.Ok(new SettingDto(result.Value.Key, result.Value.Value))
                : ErrorResponses.ToProblem(result.Error!);
        }).RequireAuthorization(Policies.TenantEditor);
    }
}
