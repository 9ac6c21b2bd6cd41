using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>
/// A staff response template (返答の定型文, issue 22 item 5): a ready public note for a kind of report (service), or for
/// every kind when <see cref="ServiceCode"/> is null, picked when answering a report.
/// </summary>
public sealed class ResponseTemplate : Tenancy.ITenantOwned
{
    public const int MaxTitle = 100;

    public required string TenantId { get; init; }

    public int Id { get; set; }

    /// <summary>The kind of report it answers; null for every kind.</summary>
    public string? ServiceCode { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>Keeping the tenant's response templates (staff: editors and admins) and offering those of a report's kind.</summary>
public static class ResponseTemplates
{
    public static Task<List<ResponseTemplate>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.ResponseTemplates.AsNoTracking().OrderBy(t => t.ServiceCode).ThenBy(t => t.Title).ThenBy(t => t.Id).ToListAsync(ct);

    /// <summary>The templates staff can pick for a report of <paramref name="serviceCode"/>: the kind's own, then those for every kind.</summary>
    public static async Task<List<ResponseTemplate>> ForServiceAsync(AppDbContext db, string serviceCode, CancellationToken ct) =>
        [.. (await db.ResponseTemplates.AsNoTracking().Where(t => t.ServiceCode == serviceCode || t.ServiceCode == null).ToListAsync(ct))
            .OrderBy(t => t.ServiceCode is null).ThenBy(t => t.Title, StringComparer.Ordinal).ThenBy(t => t.Id)];

    public static Task<ResponseTemplate?> FindAsync(AppDbContext db, int id, CancellationToken ct) =>
        db.ResponseTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>Adds (<paramref name="id"/> null) or changes a template, checked whole first.</summary>
    public static async Task<Result<ResponseTemplate>> SaveAsync(AppDbContext db, int? id, string? serviceCode, string? title, string? text, DateTime nowUtc, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(serviceCode) ? null : serviceCode.Trim();
        var name = title?.Trim() ?? "";
        var body = text?.Trim().Replace("\r\n", "\n", StringComparison.Ordinal) ?? "";
        if (code is not null && !await db.ReportServices.AnyAsync(s => s.Code == code, ct))
        {
            return Errors.ServiceNotFound(code) with { Field = "ServiceCode", Kind = ErrorKind.Invalid };
        }

        if (name.Length is 0 or > ResponseTemplate.MaxTitle)
        {
            return Errors.TemplateField("Title", $"名前を1〜{ResponseTemplate.MaxTitle}文字で入力してください。");
        }

        if (body.Length is 0 or > ResidentReports.MaxDescription)
        {
            return Errors.TemplateField("Text", $"返答の文を1〜{ResidentReports.MaxDescription:N0}文字で入力してください。");
        }

        ResponseTemplate? template;
        if (id is { } existing)
        {
            template = await db.ResponseTemplates.SingleOrDefaultAsync(t => t.Id == existing, ct);
            if (template is null)
            {
                return Errors.TemplateNotFound(existing);
            }
        }
        else
        {
            var next = (await db.ResponseTemplates.MaxAsync(t => (int?)t.Id, ct) ?? 0) + 1;
            template = new ResponseTemplate { TenantId = db.Scope.TenantId!, Id = next, Title = name, Text = body };
            db.ResponseTemplates.Add(template);
        }

        template.ServiceCode = code;
        template.Title = name;
        template.Text = body;
        template.ChangedAtUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        return template;
    }

    public static async Task<Result<int>> DeleteAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var template = await db.ResponseTemplates.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return Errors.TemplateNotFound(id);
        }

        db.ResponseTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
