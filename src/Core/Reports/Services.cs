using System.Globalization;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>The current tenant's report services: list, edit (admin), and the default set a tenant starts from.</summary>
public static partial class Services
{
    /// <summary>What the admin form gives, as text.</summary>
    public sealed record Input(string Code, string Name, string? Description, string? Group, string? Keywords, string Section,
        string? Notice, string? ExpectedDays, string? DuplicateRadiusMetres, bool Batch, bool IsActive, string? Order, string? Attributes);

    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static Task<List<ReportService>> ListAsync(AppDbContext db, bool includeInactive, CancellationToken ct) =>
        db.ReportServices.AsNoTracking().Where(s => includeInactive || s.IsActive)
            .OrderBy(s => s.Order).ThenBy(s => s.Code).ToListAsync(ct);

    public static Task<ReportService?> FindAsync(AppDbContext db, string code, CancellationToken ct) =>
        db.ReportServices.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code, ct);

    /// <summary>Creates (<paramref name="isNew"/>) or updates a service; every save moves the discovery changeset.</summary>
    public static async Task<Result<ReportService>> SaveAsync(AppDbContext db, Input input, bool isNew, DateTime nowUtc, CancellationToken ct)
    {
        var code = input.Code.Trim();
        if (!IsCode(code))
        {
            return Errors.ServiceCodeInvalid(code);
        }

        var existing = await db.ReportServices.SingleOrDefaultAsync(s => s.Code == code, ct);
        if (isNew && existing is not null)
        {
            return Errors.ServiceCodeTaken(code);
        }

        if (!isNew && existing is null)
        {
            return Errors.ServiceNotFound(code);
        }

        var name = input.Name.Trim();
        var section = input.Section.Trim();
        if (name.Length is 0 or > 100)
        {
            return Errors.ServiceField("Name", "種類の名前を1〜100文字で入力してください。");
        }

        if (section.Length is 0 or > 100)
        {
            return Errors.ServiceField("Section", "担当課を1〜100文字で入力してください。");
        }

        if (!TryInt(input.ExpectedDays, 1, 365, out var days))
        {
            return Errors.ServiceField("ExpectedDays", $"対応目標日数「{input.ExpectedDays}」は1〜365の整数で入力してください（目標がなければ空欄）。");
        }

        if (!TryInt(input.DuplicateRadiusMetres, 0, 1000, out var radius))
        {
            return Errors.ServiceField("DuplicateRadiusMetres", $"重複を探す半径「{input.DuplicateRadiusMetres}」は0〜1000（m）の整数で入力してください。");
        }

        if (!TryInt(input.Order, 0, 9999, out var order))
        {
            return Errors.ServiceField("Order", $"表示順「{input.Order}」は0〜9999の整数で入力してください。");
        }

        var attributes = AttributeLines.Parse(input.Attributes);
        if (!attributes.IsSuccess)
        {
            return attributes.Error!;
        }

        foreach (var (label, field, value, max) in new[]
                 {
                     ("説明", "Description", input.Description, 1000), ("分類", "Group", input.Group, 50),
                     ("キーワード", "Keywords", input.Keywords, 300), ("お知らせ", "Notice", input.Notice, 1000),
                 })
        {
            if ((value?.Trim().Length ?? 0) > max)
            {
                return Errors.TooLong(field, label, max);
            }
        }

        var service = existing ?? new ReportService { TenantId = db.Scope.TenantId!, Code = code, Name = name, Section = section };
        service.Name = name;
        service.Section = section;
        service.Description = Blank(input.Description);
        service.Group = Blank(input.Group);
        service.Keywords = Blank(input.Keywords);
        service.Notice = Blank(input.Notice);
        service.ExpectedDays = days;
        service.DuplicateRadiusMetres = radius ?? 50;
        service.Batch = input.Batch;
        service.IsActive = input.IsActive;
        service.Order = order ?? 0;
        service.AttributesJson = ServiceQuestion.Serialize(attributes.Value);
        service.ChangedAtUtc = nowUtc;
        if (existing is null)
        {
            db.ReportServices.Add(service);
        }

        await db.SaveChangesAsync(ct);
        return service;
    }

    /// <summary>Adds the default services (<see cref="DefaultServices"/>) the tenant does not have yet; returns how many.</summary>
    public static async Task<int> AddDefaultsAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var have = await db.ReportServices.Select(s => s.Code).ToListAsync(ct);
        var added = 0;
        foreach (var input in DefaultServices.All.Where(d => !have.Contains(d.Code)))
        {
            var saved = await SaveAsync(db, input, isNew: true, nowUtc, ct);
            if (!saved.IsSuccess)
            {
                throw new InvalidOperationException($"既定の通報種類 {input.Code} が不正です: {saved.Error!.Message}");
            }

            added++;
        }

        return added;
    }

    private static bool TryInt(string? text, int min, int max, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            value = v;
            return true;
        }

        return false;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$")]
    private static partial Regex CodePattern();
}
