using InfraLedger.Core.Help;

namespace InfraLedger.Web.Pages.Help;

/// <summary>The help pages' addresses: staff pages under the tenant, like the features they explain.</summary>
public static class HelpLinks
{
    public static string Index(string tenant) => $"/{tenant}/help";

    public static string Topic(string tenant, string topic) => $"/{tenant}/help/{Uri.EscapeDataString(topic)}";

    public static string Glossary(string tenant) => $"/{tenant}/help/glossary";

    public static string Template(string tenant, ImportTemplate template, string extension) => $"/{tenant}/help/templates/{template.Id}.{extension}";
}
