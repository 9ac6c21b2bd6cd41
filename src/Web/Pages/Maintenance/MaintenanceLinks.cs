using InfraLedger.Core.Maintenance;
using AssetKind = InfraLedger.Core.Register.AssetKind;

namespace InfraLedger.Web.Pages.Maintenance;

/// <summary>Addresses and kinds of the 維持管理 pages (one place, so pages and downloads agree).</summary>
public static class MaintenanceLinks
{
    public static IEnumerable<AssetKind> Kinds => LibraryPresets.All.Select(p => p.AssetKind);

    public static string Name(AssetKind kind) => LibraryPresets.NameOf(kind);

    public static string Compare(string tenant, AssetKind kind) => $"/{tenant}/maintenance?kind={Name(kind)}";

    public static string Library(string tenant, AssetKind kind) => $"/{tenant}/maintenance/library?kind={Name(kind)}";

    public static string Export(string tenant, AssetKind kind, int years, double rate) =>
        $"/{tenant}/maintenance/export?kind={Name(kind)}&years={years}&rate={rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
