using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;

namespace InfraLedger.Core.Tenancy;

/// <summary>
/// Reads the local-government master (the CSV files in <c>Tenancy/Data</c>, embedded in this assembly)
/// into <see cref="LocalGovernment"/> rows: 47 都道府県, every 市区町村 as a tenant, 行政区 as sub-units.
/// Pure: no database, no clock.
/// </summary>
public static class LocalGovernmentMaster
{
    /// <summary>北方領土の6村: they have codes but no operating government (local-government-codes.md §3).</summary>
    public static readonly IReadOnlySet<string> NorthernTerritoriesVillages =
        new HashSet<string>(StringComparer.Ordinal) { "016951", "016969", "016977", "016985", "016993", "017001" };

    public const string MunicipalitiesFile = "localgovjp-utf8.csv";
    public const string PrefecturesFile = "prefjp-utf8.csv";
    public const string CoreCitiesFile = "core-cities.csv";

    public sealed record Snapshot(IReadOnlyList<LocalGovernment> Bodies, IReadOnlyList<(string File, string Sha256, int Rows)> Files);

    /// <summary>Reads the master list embedded in the Core assembly.</summary>
    public static Snapshot ReadEmbedded()
    {
        var municipalities = ReadResource(MunicipalitiesFile);
        var prefectures = ReadResource(PrefecturesFile);
        var coreCities = ReadResource(CoreCitiesFile);
        var bodies = Parse(prefectures, municipalities, coreCities);
        return new Snapshot(bodies, [
            (PrefecturesFile, Sha256(prefectures), bodies.Count(b => b.Kind == LocalGovernmentKind.Prefecture)),
            (MunicipalitiesFile, Sha256(municipalities), bodies.Count(b => b.Kind != LocalGovernmentKind.Prefecture)),
            (CoreCitiesFile, Sha256(coreCities), bodies.Count(b => b.Kind == LocalGovernmentKind.CoreCity)),
        ]);
    }

    /// <summary>Parses the three files (UTF-8, with or without BOM).</summary>
    public static List<LocalGovernment> Parse(byte[] prefecturesCsv, byte[] municipalitiesCsv, byte[] coreCitiesCsv)
    {
        var coreCities = ReadRows(coreCitiesCsv).Select(r => r["lgcode"]).ToHashSet(StringComparer.Ordinal);
        var bodies = new List<LocalGovernment>();

        foreach (var row in ReadRows(prefecturesCsv))
        {
            // prefjp-utf8.csv writes the code as a number: 10006 for 010006.
            var code = Code(row["lgcode"].PadLeft(6, '0'));
            bodies.Add(new LocalGovernment
            {
                Code = code.Value,
                Name = row["pref"],
                Kana = row["prefkana"],
                NameEn = row["pref_en"],
                Kind = LocalGovernmentKind.Prefecture,
                PrefectureCode = code.Value,
                IsTenant = true,
                Latitude = Number(row["lat"]),
                Longitude = Number(row["lng"]),
                Url = row["url"],
            });
        }

        var rows = ReadRows(municipalitiesCsv);
        var cityByName = rows.Where(r => !r["city"].Contains(' ', StringComparison.Ordinal))
            .ToDictionary(r => (r["pref"], r["city"]), r => r["lgcode"]);

        foreach (var row in rows)
        {
            var code = Code(row["lgcode"]);
            if (NorthernTerritoriesVillages.Contains(code.Value))
            {
                continue;
            }

            var name = row["city"];
            var kind = KindOf(code, name, coreCities.Contains(code.Value));
            bodies.Add(new LocalGovernment
            {
                Code = code.Value,
                Name = name,
                Kana = row["citykana"],
                Kind = kind,
                KindUnverified = kind == LocalGovernmentKind.CoreCity,
                PrefectureCode = code.Prefecture.Value,
                // "札幌市 中央区" is a ward of 札幌市.
                ParentCode = kind == LocalGovernmentKind.Ward ? cityByName[(row["pref"], name.Split(' ')[0])] : null,
                IsTenant = kind != LocalGovernmentKind.Ward,
                Latitude = Number(row["lat"]),
                Longitude = Number(row["lng"]),
                Url = row["url"],
            });
        }

        return bodies;
    }

    private static LocalGovernmentKind KindOf(LocalGovernmentCode code, string name, bool isCoreCity)
    {
        // The 3-digit part: 1xx 特別区 (東京都) or 政令市 and their 区, 2xx other cities, 3xx–7xx 町村.
        var block = code.Value[2];
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            return LocalGovernmentKind.Ward;
        }

        return block switch
        {
            '1' when code.PrefectureNumber == "13" => LocalGovernmentKind.SpecialWard,
            '1' => LocalGovernmentKind.DesignatedCity,
            '2' => isCoreCity ? LocalGovernmentKind.CoreCity : LocalGovernmentKind.City,
            _ when name.EndsWith('町') => LocalGovernmentKind.Town,
            _ when name.EndsWith('村') => LocalGovernmentKind.Village,
            _ => throw new InvalidDataException($"団体区分を判定できません: {code} {name}"),
        };
    }

    private static LocalGovernmentCode Code(string text)
    {
        var parsed = LocalGovernmentCode.Parse(text);
        return parsed.IsSuccess ? parsed.Value : throw new InvalidDataException($"マスタの団体コードが不正です: {parsed.Error!.Message}");
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The rows by header name, read with the import's CSV reader (UTF-8 with or without BOM).</summary>
    private static List<IReadOnlyDictionary<string, string>> ReadRows(byte[] csv) => [.. Tables.TableFile.ReadRecords(csv, "master.csv")];

    private static byte[] ReadResource(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("tenancy/" + file)
            ?? throw new InvalidOperationException($"埋め込みリソースがありません: {file}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
