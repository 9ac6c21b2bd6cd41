namespace InfraLedger.Web.Pages.Projection;

/// <summary>Addresses of the projection pages; scenario names are the tenant's own text, so they are escaped.</summary>
public static class ScenarioLinks
{
    /// <summary>The projection result page run with a preset or scenario.</summary>
    public static string Run(string tenant, string scenario) => $"/{tenant}/projection?scenario={Uri.EscapeDataString(scenario)}";

    public static string Scenarios(string tenant) => $"/{tenant}/projection/scenarios";

    public static string Scenario(string tenant, string name) => $"{Scenarios(tenant)}/{Uri.EscapeDataString(name)}";

    public static string ScenarioJson(string tenant, string name) => Scenario(tenant, name) + "?handler=Json";

    public static string PresetJson(string tenant, string id) => $"{Scenarios(tenant)}?handler=Json&preset={Uri.EscapeDataString(id)}";

    public static string Investments(string tenant) => $"/{tenant}/projection/investments";

    /// <summary>An update time for people: JST (UTC+9 all year), to the minute.</summary>
    public static string Jst(DateTime utc) => Core.Common.JapanTime.Minute(utc);
}
