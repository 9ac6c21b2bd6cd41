using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Audit;

/// <summary>
/// Who acted, in words for a page: the audit trail and the records keep the stable ids (<c>user:{id}</c>,
/// <c>token:{id}</c>, …), but a token's id is part of the key a machine sends, so pages show the token's name instead
/// (issue 17 F3) and a user's display name instead of an id.
/// </summary>
public static class Actors
{
    /// <summary>The name of each actor for the current tenant; an actor not found keeps a generic label, never its id.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(AppDbContext db, IEnumerable<string> actors, CancellationToken ct)
    {
        var all = actors.Distinct(StringComparer.Ordinal).ToList();
        var tokenIds = all.Where(a => a.StartsWith("token:", StringComparison.Ordinal)).Select(a => a["token:".Length..]).ToList();
        var userIds = all.Where(a => a.StartsWith("user:", StringComparison.Ordinal)).Select(a => a["user:".Length..]).ToList();
        var tokens = tokenIds.Count == 0 ? [] : await db.ApiTokens.AsNoTracking().Where(t => tokenIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return all.ToDictionary(a => a, a => Name(a, tokens, users), StringComparer.Ordinal);
    }

    private static string Name(string actor, Dictionary<string, string> tokens, Dictionary<string, string> users)
    {
        var (kind, id) = actor.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (actor[..colon], actor[(colon + 1)..]) : (actor, "");
        return kind switch
        {
            "token" => tokens.TryGetValue(id, out var name) ? $"API トークン「{name}」" : "API トークン（削除済み）",
            "user" => users.TryGetValue(id, out var display) && display.Length > 0 ? display : "職員",
            "anonymous" => id == "open311" ? "Open311（API キーなし）" : "住民（Web の通報フォーム）",
            "cli" => "コマンドライン",
            "system" => "システム",
            _ => "不明",
        };
    }
}
