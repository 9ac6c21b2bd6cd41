using System.Text;
using InfraLedger.Core.Indicators;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Indicators;

public sealed class PopulationsTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task a_population_file_is_imported_for_the_tenant_only()
    {
        await using (var db = database.Context("222127"))
        {
            var result = await Populations.ImportAsync(db, Csv("年度,人口,基準,基準日,出典\n2020,\"137,000\",住民基本台帳人口,2021-01-01,焼津市統計書\n2021,136500,住民基本台帳人口,2022-01-01,焼津市統計書\n"), "pop.csv", commit: true, default);
            result.Value.Problems.ShouldBeEmpty();
            result.Value.Rows.ShouldBe(2);
        }

        await using (var read = database.Context("222127"))
        {
            (await Populations.ForYearAsync(read, 2023, default))!.Population.ShouldBe(136_500);
            (await Populations.ListAsync(read, default)).Select(p => p.Population).ShouldBe([137_000, 136_500]);
        }

        await using var other = database.Context("222143");
        (await Populations.ListAsync(other, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task another_body_s_rows_and_bad_values_are_located_and_nothing_is_written()
    {
        await using var db = database.Context("222127");
        var result = await Populations.ImportAsync(db, Csv("団体コード,年度,人口,出典\n222127,2020,137000,統計書\n222143,2020,141000,統計書\n222127,2021,-5,統計書\n222127,2022,136000,\n"), "pop.csv", commit: true, default);

        var problems = result.Value.Problems;
        problems.Select(p => p.At.Row).ShouldBe([3, 4, 5]);
        problems[0].Reason.ShouldBe("団体コード 222143 は自団体（222127）ではありません。自団体の行だけを取り込めます。");
        problems[1].Reason.ShouldBe("人口「-5」は1以上の整数で入力してください。");
        problems[2].Reason.ShouldBe("出典を入力してください。");
        (await db.Populations.CountAsync()).ShouldBe(0);
    }
}
