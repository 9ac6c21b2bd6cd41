using System.CommandLine;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Cli;

/// <summary>The operator's account commands (issue 22, item 2): <c>users list</c>, <c>users reset-password</c>, <c>users remove</c>.</summary>
internal static class AccountCommands
{
    public static Command List()
    {
        var tenant = new Option<string?>("--tenant") { Description = "団体コード（省略すると全アカウント）/ Tenant code (all accounts when omitted)" };
        var list = new Command("list", "アカウントの一覧 / List accounts") { tenant };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            List<UserAccounts.Account> accounts;
            if (parse.GetValue(tenant) is { } code)
            {
                if (await CliHost.TenantScopeAsync(services, code, ct) is not { } t)
                {
                    return 2;
                }

                await using var _ = t.Scope;
                accounts = await UserAccounts.AccountsAsync(t.Db, ct);
            }
            else
            {
                await using var scope = services.CreateAsyncScope();
                accounts = await UserAccounts.AccountsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
            }

            Console.WriteLine("メールアドレス\t氏名\t二要素認証\tロック\t所属（団体コード:役割）/ email\tname\t2fa\tlocked\tmemberships");
            var now = DateTimeOffset.UtcNow;
            foreach (var a in accounts)
            {
                Console.WriteLine($"{a.Email}\t{a.DisplayName}\t{(a.TwoFactor ? "有効" : "無効")}\t{(a.LockoutEnd > now ? "ロック中" : "-")}\t{(a.Memberships.Count == 0 ? "-" : string.Join(' ', a.Memberships))}");
            }

            Console.WriteLine($"{accounts.Count}件 / {accounts.Count} accounts");
            return 0;
        });
        return list;
    }

    /// <summary>Prints a one-time link to set a new password (24 hours); the operator passes it on to the person.</summary>
    public static Command ResetPassword()
    {
        var email = new Option<string>("--email") { Description = "アカウントのメールアドレス / Account email", Required = true };
        var site = new Option<string?>("--site") { Description = "サイトのURL（省略すると Mail:SiteUrl）/ Site URL (Mail:SiteUrl when omitted)" };
        var reset = new Command("reset-password", "パスワード再設定の一度だけ使えるリンクを表示する / Print a one-time password-reset link") { email, site };
        reset.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var issued = await PasswordResets.IssueAsync(users, db, parse.GetValue(email)!, "cli:" + Environment.UserName, DateTime.UtcNow, ct);
            if (!issued.IsSuccess)
            {
                return CliHost.Fail(issued.Error!);
            }

            var siteUrl = parse.GetValue(site)?.TrimEnd('/') ?? Core.Mail.MailSettings.From(CliHost.Configuration()).SiteUrl;
            Console.WriteLine($"パスワード再設定のリンクを作成しました（{issued.Value.Reset.ExpiresAtUtc:yyyy-MM-dd HH:mm} UTC まで、一度だけ）/ one-time reset link; pass it on to the person:");
            Console.WriteLine(siteUrl + issued.Value.Path);
            return 0;
        });
        return reset;
    }

    /// <summary>Removes a member from a tenant (never its last admin); every sign-in session of the person ends.</summary>
    public static Command Remove()
    {
        var email = new Option<string>("--email") { Description = "メールアドレス / Email", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var remove = new Command("remove", "団体のメンバーから外す / Remove a member from a tenant") { email, tenant };
        remove.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var users = t.Scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var address = parse.GetValue(email)!.Trim();
            var user = await users.FindByEmailAsync(address);
            var removed = user is null
                ? Errors.NotMember(address)
                : await UserAccounts.RemoveMembershipAsync(t.Db, user.Id, ct);
            if (!removed.IsSuccess)
            {
                return CliHost.Fail(removed.Error!);
            }

            Console.WriteLine($"{address} を{t.Tenant.Name}（{t.Tenant.Code}）のメンバーから外しました（{RoleLabels.Of(removed.Value.Role)}）/ removed from {t.Tenant.Code}");
            return 0;
        });
        return remove;
    }
}
