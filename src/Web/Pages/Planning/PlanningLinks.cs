using System.Globalization;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>Addresses of the 個別施設計画 pages (one place, so pages, downloads and tests agree).</summary>
public static class PlanningLinks
{
    public static string List(string tenant) => $"/{tenant}/plans";

    public static string New(string tenant) => $"/{tenant}/plans/new";

    public static string Settings(string tenant) => $"/{tenant}/plans/consequences";

    public static string Plan(string tenant, int id) => $"/{tenant}/plans/{N(id)}";

    public static string Print(string tenant, int id) => $"/{tenant}/plans/{N(id)}/print";

    public static string Diff(string tenant, int id) => $"/{tenant}/plans/{N(id)}/diff";

    public static string Export(string tenant, int id) => $"/{tenant}/plans/{N(id)}/export";

    public static string Groups(string tenant) => $"/{tenant}/plans/groups";

    public static string Group(string tenant, long id) => $"/{tenant}/plans/groups/{id.ToString(CultureInfo.InvariantCulture)}";

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
}
