using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Export;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.OpenData;

/// <summary>
/// The files of a tenant's published dataset, read in the tenant's own scope (the URL's 団体コード): a table of a dataset
/// that is not published does not exist, whatever the register holds.
/// </summary>
public static class Downloads
{
    /// <summary>A table ready to be written in one of the <see cref="ResourceFormat"/>s.</summary>
    public abstract class File(string fileName)
    {
        /// <summary><c>{団体コード}_{table}</c>, without extension.</summary>
        public string FileName { get; } = fileName;

        public abstract Task WriteAsync(ResourceFormat format, Stream output, bool bom, CancellationToken ct);
    }

    private sealed class Table<T>(string fileName, string sheet, IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns) : File(fileName)
    {
        public override Task WriteAsync(ResourceFormat format, Stream output, bool bom, CancellationToken ct) => format.Extension switch
        {
            "xlsx" => XlsxExport.WriteAsync(rows, columns, sheet, output, ct),
            "json" => JsonExport.WriteAsync(rows, columns, output, ct),
            _ => CsvExport.WriteAsync(rows, columns, output, bom, ct),
        };
    }

    /// <summary>The table <paramref name="tableName"/> of the scope's tenant's dataset <paramref name="kindId"/>, if published.</summary>
    public static async Task<Result<File>> OpenAsync(AppDbContext db, LocalGovernment tenant, string? kindId, string? tableName, CancellationToken ct)
    {
        if (DatasetKind.Find(kindId) is not { } kind || kind.Tables.FirstOrDefault(t => t.Name == tableName) is not { } table)
        {
            return Errors.UnknownDataset($"{kindId}/{tableName}");
        }

        if (!await db.OpenDatasets.AnyAsync(d => d.Kind == kind.Id, ct))
        {
            return Errors.NotPublished($"{tenant.Name} {kind.Title}");
        }

        var fileName = $"{tenant.Code}_{table.Name}";
        switch (table.Name)
        {
            case "public-facilities":
                var prefecture = await db.LocalGovernments.Where(b => b.Code == tenant.PrefectureCode).Select(b => b.Name).SingleAsync(ct);
                return new Table<Facility>(fileName, table.Title, db.Facilities.AsNoTracking().OrderBy(f => f.Code).AsAsyncEnumerable(),
                    PublicFacilityList.Columns(tenant, prefecture));
            case "plan-costs" or "plan-grades" or "plan-saving":
                if (await db.PublishedPlanSummaries.AsNoTracking().SingleOrDefaultAsync(s => s.Code == tenant.Code, ct) is not { } plan)
                {
                    return Errors.NotPublished($"{tenant.Name} {kind.Title}");
                }

                var summary = plan.ToSummary();
                return table.Name switch
                {
                    "plan-costs" => new Table<PlanSummaryCost>(fileName, table.Title, PlanSummaryTables.CostRows(summary).ToAsyncEnumerable(), PlanSummaryTables.CostColumns(tenant, summary)),
                    "plan-grades" => new Table<PlanSummaryTables.GradeRow>(fileName, table.Title, PlanSummaryTables.GradeRows(summary).ToAsyncEnumerable(), PlanSummaryTables.GradeColumns(tenant, summary)),
                    _ => new Table<PlanSummary>(fileName, table.Title, new[] { summary }.ToAsyncEnumerable(), PlanSummaryTables.SavingColumns(tenant)),
                };
            case "fixed-assets":
                return new Table<FixedAsset>(fileName, table.Title, db.FixedAssets.AsNoTracking().OrderBy(a => a.Number).AsAsyncEnumerable(), ExportColumns.Asset);
            default:
                var source = table.Name == "fiscal-indicators" ? FiscalIndicatorImport.SourceId : RegisterPublication.SourceId;
                var values = db.PublicIndicatorValues.AsNoTracking().Where(v => v.Code == tenant.Code && v.SourceId == source)
                    .OrderBy(v => v.FiscalYear).ThenBy(v => v.Indicator).AsAsyncEnumerable();
                return new Table<PublicIndicatorValue>(fileName, table.Title, values, IndicatorColumns);
        }
    }

    /// <summary>Long format (rule L3-09): one value per row, with its year, indicator and unit.</summary>
    private static readonly IReadOnlyList<ExportColumn<PublicIndicatorValue>> IndicatorColumns =
    [
        new("全国地方公共団体コード", v => v.Code),
        new("団体名", v => v.BodyName),
        new("年度", Number: v => v.FiscalYear),
        new("指標ID", v => v.Indicator),
        new("指標名", v => IndicatorDefinition.Find(v.Indicator)?.Label ?? v.Indicator),
        new("単位", v => IndicatorDefinition.Find(v.Indicator)?.Unit),
        new("値", Number: v => PublicIndicators.Parse(v.Text)),
    ];
}
