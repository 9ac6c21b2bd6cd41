using System.CommandLine;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Cli;

internal static class UserCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "メールアドレス（サインインID）/ Email (sign-in id)", Required = true };
        var name = new Option<string>("--name") { Description = "表示名 / Display name", DefaultValueFactory = _ => "" };
        var password = new Option<string?>("--password") { Description = "省略すると生成して一度だけ表示 / Generated and shown once when omitted" };
        var tenant = new Option<string?>("--tenant") { Description = "所属させる団体コード / Tenant code to join" };
        var role = new Option<TenantRole>("--role") { Description = "団体内の役割 Viewer|Editor|Admin / Role in the tenant", DefaultValueFactory = _ => TenantRole.Viewer };
        var grant = new Option<PlatformRole?>("--grant") { Description = "団体横断の役割 PrefectureReader|NationalReader|PlatformOperator / Cross-tenant role" };
        var prefecture = new Option<string?>("--prefecture") { Description = "都道府県閲覧者の都道府県コード（例 220001）/ Prefecture code for PrefectureReader" };
        var add = new Command("add", "ユーザーを追加する / Add a user") { email, name, password, tenant, role, grant, prefecture };
        add.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await UserAccounts.CreateAsync(users, parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(password));
            if (!created.IsSuccess)
            {
                return CliHost.Fail(created.Error!);
            }

            Console.WriteLine($"ユーザーを追加しました / user added: {created.Value.User.Email}");
            if (created.Value.GeneratedPassword is { } generated)
            {
                Console.WriteLine($"パスワード（一度だけ表示）/ password (shown once): {generated}");
            }

            if (parse.GetValue(grant) is { } platformRole)
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var granted = await UserAccounts.GrantAsync(db, created.Value.User.Id, platformRole, parse.GetValue(prefecture), ct);
                if (!granted.IsSuccess)
                {
                    return CliHost.Fail(granted.Error!);
                }

                Console.WriteLine($"役割を付与しました / granted: {RoleLabels.Of(platformRole)} {granted.Value.PrefectureCode}");
            }

            if (parse.GetValue(tenant) is { } code)
            {
                var tenantScope = await CliHost.TenantScopeAsync(services, code, ct);
                if (tenantScope is not { } t)
                {
                    return 2;
                }

                await using var _ = t.Scope;
                var membership = await UserAccounts.AddMemberAsync(t.Db, created.Value.User.Email!, parse.GetValue(role), ct);
                if (!membership.IsSuccess)
                {
                    return CliHost.Fail(membership.Error!);
                }

                Console.WriteLine($"{t.Tenant.Name}（{t.Tenant.Code}）の{RoleLabels.Of(membership.Value.Role)}にしました / member of {t.Tenant.Code} as {membership.Value.Role}");
            }

            return 0;
        });

        return new Command("users", "ユーザー / Users") { add, Invite(), AccountCommands.List(), AccountCommands.ResetPassword(), AccountCommands.Remove() };
    }

    /// <summary>
    /// Invites a person to a tenant: prints the one-time link to pass on (the same whether or not the address has an
    /// account); they become a member only by accepting it (docs/decisions/0018).
    /// </summary>
    private static Command Invite()
    {
        var email = new Option<string>("--email") { Description = "招待するメールアドレス / Email to invite", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var role = new Option<TenantRole>("--role") { Description = "団体内の役割 Viewer|Editor|Admin / Role in the tenant", DefaultValueFactory = _ => TenantRole.Viewer };
        var site = new Option<string?>("--site") { Description = "サイトのURL（例 https://infraledger.example.lg.jp）。省略するとパスだけ / Site URL; path only when omitted" };
        var invite = new Command("invite", "団体に招待する（承諾用のリンクを表示）/ Invite to a tenant (prints the acceptance link)") { email, tenant, role, site };
        invite.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var result = await Invitations.InviteOrChangeRoleAsync(t.Db, parse.GetValue(email)!, parse.GetValue(role), DateTime.UtcNow, ct);
            if (!result.IsSuccess)
            {
                return CliHost.Fail(result.Error!);
            }

            if (result.Value is Invitations.RoleChanged changed)
            {
                Console.WriteLine($"{t.Tenant.Name}（{t.Tenant.Code}）のメンバーの役割を{RoleLabels.Of(changed.Membership.Role)}にしました / role changed: {changed.Membership.Role}");
                return 0;
            }

            var issued = ((Invitations.Invited)result.Value).Issued;
            Console.WriteLine($"{t.Tenant.Name}（{t.Tenant.Code}）への招待を作成しました（{RoleLabels.Of(issued.Invitation.Role)}、{issued.Invitation.ExpiresAtUtc:yyyy-MM-dd HH:mm} UTC まで、一度だけ）/ invitation created; pass this link on:");
            Console.WriteLine((parse.GetValue(site)?.TrimEnd('/') ?? "") + issued.Path);
            return 0;
        });
        return invite;
    }
}
