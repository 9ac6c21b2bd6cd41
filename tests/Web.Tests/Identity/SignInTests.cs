using System.Net;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Web.Tests.Identity;

public sealed class SignInTests : IAsyncLifetime
{
    private AppFactory app = null!;

    public async Task InitializeAsync() => app = await AppFactory.CreateAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task the_demo_admin_signs_in_with_the_password_printed_once_and_sees_yaizu()
    {
        var seeded = await DemoData.SeedAsync(app.Services, CancellationToken.None);
        seeded.AdminPassword.ShouldNotBeNull();
        (await DemoData.SeedAsync(app.Services, CancellationToken.None)).AdminPassword.ShouldBeNull(); // printed once only

        var client = await app.SignedInClientAsync(DemoData.AdminEmail, seeded.AdminPassword);
        var home = await client.GetStringAsync("/222127");

        home.ShouldContain("<h1>焼津市");
        home.ShouldContain("静岡県");
        home.ShouldContain("焼津市 デモ管理者");
        home.ShouldContain("管理者");
    }

    [Fact]
    public async Task signing_in_with_one_tenant_lands_on_its_home()
    {
        var password = await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var client = app.Client();

        var response = await AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = "staff@yaizu.example.jp", ["Input.Password"] = password });

        response.Headers.Location!.ToString().ShouldBe("/222127");
    }

    [Fact]
    public async Task the_sign_in_page_is_japanese_and_a_wrong_password_says_so_without_naming_which()
    {
        await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var client = app.Client();

        var page = await client.GetStringAsync("/account/login");
        var wrongPassword = await AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = "staff@yaizu.example.jp", ["Input.Password"] = "wrong-password-123" });
        var unknownUser = await AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = "nobody@example.jp", ["Input.Password"] = "wrong-password-123" });

        page.ShouldContain("<html lang=\"ja\">");
        page.ShouldContain("メールアドレス");
        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrongPassword.Content.ReadAsStringAsync()).ShouldContain("メールアドレスまたはパスワードが正しくありません。");
        (await unknownUser.Content.ReadAsStringAsync()).ShouldContain("メールアドレスまたはパスワードが正しくありません。");
    }

    [Fact]
    public async Task empty_fields_get_field_level_errors()
    {
        var response = await AppFactory.PostFormAsync(app.Client(), "/account/login", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("id=\"Input_Email_error\"");
        html.ShouldContain("メールアドレスを入力してください。");
        html.ShouldContain("パスワードを入力してください。");
    }

    [Fact]
    public async Task five_wrong_passwords_from_one_client_stop_its_attempts_even_with_the_right_password()
    {
        var password = await app.CreateUserAsync("staff@yaizu.example.jp", "222127");
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            await AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = "staff@yaizu.example.jp", ["Input.Password"] = "wrong-password-123" });
        }

        var response = await AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = "staff@yaizu.example.jp", ["Input.Password"] = password });

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await response.Content.ReadAsStringAsync()).ShouldContain("サインインを一時的に止めています");
    }

    [Fact]
    public async Task a_short_password_is_refused_in_japanese()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();

        var result = await UserAccounts.CreateAsync(users, "short@example.jp", "短い", "abc12345");

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Message.ShouldContain("パスワードは12文字以上にしてください。");
    }

    [Fact]
    public async Task an_admin_changes_a_members_role_and_the_change_is_audited()
    {
        var adminPassword = await app.CreateUserAsync("admin@yaizu.example.jp", "222127", TenantRole.Admin);
        await app.CreateUserAsync("member@yaizu.example.jp", "222127");
        var admin = await app.SignedInClientAsync("admin@yaizu.example.jp", adminPassword);

        var changed = await AppFactory.PostFormAsync(admin, "/222127/members?handler=Set",
            new() { ["email"] = "member@yaizu.example.jp", ["role"] = "Editor" }, formPage: "/222127/members");

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/222127/members")).ShouldContain("member@yaizu.example.jp の役割を編集者にしました。");
        await using var db = app.Database.Context("222127");
        var events = db.AuditEvents.Where(e => e.EntityType == "TenantMembership").OrderBy(e => e.Sequence).ToList();
        events.Last().Actor.ShouldStartWith("user:");
        events.Last().Before!.ShouldContain("Viewer");
        events.Last().After!.ShouldContain("Editor");
    }

    [Fact]
    public async Task the_last_admin_cannot_be_removed()
    {
        var adminPassword = await app.CreateUserAsync("admin@yaizu.example.jp", "222127", TenantRole.Admin);
        var admin = await app.SignedInClientAsync("admin@yaizu.example.jp", adminPassword);
        var page = await admin.GetStringAsync("/222127/members");
        var userId = System.Text.RegularExpressions.Regex.Match(page, "name=\"userId\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await AppFactory.PostFormAsync(admin, "/222127/members?handler=Remove", new() { ["userId"] = userId }, formPage: "/222127/members");

        (await response.Content.ReadAsStringAsync()).ShouldContain("最後の管理者は削除・降格できません。");
    }
}
