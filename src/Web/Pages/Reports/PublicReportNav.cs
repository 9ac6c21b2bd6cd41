namespace InfraLedger.Web.Pages.Reports;

/// <summary>The residents' pages' navigation: the body, the page's language and the same page in the other language.</summary>
public sealed record PublicReportNav(string Tenant, bool English, string SwitchHref)
{
    /// <summary>The navigation of a page at <paramref name="path"/> (with its own query, without <c>lang</c>).</summary>
    public static PublicReportNav For(string tenant, bool english, string path) => new(tenant, english, ReportText.Link(!english, path));
}
