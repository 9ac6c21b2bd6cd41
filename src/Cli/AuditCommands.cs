using System.CommandLine;
using InfraLedger.Core.Audit;

namespace InfraLedger.Cli;

internal static class AuditCommands
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var verify = new Command("verify", "監査証跡のハッシュチェーンを検証し、最初の改ざん箇所を報告する / Verify the audit hash chain and report the first tampered event") { tenant };
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var result = await AuditTrail.VerifyAsync(t.Db, ct);
            if (result.FirstBreak is { } broken)
            {
                Console.WriteLine($"改ざんを検出しました / tampering detected: {t.Tenant.Name}（{t.Tenant.Code}）連番 / sequence {broken.Sequence}: {broken.Reason}");
                return 1;
            }

            Console.WriteLine($"正常 / OK: {t.Tenant.Name}（{t.Tenant.Code}）監査イベント {result.EventCount} 件のチェーンは完全です / {result.EventCount} events, chain intact");
            return 0;
        });

        return new Command("audit", "監査証跡 / Audit trail") { verify };
    }
}
