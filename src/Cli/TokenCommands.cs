using System.CommandLine;
using InfraLedger.Core.Identity;

namespace InfraLedger.Cli;

internal static class TokenCommands
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var role = new Option<TenantRole>("--role") { Description = "Viewer|Editor|Admin", DefaultValueFactory = _ => TenantRole.Viewer };
        var name = new Option<string>("--name") { Description = "トークン名（用途）/ Token name (purpose)", Required = true };
        var create = new Command("create", "団体のAPIトークンを発行する（一度だけ表示）/ Issue an API token for a tenant (shown once)") { tenant, role, name };
        create.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var issued = await ApiTokens.CreateAsync(t.Db, parse.GetValue(name)!, parse.GetValue(role), DateTime.UtcNow, ct);
            if (!issued.IsSuccess)
            {
                return CliHost.Fail(issued.Error!);
            }

            Console.WriteLine($"{t.Tenant.Name}（{t.Tenant.Code}）のAPIトークン（{RoleLabels.Of(issued.Value.Token.Role)}）/ API token:");
            Console.WriteLine(issued.Value.PlainText);
            return 0;
        });

        return new Command("tokens", "APIトークン / API tokens") { create };
    }
}
