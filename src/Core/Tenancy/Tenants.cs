using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tenancy;

/// <summary>Finding and listing tenants in the local-government master.</summary>
public static class Tenants
{
    /// <summary>Resolves a code typed anywhere (URL, file, API, CLI) to a tenant, or says exactly what is wrong.</summary>
    public static async Task<Result<LocalGovernment>> FindAsync(AppDbContext db, string? codeText, CancellationToken ct)
    {
        var code = LocalGovernmentCode.Parse(codeText);
        if (!code.IsSuccess)
        {
            return code.Error!;
        }

        var body = await db.LocalGovernments.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code.Value.Value, ct);
        if (body is null)
        {
            return Errors.UnknownBody(code.Value.Value);
        }

        return body.IsTenant ? body : Errors.NotATenant(body.Code, body.Name);
    }

    /// <summary>Tenants whose code, name or reading contains <paramref name="query"/>, in code order.</summary>
    public static IQueryable<LocalGovernment> Search(AppDbContext db, string? query, string? prefectureCode = null)
    {
        var q = db.LocalGovernments.AsNoTracking().Where(b => b.IsTenant);
        if (!string.IsNullOrWhiteSpace(prefectureCode))
        {
            q = q.Where(b => b.PrefectureCode == prefectureCode);
        }

        if (!string.IsNullOrWhiteSpace(query))
        {
            var text = query.Trim();
            q = q.Where(b => b.Code.Contains(text) || b.Name.Contains(text) || b.Kana.Contains(text));
        }

        return q.OrderBy(b => b.Code);
    }

    /// <summary>The municipalities of a prefecture (its 行政区 excluded), in code order.</summary>
    public static Task<List<LocalGovernment>> MunicipalitiesOfAsync(AppDbContext db, string prefectureCode, CancellationToken ct) =>
        db.LocalGovernments.AsNoTracking()
            .Where(b => b.PrefectureCode == prefectureCode && b.IsTenant && b.Kind != LocalGovernmentKind.Prefecture)
            .OrderBy(b => b.Code).ToListAsync(ct);
}
