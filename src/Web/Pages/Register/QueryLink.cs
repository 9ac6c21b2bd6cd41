using System.Text;

namespace InfraLedger.Web.Pages.Register;

/// <summary>A path with its non-empty query parameters, escaped (for the GET filter, sort and page links).</summary>
public static class QueryLink
{
    public static string Of(string path, params (string Name, string? Value)[] parameters)
    {
        var link = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            link.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value!));
            separator = '&';
        }

        return link.ToString();
    }
}
