using System.CommandLine;
using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;

namespace InfraLedger.Cli;

internal static class ProjectionCommands
{
    /// <summary>The tables a run can print (<see cref="All"/>, for --table) and those printed when none is named.</summary>
    private sealed record Report(IReadOnlyList<Table> All, IReadOnlyList<Table> Default);

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
            Description = $"表の名前（省略時はすべて）{string.Join("|", ProjectionTables.TableNames)}、--compare では compare-summary|compare、--group では members|member-annual|annual|stock|skipped / Table name (default: all)",
        };
        var format = TableOutput.Format();
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
            var request = new ProjectionRequest(parse.GetValue(scenario)!, parse.GetValue(baseYear), parse.GetValue(years), parse.GetValue(compare));
            var report = parse.GetValue(group) is { } groupId
                ? await GroupAsync(t.Db, groupId, request, ct)
                : await RunAsync(t.Db, request, ct);
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

            await TableOutput.WriteAsync(tables, parse.GetValue(format)!, ct);
            return 0;
        });
        return command;
    }

    /// <summary>One scenario, or two compared (then the comparison is printed unless a table is named).</summary>
    private static async Task<Result<Report>> RunAsync(AppDbContext db, ProjectionRequest request, CancellationToken ct)
    {
        var progress = RowsRead.ForTerminal();
        var outcome = await ProjectionRun.RunAsync(db, request, progress, ct);
        progress?.Done();
        if (!outcome.IsSuccess)
        {
            return outcome.Error!;
        }

        var o = outcome.Value;
        return new Report(o.Tables, o.CompareResult is null ? o.Tables : o.Comparison);
    }

    /// <summary>A wide-area group with a preset; the scenario is checked first, as for one tenant.</summary>
    private static async Task<Result<Report>> GroupAsync(AppDbContext db, long groupId, ProjectionRequest request, CancellationToken ct)
    {
        var resolved = await ProjectionRun.ResolveAsync(db, request with { Compare = null }, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        if (request.Compare is not null)
        {
            return Errors.GroupWithCompare;
        }

        if (!resolved.Value.A.IsPreset)
        {
            return Errors.GroupNeedsPreset(resolved.Value.A.Name);
        }

        var progress = RowsRead.ForTerminal();
        var result = await GroupProjection.RunAsync(db, groupId, request.Scenario, request.BaseYear, request.Years, progress, ct);
        progress?.Done();
        return result.IsSuccess ? new Report(result.Value.Tables, result.Value.Tables) : result.Error!;
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
