using System.CommandLine;
using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;

namespace InfraLedger.Cli;

internal static class ProjectionCommands
{
    /// <summary>The tables a run can print (<see cref="All"/>, for --table) and those printed when none is named.</summary>
    private sealed record Report(IReadOnlyList<ReportTable> All, IReadOnlyList<ReportTable> Default);

    public static Command Project()
    {
        var tenant = new Option<string>("--tenant") { Description = "団体コード / Tenant code", Required = true };
        var scenario = new Option<string>("--scenario")
        {
            Description = $"プリセット（{string.Join("|", Presets.All.Select(p => p.Id))}）またはこの団体のシナリオ名 / Preset id or the tenant's scenario name",
            DefaultValueFactory = _ => Presets.Baseline,
        };
        var baseYear = new Option<int>("--base-year") { Description = "基準年度（西暦、推計の初年度）/ Base fiscal year (the first year projected)", Required = true };
        var years = new Option<int?>("--years") { Description = "試算期間（年、省略時はシナリオの設定）/ Years projected (default: the scenario's)" };
        var table = new Option<string?>("--table")
        {
            Description = $"表の名前（省略時はすべて）{string.Join("|", ProjectionReport.TableNames)}、--compare では compare-summary|compare、--group では members|member-annual|annual|stock|skipped / Table name (default: all)",
        };
        var format = ReportOutput.Format();
        var compare = new Option<string?>("--compare") { Description = "比べるシナリオ（プリセットまたはシナリオ名）/ A second scenario to compare with" };
        var group = new Option<long?>("--group") { Description = "広域グループのID（この団体が加わっているもの、プリセットのみ）/ Project a wide-area group the tenant belongs to (presets only)" };
        var command = new Command("project", "台帳の更新費用を推計する（総務省の試算方法）/ Project the renewal costs of the tenant's register")
        {
            tenant, scenario, baseYear, years, table, format, compare, group,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            if (await CliHost.TenantScopeAsync(services, parse.GetValue(tenant)!, ct) is not { } t)
            {
                return 2;
            }

            await using var _ = t.Scope;
            var fy = Projections.CheckBaseYear(parse.GetValue(baseYear));
            if (!fy.IsSuccess)
            {
                return CliHost.Fail(fy.Error!);
            }

            var first = await ResolveAsync(t.Db, parse.GetValue(scenario)!, parse.GetValue(years), ct);
            if (!first.IsSuccess)
            {
                return CliHost.Fail(first.Error!);
            }

            var report = parse.GetValue(group) is { } groupId
                ? await GroupAsync(t.Db, groupId, first.Value, parse.GetValue(compare), fy.Value, ct)
                : parse.GetValue(compare) is { } other
                ? await CompareAsync(t.Db, first.Value, other, parse.GetValue(years), fy.Value, ct)
                : await SingleAsync(t.Db, first.Value, fy.Value, ct);
            if (!report.IsSuccess)
            {
                return CliHost.Fail(report.Error!);
            }

            var name = parse.GetValue(table);
            var tables = name is null ? report.Value.Default : report.Value.All.Where(x => x.Name == name).ToList();
            if (tables.Count == 0)
            {
                return CliHost.Fail(Errors.TableNotFound(name!, report.Value.All.Select(x => x.Name)));
            }

            await ReportOutput.WriteAsync(tables, parse.GetValue(format)!, ct);
            return 0;
        });
        return command;
    }

    /// <summary>The scenario with the horizon asked for.</summary>
    private static async Task<Result<ScenarioRef>> ResolveAsync(AppDbContext db, string name, int? years, CancellationToken ct)
    {
        var resolved = await Scenarios.ResolveAsync(db, name, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var parameters = Projections.WithHorizon(resolved.Value.Parameters, years);
        return parameters.IsSuccess ? resolved.Value with { Parameters = parameters.Value } : parameters.Error!;
    }

    private static async Task<Result<Report>> SingleAsync(AppDbContext db, ScenarioRef scenario, int baseYear, CancellationToken ct)
    {
        var result = Run(db, scenario, baseYear, ct);
        var investment = await RecentInvestments.AverageBeforeAsync(db, baseYear, ct);
        var tables = ProjectionReport.Tables(result, scenario, investment);
        return new Report(tables, tables);
    }

    private static async Task<Result<Report>> CompareAsync(AppDbContext db, ScenarioRef first, string otherName, int? years, int baseYear, CancellationToken ct)
    {
        var other = await ResolveAsync(db, otherName, years, ct);
        if (!other.IsSuccess)
        {
            return other.Error!;
        }

        var a = Run(db, first, baseYear, ct);
        var b = Run(db, other.Value, baseYear, ct);
        var investment = await RecentInvestments.AverageBeforeAsync(db, baseYear, ct);
        var compared = ProjectionReport.Compare(a, first, b, other.Value);
        return new Report([.. ProjectionReport.Tables(a, first, investment), .. compared], compared);
    }

    private static async Task<Result<Report>> GroupAsync(AppDbContext db, long groupId, ScenarioRef scenario, string? compare, int baseYear, CancellationToken ct)
    {
        if (compare is not null)
        {
            return Errors.GroupWithCompare;
        }

        if (!scenario.IsPreset)
        {
            return Errors.GroupNeedsPreset(scenario.Name);
        }

        var progress = RowsRead.ForTerminal();
        var result = await Projections.RunGroupAsync(db, groupId, scenario.Parameters, baseYear, progress, ct);
        progress?.Done();
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var tables = ProjectionReport.Group(result.Value, scenario);
        return new Report(tables, tables);
    }

    private static ProjectionResult Run(AppDbContext db, ScenarioRef scenario, int baseYear, CancellationToken ct)
    {
        var progress = RowsRead.ForTerminal();
        var result = Projections.Run(db, scenario.Parameters, baseYear, progress, ct);
        progress?.Done();
        return result;
    }

    /// <summary>
    /// Rows read so far, on stderr and only when stderr is a terminal: CSV redirected to a file stays clean.
    /// Reported synchronously (not through <see cref="Progress{T}"/>) so that no line arrives after the result.
    /// </summary>
    private sealed class RowsRead : IProgress<long>
    {
        private bool shown;

        public static RowsRead? ForTerminal() => CliConsole.IsErrorRedirected ? null : new RowsRead();

        public void Report(long value)
        {
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r読込 {value:N0} 行 / rows"));
            shown = true;
        }

        public void Done()
        {
            if (shown)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
