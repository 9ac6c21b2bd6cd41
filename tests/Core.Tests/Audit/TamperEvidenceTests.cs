using System.Text;
using InfraLedger.Core.Audit;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Import;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Audit;

/// <summary>
/// Issue 17 F12: the audit trail missed a deleted last event, register rows edited or deleted directly in the database (a
/// bulk import being one event) and a consistently rewritten tail. Every register row version now carries the event that
/// wrote it and every event the Merkle root of its rows; a head kept elsewhere catches a rewrite.
/// </summary>
public sealed class TamperEvidenceTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private static readonly DateTime Now = new DateTime(2026, 11, 22, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static Facility School(string code, string name = "焼津小学校") => new()
    {
        TenantId = Yaizu, Code = code, Name = name, Kind = AssetKind.Building, UsageMajor = "学校教育系施設",
        Quantity = 5200.125m, QuantityKind = QuantityKind.FloorArea, Width = 12.5m, YearBuilt = 1975, Latitude = 34.86713, Longitude = 138.3197,
    };

    private async Task SaveAsync(Facility facility, bool isNew = true)
    {
        await using var db = database.Context(Yaizu, "user:editor");
        var saved = await FacilityRegister.SaveAsync(db, facility, isNew, new DateOnly(2025, 4, 1), "テスト", Now, default);
        saved.IsSuccess.ShouldBeTrue(saved.Error?.Message);
    }

    /// <summary>Statements an attacker with database access runs, past the application.</summary>
    private async Task TamperAsync(params string[] statements)
    {
        await using var db = database.Context();
        foreach (var sql in statements)
        {
            (await db.Database.ExecuteSqlRawAsync(sql)).ShouldBe(1, sql);
        }
    }

    private async Task<AuditTrail.Verification> VerifyAsync(string? expected = null)
    {
        await using var db = database.Context(Yaizu);
        var result = await AuditTrail.VerifyAsync(db, expected, default);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }

    [Fact]
    public async Task F12_a_facility_row_edited_and_the_last_event_deleted_in_the_database_are_both_reported()
    {
        await SaveAsync(School("S001"));
        await SaveAsync(School("S002", "港小学校"));
        await SaveAsync(School("S001", "焼津市立焼津小学校"), isNew: false);
        await SaveAsync(School("S003", "東小学校"));
        (await VerifyAsync()).IsIntact.ShouldBeTrue();

        await TamperAsync(
            $"UPDATE facilities SET name = '改ざん小学校' WHERE tenant_id = '{Yaizu}' AND code = 'S002'",
            $"DELETE FROM audit_events WHERE tenant_id = '{Yaizu}' AND sequence = 4");
        var result = await VerifyAsync();

        result.FirstBreak.ShouldBeNull("the chain alone sees neither: what is left of it is whole");
        result.Findings.Count.ShouldBe(2, string.Join("\n", result.Findings));
        var edited = result.Findings.Single(f => f.Sequence == 2);
        edited.Message.ShouldContain("監査イベント 2（Added Facility S002）");
        edited.Message.ShouldContain("施設 S002 第1版");
        edited.Message.ShouldContain("アプリケーションの外で編集・削除・追加されています");
        var deleted = result.Findings.Single(f => f.Sequence == 4);
        deleted.Message.ShouldContain("施設 S003 第1版");
        deleted.Message.ShouldContain("チェーンの末尾のイベントが削除されています（いまの末尾は 3）");
    }

    [Fact]
    public async Task F12_a_past_version_or_a_deletion_removed_from_the_history_is_reported()
    {
        await SaveAsync(School("S001"));
        await SaveAsync(School("S001", "焼津市立焼津小学校"), isNew: false);
        await SaveAsync(School("S002"));
        await using (var db = database.Context(Yaizu, "user:editor"))
        {
            (await FacilityRegister.DeleteAsync(db, "S002", new DateOnly(2026, 3, 31), "廃止", Now, default)).IsSuccess.ShouldBeTrue();
        }

        (await VerifyAsync()).IsIntact.ShouldBeTrue();

        await TamperAsync(
            $"DELETE FROM register_versions WHERE tenant_id = '{Yaizu}' AND key = 'S001' AND version = 1",
            $"DELETE FROM register_versions WHERE tenant_id = '{Yaizu}' AND key = 'S002' AND deleted = {(TestDatabase.Provider == DatabaseProvider.Sqlite ? "1" : "true")}");
        var result = await VerifyAsync();

        result.Findings.Select(f => f.Sequence).ShouldBe([1L, 4L], string.Join("\n", result.Findings));
        result.Findings[1].Message.ShouldContain("Deleted Facility S002");
    }

    [Fact]
    public async Task F12_a_bulk_import_vouches_for_every_row_it_added_or_changed()
    {
        await ImportAsync("施設コード,施設名,延床面積（㎡）,建築年\nA1,中央公民館,1200.5,1975\nA2,北公民館,800,1980\n", "a.csv");
        await ImportAsync("施設コード,施設名,延床面積（㎡）,建築年\nA1,中央公民館,1350,1975\nA2,北公民館,800,1980\nA3,南公民館,640.25,1990\n", "b.csv", allowOverwrite: true);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
        await using (var db = database.Context(Yaizu))
        {
            var imports = await db.AuditEvents.Where(e => e.Action == "Imported").OrderBy(e => e.Sequence).ToListAsync();
            imports.Select(e => (e.EntityKey, e.RowCount)).ShouldBe([("a.csv", 2L), ("b.csv", 2L)]);
            (await db.Facilities.Where(f => f.AuditSequence == imports[1].Sequence).Select(f => f.Code).OrderBy(c => c).ToListAsync()).ShouldBe(["A1", "A3"]);
        }

        await TamperAsync($"UPDATE facilities SET quantity = 99 WHERE tenant_id = '{Yaizu}' AND code = 'A3'");
        var result = await VerifyAsync();

        result.Findings.ShouldHaveSingleItem().Message.ShouldContain("（Imported Facility b.csv）が書き込んだ台帳の行 2 件の内容と");
    }

    [Fact]
    public async Task F12_a_row_inserted_in_the_database_is_reported_until_it_is_sealed()
    {
        await SaveAsync(School("S001"));
        var flag = TestDatabase.Provider == DatabaseProvider.Sqlite ? "0" : "false";
        await TamperAsync("INSERT INTO facilities (tenant_id, code, name, kind, status, is_sample, version, valid_from, recorded_at_utc) "
            + $"VALUES ('{Yaizu}', 'X9', '架空の施設', 1, 1, {flag}, 1, '2025-04-01', '2025-04-01 00:00:00')");

        var found = await VerifyAsync();
        found.Findings.ShouldHaveSingleItem().Sequence.ShouldBeNull();
        found.Findings[0].Message.ShouldContain("どの監査イベントにも結び付いていない台帳の行が 1 件あります（施設 X9 第1版）");

        // Rows from before migration 0013 are in the same state: an operator seals them once, in one event of their own.
        await using (var db = database.Context(Yaizu, "cli:operator"))
        {
            var seal = await AuditRows.SealAsync(db, Now, default);
            (seal!.Action, seal.RowCount).ShouldBe(("Sealed", 1L));
            (await AuditRows.SealAsync(db, Now, default)).ShouldBeNull("nothing is left to seal");
        }

        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task F12_a_consistently_rewritten_tail_is_caught_only_against_the_head_kept_elsewhere()
    {
        await SaveAsync(School("S001"));
        await SaveAsync(School("S002", "港小学校"));
        string kept;
        await using (var db = database.Context(Yaizu))
        {
            kept = (await AuditTrail.HeadAsync(db, default))!.ToString();
            kept.ShouldStartWith("2:");
            await ForgeLastEventAsync(db, "S002", "改ざん小学校");
        }

        (await VerifyAsync()).IsIntact.ShouldBeTrue("rows, digests and hashes were all rewritten to agree");

        var checkedAgainstKept = await VerifyAsync(kept);
        checkedAgainstKept.Findings.ShouldHaveSingleItem().Message.ShouldContain("連番 2 までのどこかが、ハッシュごと書き換えられています");
        (await VerifyAsync(kept.Split(':')[1])).IsIntact.ShouldBeFalse("the hash alone is enough");
    }

    [Fact]
    public async Task F12_an_expected_head_that_is_not_a_head_is_refused_with_the_form_it_takes()
    {
        await using var db = database.Context(Yaizu);

        var refused = await AuditTrail.VerifyAsync(db, "12:not-a-hash", default);

        refused.Error!.Message.ShouldBe("--expect「12:not-a-hash」は、audit head が出力する「連番:ハッシュ」（ハッシュは16進64文字）ではありません。");
    }

    private async Task ImportAsync(string csv, string name, bool allowOverwrite = false)
    {
        await using var db = database.Context(Yaizu, "user:importer");
        var result = await RegisterImport.RunAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), name,
            new RegisterImport.Options(ImportTarget.Facilities, Commit: true) { AllowOverwrite = allowOverwrite }, null, Now, default);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        result.Value.Committed.ShouldBeTrue(string.Join("\n", result.Value.Problems));
    }

    /// <summary>What an attacker who knows the scheme does: change the row, then recompute its event's digest and hash.</summary>
    private static async Task ForgeLastEventAsync(AppDbContext db, string code, string name)
    {
        var facility = await db.Facilities.AsNoTracking().SingleAsync(f => f.Code == code);
        var e = await db.AuditEvents.AsNoTracking().OrderByDescending(x => x.Sequence).FirstAsync();
        facility.Name = name;
        var forged = new AuditEvent
        {
            TenantId = e.TenantId, Sequence = e.Sequence, OccurredAtUtc = e.OccurredAtUtc, Actor = e.Actor, Action = e.Action,
            EntityType = e.EntityType, EntityKey = e.EntityKey, Before = e.Before, After = e.After!.Replace("港小学校", name, StringComparison.Ordinal),
            RowCount = 1, RowsDigest = RowDigest.Root([RowDigest.Leaf(facility)]), PreviousHash = e.PreviousHash,
        };
        forged.Hash = AuditChain.HashOf(forged);
        await db.Database.ExecuteSqlAsync($"UPDATE facilities SET name = {name} WHERE tenant_id = {Yaizu} AND code = {code}");
        await db.Database.ExecuteSqlAsync(
            $"UPDATE audit_events SET after = {forged.After}, rows_digest = {forged.RowsDigest}, hash = {forged.Hash} WHERE tenant_id = {Yaizu} AND sequence = {e.Sequence}");
    }
}
