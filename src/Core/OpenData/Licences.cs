using Microsoft.Extensions.Configuration;

namespace InfraLedger.Core.OpenData;

/// <summary>A licence a tenant may choose for a dataset (open-data.md §3). No compatibility between licences is claimed.</summary>
public sealed record OpenDataLicence(string Id, string Title, string Url);

/// <summary>
/// The licences offered, from configuration (<c>OpenData:Licences:0:Id</c>, <c>…:Title</c>, <c>…:Url</c>) or, when none is
/// configured, CC BY 4.0 and 公共データ利用規約（第1.0版）.
/// </summary>
public sealed class OpenDataLicences(IReadOnlyList<OpenDataLicence> all)
{
    public static readonly OpenDataLicences Default = new(
    [
        new("cc-by-4.0", "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）", "https://creativecommons.org/licenses/by/4.0/deed.ja"),
        new("pdl-1.0", "公共データ利用規約（第1.0版）", "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0"),
    ]);

    public IReadOnlyList<OpenDataLicence> All { get; } = all;

    public static OpenDataLicences From(IConfiguration configuration)
    {
        var configured = configuration.GetSection("OpenData:Licences").GetChildren()
            .Select(s => new OpenDataLicence(s["Id"] ?? "", s["Title"] ?? "", s["Url"] ?? ""))
            .Where(l => l.Id.Length > 0 && l.Title.Length > 0)
            .ToList();
        return configured.Count > 0 ? new OpenDataLicences(configured) : Default;
    }

    /// <summary>By id (<c>cc-by-4.0</c>) or by title, case-insensitively; also the short names 「CC BY 4.0」 and 「PDL1.0」 of the defaults.</summary>
    public OpenDataLicence? Find(string? text)
    {
        var t = text?.Trim() ?? "";
        return All.FirstOrDefault(l => string.Equals(l.Id, t, StringComparison.OrdinalIgnoreCase) || string.Equals(l.Title, t, StringComparison.OrdinalIgnoreCase))
            ?? (t.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() switch
            {
                "CCBY4.0" or "CC-BY-4.0" => All.FirstOrDefault(l => l.Id == "cc-by-4.0"),
                "PDL1.0" or "PDL" => All.FirstOrDefault(l => l.Id == "pdl-1.0"),
                _ => null,
            });
    }

    /// <summary>A licence that is no longer configured is still shown by its id, never replaced by another.</summary>
    public OpenDataLicence Describe(string id) => All.FirstOrDefault(l => l.Id == id) ?? new OpenDataLicence(id, id, "");
}
