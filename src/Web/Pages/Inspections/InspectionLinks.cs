namespace InfraLedger.Web.Pages.Inspections;

/// <summary>Addresses of the inspection pages (one place, so that pages and tests agree).</summary>
public static class InspectionLinks
{
    public static string Index(string tenant) => $"/{tenant}/inspections";

    public static string Facility(string tenant, string facilityCode) => $"/{tenant}/inspections/facility/{Uri.EscapeDataString(facilityCode)}";

    public static string Edit(string tenant, long id) => $"/{tenant}/inspections/{id}/edit";

    public static string Photo(string tenant, long inspectionId, int number) => $"/{tenant}/inspections/{inspectionId}/photos/{number}";

    public static string EditWork(string tenant, long id) => $"/{tenant}/inspections/works/{id}/edit";
}
