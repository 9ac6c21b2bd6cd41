using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Dashboards;
using InfraLedger.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace InfraLedger.Web.Pages.Dashboards;

/// <summary>
/// What the public dashboard pages share: the language (Japanese, or English with <c>lang=en</c>), links that keep
/// the whole view in the query string (so every view has a permalink), and tables with their downloads.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = CachePolicy)]
public abstract class DashboardPage : PageModel
{
    public const string CachePolicy = "dashboard";

    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? Lang { get; set; }

    public bool English => Lang == "en";

    public DashboardTables Tables => new(English);

    public List<PublicDashboard.Choice> Choices { get; protected set; } = [];

    public Error? Error { get; protected set; }

    public string L(string ja, string en) => English ? en : ja;

    /// <summary>A dashboard address with the given query values (null values left out) and the current language.</summary>
    public string Link(string path, params (string Key, object? Value)[] query)
    {
        var parts = query.Where(q => q.Value is not null).Select(q => $"{q.Key}={Uri.EscapeDataString(Convert.ToString(q.Value, CultureInfo.InvariantCulture)!)}")
            .Concat(English ? ["lang=en"] : []).ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    /// <summary>The same page in the other language.</summary>
    public string OtherLanguage()
    {
        var query = Request.Query.Where(q => q.Key != "lang").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").ToList();
        if (!English)
        {
            query.Add("lang=en");
        }

        return query.Count == 0 ? Request.Path.Value! : $"{Request.Path.Value}?{string.Join('&', query)}";
    }

    /// <summary>
    /// A table on the page, downloadable as CSV, JSON and XLSX from the page itself (its <c>export</c> handler with the
    /// same view), so a download is always what the page shows.
    /// </summary>
    public TableView View(ReportTable table, Func<IReadOnlyList<ReportCell>, string?>? rowLink, params (string Key, object? Value)[] view) =>
        new(table, Link(Request.Path.Value!, [.. view, ("handler", "export"), ("table", table.Name)]), rowLink, ["csv", "json", "xlsx"], English, CellValues: true, CsvEncoding: "UTF-8");

    /// <summary>The tables of the view, for the export handler.</summary>
    protected abstract IEnumerable<ReportTable> ViewTables();

    protected abstract Task<IActionResult> LoadAsync(CancellationToken ct);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>One table of the view as CSV, JSON or XLSX; 404 for a table the view does not have.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not PageResult || Error is not null)
        {
            return Error is null ? loaded : BadRequest(Error.Message);
        }

        var found = ViewTables().FirstOrDefault(t => t.Name == table);
        if (found is null)
        {
            return NotFound();
        }

        var result = await Api.TableDownload.WriteAsync(HttpContext, found, $"infraledger_{found.Name}", format, bom: false, ct);
        await result.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    public IActionResult Refuse(Error error)
    {
        Error = error;
        return Page();
    }
}
