namespace InfraLedger.Web.Pages.Register;

/// <summary>Addresses of the register's pages; keys are escaped because 施設コード and 資産番号 are the tenant's own text.</summary>
public static class RegisterLinks
{
    public static string Facilities(string tenant) => $"/{tenant}/facilities";

    public static string Facility(string tenant, string code) => $"/{tenant}/facilities/{Uri.EscapeDataString(code)}";

    public static string FacilityEdit(string tenant, string code) => Facility(tenant, code) + "/edit";

    public static string FacilityMap(string tenant) => $"/{tenant}/facilities/map";

    public static string Assets(string tenant) => $"/{tenant}/assets";

    public static string Asset(string tenant, string number) => $"/{tenant}/assets/{Uri.EscapeDataString(number)}";

    public static string AssetEdit(string tenant, string number) => Asset(tenant, number) + "/edit";
}
