using InfraLedger.Core.Database;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// Issue 17 F12 from the command line: <c>audit head</c> prints the chain's length and hash to keep elsewhere, <c>audit
/// verify</c> finds a register row edited and the last event deleted in the database, and <c>--expect</c> finds a tail
/// rewritten consistently.
/// </summary>
public sealed class AuditCliTests : IAsyncLifetime
{
    private CliRunner cli = null!;

    public async Task InitializeAsync()
    {
        cli = await CliRunner.CreateAsync();
        // The master and 焼津市 as a tenant; the demo register only where a test needs it (a seed takes half a minute).
        (await cli.RunAsync("db", "migrate")).ExitCode.ShouldBe(0);
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    /// <summary>Starts the test over in a directory holding the seeded demo (a copy: the seed itself is tested in CliTests).</summary>
    private async Task UseSeededDemoAsync()
    {
        await cli.DisposeAsync();
        cli = await CliRunner.CreateSeededAsync();
    }

    private DatabaseSettings Settings() => TestDatabase.Provider == DatabaseProvider.Sqlite
        ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(cli.Directory, "infraledger.db")};Pooling=False")
        : new DatabaseSettings(DatabaseProvider.Postgres, cli.StartInfo([]).Environment["ConnectionStrings__InfraLedger"]!);

    private async Task TamperAsync(string sql)
    {
        await using var db = Settings().CreateContext();
        (await db.Database.ExecuteSqlRawAsync(sql)).ShouldBe(1, sql);
    }

    [Fact]
    public async Task F12_audit_verify_reports_an_edited_facility_row_and_a_deleted_last_event()
    {
        await UseSeededDemoAsync();

        // The demo seed writes 焼津市's register through the application: every row is covered by an event. Then two imports
        // of the same layout (the first also remembers the layout, an event of its own): the last event is the second import's.
        foreach (var (name, rows) in new[] { ("追加.csv", "Z-1,追加の倉庫\nZ-2,追加の車庫\n"), ("追加2.csv", "Z-3,追加の物置\n") })
        {
            var file = Path.Combine(cli.Directory, name);
            await File.WriteAllTextAsync(file, "施設コード,施設名\n" + rows);
            var import = await cli.RunAsync("import", "--tenant", "222127", file);
            import.ExitCode.ShouldBe(0, import.Out + import.Error);
        }
        var head = (await cli.RunAsync("audit", "head", "--tenant", "222127")).Out.Trim();
        head.ShouldMatch(@"^\d+:[0-9a-f]{64}$");
        var length = long.Parse(head.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
        var intact = await cli.RunAsync("audit", "verify", "--tenant", "222127", "--expect", head);
        intact.ExitCode.ShouldBe(0, intact.Out + intact.Error);
        intact.Out.ShouldContain($"監査イベント {length} 件のチェーンは完全です");

        string code;
        await using (var db = Settings().CreateContext())
        {
            // A facility saved on its own (the demo's sample register), so that its event names it.
            code = await db.Database.SqlQueryRaw<string>(
                "SELECT f.code AS \"Value\" FROM facilities f JOIN audit_events e ON e.tenant_id = f.tenant_id AND e.sequence = f.audit_sequence "
                + "WHERE f.tenant_id = '222127' AND e.row_count = 1 ORDER BY f.code LIMIT 1").SingleAsync();
        }

        await TamperAsync($"UPDATE facilities SET name = '改ざん' WHERE tenant_id = '222127' AND code = '{code}'");
        await TamperAsync($"DELETE FROM audit_events WHERE tenant_id = '222127' AND sequence = {length}");
        var tampered = await cli.RunAsync("audit", "verify", "--tenant", "222127");

        tampered.ExitCode.ShouldBe(1, tampered.Out + tampered.Error);
        tampered.Out.ShouldContain($"施設 {code} 第", customMessage: tampered.Out);
        tampered.Out.ShouldContain("アプリケーションの外で編集・削除・追加されています");
        tampered.Out.ShouldContain($"連番 / sequence {length}: 台帳の行 1 件（施設 Z-3 第1版）を書き込んだ監査イベント {length} がありません", customMessage: tampered.Out);
        tampered.Out.ShouldContain("チェーンの末尾のイベントが削除されています");

        // Against the head kept before, the shortened chain is caught as well.
        var expected = await cli.RunAsync("audit", "verify", "--tenant", "222127", "--expect", head);
        expected.ExitCode.ShouldBe(1);
        expected.Out.ShouldContain("末尾のイベントが削除されています");
    }

    [Fact]
    public async Task F12_audit_head_and_verify_refuse_an_unknown_tenant_and_a_malformed_head()
    {
        (await cli.RunAsync("audit", "head", "--tenant", "222128")).ExitCode.ShouldBe(2);
        var malformed = await cli.RunAsync("audit", "verify", "--tenant", "222127", "--expect", "abc");
        malformed.ExitCode.ShouldBe(2);
        malformed.Error.ShouldContain("--expect「abc」は、audit head が出力する「連番:ハッシュ」");
    }
}
