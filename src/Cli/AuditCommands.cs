using System.CommandLine;
using InfraLedger.Core.Audit;

namespace InfraLedger.Cli;

internal static class AuditCommands
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var expect = new Option<string?>("--expect")
        {
            Description = "別の場所に保管したヘッド（audit head の「連番:ハッシュ」、またはハッシュ）と照合する / Check against a head kept elsewhere (length:hash from audit head)",
        };
        var verify = new Command("verify",
            "監査証跡のハッシュチェーンと台帳の行を検証し、最初の改ざん箇所を報告する / Verify the audit hash chain and the register's rows and report the first tampered event")
            { tenant, expect };
        verify.SetAction(async (parse, ct) =>
        {
            if (AuditTrail.CheckHead(parse.GetValue(expect)) is { } malformed)
            {
                return CliHost.Fail(malformed);
            }

            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var verified = await AuditTrail.VerifyAsync(t.Db, parse.GetValue(expect), ct);
            if (!verified.IsSuccess)
            {
                return CliHost.Fail(verified.Error!);
            }

            var result = verified.Value;
            var who = $"{t.Tenant.Name}（{t.Tenant.Code}）";
            if (result.FirstBreak is { } broken)
            {
                Console.WriteLine($"改ざんを検出しました / tampering detected: {who} 連番 / sequence {broken.Sequence}: {broken.Reason}");
            }

            foreach (var finding in result.Findings)
            {
                var at = finding.Sequence is { } s ? $"連番 / sequence {s}: " : "";
                Console.WriteLine($"改ざんを検出しました / tampering detected: {who} {at}{finding.Message}");
            }

            if (!result.IsIntact)
            {
                return 1;
            }

            Console.WriteLine($"正常 / OK: {who} 監査イベント {result.EventCount} 件のチェーンは完全です。台帳の行 {result.RowsChecked} 件も監査イベントと一致します / "
                + $"{result.EventCount} events, chain intact, {result.RowsChecked} register row versions match; head {result.Head ?? "-"}");
            return 0;
        });

        var head = new Command("head", "チェーンの末尾（連番:ハッシュ）を出力する。別の場所に保管し、verify --expect で照合する / Print the chain's head (length:hash) to keep elsewhere") { tenant };
        head.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            // One line, the head alone: an operator's script stores it as it is.
            Console.WriteLine((await AuditTrail.HeadAsync(t.Db, ct))?.ToString() ?? "0:" + AuditChain.Genesis);
            return 0;
        });

        var seal = new Command("seal",
            "監査イベントに結び付いていない台帳の行（移行 0013 より前の行）を1件のイベントで封印する / Cover register rows written before migration 0013 with one event")
            { tenant };
        seal.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var sealedBy = await AuditRows.SealAsync(t.Db, DateTime.UtcNow, ct);
            Console.WriteLine(sealedBy is null
                ? $"{t.Tenant.Name}（{t.Tenant.Code}）: 封印する行はありません / nothing to seal"
                : $"{t.Tenant.Name}（{t.Tenant.Code}）: 台帳の行 {sealedBy.RowCount} 件を監査イベント {sealedBy.Sequence} で封印しました / sealed {sealedBy.RowCount} row versions");
            return 0;
        });

        return new Command("audit", "監査証跡 / Audit trail") { verify, head, seal };
    }
}
