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

    /// <summary>
    /// Every query name a dashboard reads. The output cache varies by these alone (WebApp), so an unknown parameter cannot
    /// make a new cache entry; a request that carries one, repeats one or spells a value other than its canonical form is
    /// redirected to the view's canonical address (issue 17 F5).
    /// </summary>
    public static readonly string[] QueryNames = ["indicator", "year", "pref", "sort", "order", "p", "x", "y", "lang", "handler", "table", "format"];

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
    public TableView View(Table table, Func<IReadOnlyList<TableCell>, string?>? rowLink, params (string Key, object? Value)[] view) =>
        new(table, Link(Request.Path.Value!, [.. view, ("handler", "export"), ("table", table.Name)]), rowLink, ["csv", "json", "xlsx"], English, CellValues: true, CsvEncoding: "UTF-8");

    /// <summary>The tables of the view, for the export handler.</summary>
    protected abstract IEnumerable<Table> ViewTables();

    protected abstract Task<IActionResult> LoadAsync(CancellationToken ct);

    /// <summary>
    /// The query values that make this view, in their canonical spelling, as read from the request before any default
    /// applies (null: absent, or not a value the page understands); the language is added by the base.
    /// </summary>
    protected abstract IEnumerable<(string Key, string? Value)> ViewParameters();

    /// <summary>The view's canonical path, escaped as in a URL (e.g. a prefecture in the path, not in the query).</summary>
    protected virtual string CanonicalPath => Request.Path.ToUriComponent();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Canonical(export: false) ?? await LoadAsync(ct);

    /// <summary>One table of the view as CSV, JSON or XLSX; 404 for a table the view does not have.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (Canonical(export: true) is { } redirect)
        {
            return redirect;
        }

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

        var result = await TableDownload.WriteAsync(HttpContext, found, $"infraledger_{found.Name}", format, bom: false, ct);
        await result.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>The page with the refusal's message; not kept by the output cache (an endless number of wrong values must not fill it).</summary>
    public IActionResult Refuse(Error error)
    {
        Error = error;
        if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }

        return Page();
    }

    /// <summary>A handler name the page does not have (<c>?handler=x</c>) is not found, rather than a page rendered without its data.</summary>
    public override Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
            return Task.CompletedTask;
        }

        return next();
    }

    /// <summary>A redirect to the canonical address when the request's path or query differs from it; null when it is canonical.</summary>
    private RedirectResult? Canonical(bool export)
    {
        IEnumerable<(string Key, string? Value)> exported = export ? [("handler", "export"), ("table", Given("table")), ("format", Given("format"))] : [];
        var wanted = ViewParameters().Append((Key: "lang", Value: English ? "en" : null)).Concat(exported)
            .Where(p => p.Value is not null).Select(p => (p.Key, Value: p.Value!)).ToList();
        var actual = Request.Query.SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? ""))).ToList();
        var same = Request.Path.ToUriComponent() == CanonicalPath && actual.Count == wanted.Count
            && wanted.All(w => actual.Any(a => string.Equals(a.Key, w.Key, StringComparison.Ordinal) && a.Value == w.Value));
        return same ? null : Redirect(CanonicalPath + QueryString.Create(wanted.Select(w => new KeyValuePair<string, string?>(w.Key, w.Value))).Value);
    }

    /// <summary>A query value as given when it is given once; null otherwise.</summary>
    protected string? Given(string key) => Request.Query.TryGetValue(key, out var v) && v.Count == 1 && !string.IsNullOrEmpty(v[0]) ? v[0] : null;

    /// <summary>The canonical text of a bound number: what <see cref="Link"/> writes.</summary>
    protected static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
