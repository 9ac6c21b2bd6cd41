using System.Text;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Import;
using InfraLedger.Core.Tests.Tables;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Register.Import;

/// <summary>Issue 16, item 4 and the second check: no import overwrites other rows silently.</summary>
public sealed class OverwriteTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<RegisterImport.Outcome> ImportAsync(Stream file, string name, RegisterImport.Options options)
    {
        await using var db = database.Context(Yaizu, "user:importer");
        var result = await RegisterImport.RunAsync(db, file, name, options, null, Now, default);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task a_remembered_prefix_is_shown_and_overwriting_parks_with_community_centres_needs_the_explicit_flag()
    {
        // What was seen: parks imported with --code-prefix P-; a community-centre file of the same layout, without the
        // option, reported 「追加 0、更新 52」 and nothing on screen showed the prefix in force.
        const string header = "ID,名称,住所,緯度,経度\n";
        var parks = header + string.Concat(Enumerable.Range(1, 52).Select(i => $"{i},公園{i},焼津市本町{i},34.86,138.32\n"));
        var centres = header + string.Concat(Enumerable.Range(1, 52).Select(i => $"{i},地域交流センター{i},焼津市大村{i},34.87,138.31\n"));
        (await ImportAsync(Csv(parks), "parks.csv", new RegisterImport.Options(ImportTarget.Facilities, Commit: true, CodePrefix: "P-", DefaultKind: AssetKind.Park))).Committed.ShouldBeTrue();

        var asRemembered = await ImportAsync(Csv(centres), "community_center.csv", new RegisterImport.Options(ImportTarget.Facilities, Commit: false));
        var dryRun = await ImportAsync(Csv(centres), "community_center.csv", new RegisterImport.Options(ImportTarget.Facilities, Commit: false, DefaultKind: AssetKind.Building));
        var refused = await ImportAsync(Csv(centres), "community_center.csv", new RegisterImport.Options(ImportTarget.Facilities, Commit: true, DefaultKind: AssetKind.Building));

        // Without options every remembered choice is shown, and the rows parks.csv wrote are not overwritten silently.
        asRemembered.InForce.ShouldContain(c => c.What == "施設コードの接頭辞" && c.Value == "「P-」" && c.Origin.StartsWith("前回確定した対応付け"));
        asRemembered.InForce.ShouldContain(c => c.What == "資産種別の列がない行の種別" && c.Value == "公園" && c.Origin.StartsWith("前回確定した対応付け"));
        (asRemembered.Overwrites.NotWritten, asRemembered.NeedsConfirmation).ShouldBe((52L, true));
        dryRun.InForce.ShouldContain(c => c.What == "施設コードの接頭辞" && c.Value == "「P-」" && c.Origin.StartsWith("前回確定した対応付け"));
        (dryRun.Added, dryRun.Updated).ShouldBe((0L, 52L));
        dryRun.Overwrites.Changes.ShouldBe([new RegisterImport.KindCount("公園→建物", 52)]);
        dryRun.Overwrites.NotWrittenKinds.ShouldBe([new RegisterImport.KindCount("公園：parks.csv", 52)]);
        dryRun.Overwrites.Question.ShouldBe("既存の 52 件の種別が変わります（公園→建物 52件）。 このファイルで取り込んでいない既存の 52 件を上書きします（公園：parks.csv 52件）。");
        dryRun.NeedsConfirmation.ShouldBeTrue();
        (refused.Committed, refused.NeedsConfirmation).ShouldBe((false, true));
        await using (var db = database.Context(Yaizu))
        {
            (await db.Facilities.CountAsync(f => f.Kind == AssetKind.Park && f.Name.StartsWith("公園"))).ShouldBe(52, "nothing was written");
            (await db.RegisterVersions.CountAsync()).ShouldBe(0);
        }

        var confirmed = await ImportAsync(Csv(centres), "community_center.csv",
            new RegisterImport.Options(ImportTarget.Facilities, Commit: true, DefaultKind: AssetKind.Building) { AllowOverwrite = true });
        confirmed.Committed.ShouldBeTrue();
        await using var after = database.Context(Yaizu);
        (await after.Facilities.SingleAsync(f => f.Code == "P-1")).Name.ShouldBe("地域交流センター1");
    }

    [Fact]
    public async Task the_same_file_updated_changes_its_own_rows_without_a_question_but_a_hand_edit_is_asked_about()
    {
        var first = "施設コード,施設名,延床面積（㎡）\nA1,中央公民館,1200\nA2,北公民館,800\n";
        await ImportAsync(Csv(first), "kominkan.csv", new RegisterImport.Options(ImportTarget.Facilities, Commit: true));
        await using (var edit = database.Context(Yaizu, "user:editor"))
        {
            var current = await edit.Facilities.SingleAsync(f => f.Code == "A2");
            var edited = new Facility { TenantId = Yaizu, Code = "A2", Name = "北公民館（改称）", Quantity = 800, QuantityKind = QuantityKind.FloorArea };
            RegisterHistory.Apply(edit, current, edited, new DateOnly(2026, 4, 1), "改称", Now);
            await edit.SaveChangesAsync();
        }

        var again = await ImportAsync(Csv(first.Replace("1200", "1350", StringComparison.Ordinal)), "kominkan.csv", new RegisterImport.Options(ImportTarget.Facilities, Commit: true));

        (again.Updated, again.Committed).ShouldBe((2L, false));
        again.Overwrites.KindChanges.ShouldBe(0);
        again.Overwrites.NotWrittenKinds.ShouldBe([new RegisterImport.KindCount("建物：手入力・画面で編集", 1)]);
    }

    [Fact]
    public async Task all_yaizu_files_into_one_tenant_are_kept_apart_by_their_prefix_or_refused_never_merged_silently()
    {
        long written = 0;
        var refusedFiles = new List<string>();
        foreach (var file in YaizuFilesTests.Files.Select(f => (string)f[0]))
        {
            var report = await ImportAsync(File.OpenRead(YaizuFilesTests.Path(file)), file, new RegisterImport.Options(ImportTarget.Facilities, Commit: true));

            report.ProblemCount.ShouldBe(0, file);
            if (report.Committed)
            {
                report.Updated.ShouldBe(0, $"{file} changed rows another file wrote without asking");
                written += report.Added;
            }
            else
            {
                report.NeedsConfirmation.ShouldBeTrue(file);
                report.Overwrites.NotWritten.ShouldBeGreaterThan(0, file);
                refusedFiles.Add(file);
            }
        }

        await using var db = database.Context(Yaizu);
        (await db.Facilities.CountAsync()).ShouldBe((int)written);
        refusedFiles.ShouldNotBeEmpty("the files numbering rows 1, 2, 3… overlap");
        (await db.Facilities.CountAsync(f => f.Code.StartsWith("消防水利-"))).ShouldBe(193);
        (await db.Facilities.CountAsync(f => f.Code.StartsWith("公衆トイレ-"))).ShouldBe(112);
    }
}
