using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tenancy;

/// <summary>Loads the embedded local-government master into the database; re-running it with the same files changes nothing.</summary>
public static class MasterLoader
{
    public const string Dataset = "local-governments";

    public sealed record Outcome(int Added, int Updated, bool AlreadyCurrent);

    public static async Task<Outcome> LoadAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var snapshot = LocalGovernmentMaster.ReadEmbedded();
        var fingerprint = string.Join(",", snapshot.Files.Select(f => f.Sha256));
        var last = await db.ReferenceDataLoads.Where(l => l.Dataset == Dataset).OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        if (last?.Sha256 == Hash(fingerprint))
        {
            return new Outcome(0, 0, AlreadyCurrent: true);
        }

        var existing = await db.LocalGovernments.ToDictionaryAsync(b => b.Code, ct);
        int added = 0, updated = 0;
        foreach (var body in snapshot.Bodies)
        {
            if (!existing.TryGetValue(body.Code, out var row))
            {
                db.LocalGovernments.Add(body);
                added++;
                continue;
            }

            row.Name = body.Name;
            row.Kana = body.Kana;
            row.NameEn = body.NameEn;
            row.Kind = body.Kind;
            row.KindUnverified = body.KindUnverified;
            row.ParentCode = body.ParentCode;
            row.IsTenant = body.IsTenant;
            row.Latitude = body.Latitude;
            row.Longitude = body.Longitude;
            row.Url = body.Url;
            if (db.Entry(row).State == EntityState.Modified)
            {
                updated++;
            }
        }

        db.ReferenceDataLoads.Add(new ReferenceDataLoad
        {
            Dataset = Dataset,
            Source = "code4fukui/localgovjp@232edc3 (CC0) " + string.Join(" ", snapshot.Files.Select(f => $"{f.File}:{f.Rows}")),
            Sha256 = Hash(fingerprint),
            RowCount = snapshot.Bodies.Count,
            LoadedAtUtc = nowUtc,
        });
        await db.SaveChangesAsync(ct);
        return new Outcome(added, updated, AlreadyCurrent: false);
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
