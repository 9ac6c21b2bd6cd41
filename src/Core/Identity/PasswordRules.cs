using System.Globalization;
using System.Text;
using System.Text.Json;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Identity;

/// <summary>
/// What NIST SP 800-63B §5.1.1.2 asks of a new password beyond its length, without composition rules: it is not a
/// commonly used value (a vendored list, <c>Data/SOURCE.md</c>), not repetitive or sequential characters, and not
/// derived from context — the user's e-mail address, the names and codes of their local governments, the service's
/// name. Applies wherever a password is set (web, CLI), through ASP.NET Core Identity.
/// </summary>
public sealed class PasswordRules(AppDbContext db) : IPasswordValidator<AppUser>
{
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm",
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
    ];

    private static readonly string[] ServiceNames = ["infraledger", "インフラ台帳", "いんふらだいちょう"];

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var tenants = (await CrossTenant.MembershipsOfUserAsync(db, user.Id, CancellationToken.None)).Select(m => m.TenantId).ToList();
        if (db.Scope.TenantId is { } current)
        {
            tenants.Add(current);
        }

        var bodies = tenants.Count == 0 ? [] : await db.LocalGovernments.AsNoTracking().Where(g => tenants.Contains(g.Code)).ToListAsync();
        var problem = Check(password ?? "", ContextWords(user.Email, bodies));
        return problem is null ? IdentityResult.Success : IdentityResult.Failed(problem);
    }

    /// <summary>The refusal for <paramref name="password"/>, or null; <paramref name="context"/> are words it must not be built from.</summary>
    public static IdentityError? Check(string password, IEnumerable<string> context)
    {
        // NIST SP 800-63B asks for at least 64 characters to be allowed; a bound keeps hashing and these checks cheap.
        if (password.Length > MaxLength)
        {
            return Error("PasswordTooLong", $"パスワードは{MaxLength}文字以内にしてください。");
        }

        var folded = Fold(password);
        if (Weak(folded) is { } weak)
        {
            return weak;
        }

        var rest = folded;
        foreach (var word in context.Select(Fold).Where(w => w.Length >= 2).Distinct().OrderByDescending(w => w.Length))
        {
            rest = rest.Replace(word, "", StringComparison.Ordinal);
        }

        if (rest.Length == folded.Length)
        {
            return null;
        }

        return rest.Length < IdentityPolicy.PasswordLength || Weak(rest) is not null
            ? Error("PasswordContext", $"メールアドレス・団体名・サービス名から推測できるパスワードは使えません。それらを除いた部分だけで{IdentityPolicy.PasswordLength}文字以上の、推測されにくいものにしてください。")
            : null;
    }

    /// <summary>The e-mail address and its parts, each body's name, reading, English name and codes (with and without 市・町・村…), the service's names.</summary>
    public static List<string> ContextWords(string? email, IEnumerable<LocalGovernment> bodies)
    {
        var words = new List<string>(ServiceNames);
        if (!string.IsNullOrWhiteSpace(email))
        {
            words.Add(email);
            words.AddRange(email.Split(['@', '.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3));
        }

        foreach (var body in bodies)
        {
            words.AddRange([body.Code, body.Code[..5], body.Name, body.Kana]);
            words.AddRange((body.NameEn ?? "").Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3));
            if (body.Name.Length > 2 && "都道府県市区町村".Contains(body.Name[^1], StringComparison.Ordinal))
            {
                words.Add(body.Name[..^1]);
            }

            foreach (var suffix in new[] { "ちょう", "まち", "むら", "そん", "けん", "どう", "し", "く", "と", "ふ" })
            {
                if (body.Kana.Length > suffix.Length + 1 && body.Kana.EndsWith(suffix, StringComparison.Ordinal))
                {
                    words.Add(body.Kana[..^suffix.Length]);
                    break;
                }
            }
        }

        return words;
    }

    private static IdentityError? Weak(string folded)
    {
        if (folded.Length == 0)
        {
            return null;
        }

        if (Common.Value.Contains(folded) || Enumerable.Range(1, folded.Length - 1).Any(i => Common.Value.Contains(folded[..i]) && Common.Value.Contains(folded[i..])))
        {
            return Error("PasswordCommon", "よく使われているパスワード（またはその組み合わせ）のため使えません。推測されにくい語をいくつか組み合わせた、長いパスワードにしてください。");
        }

        if (IsRepetition(folded))
        {
            return Error("PasswordRepetitive", "同じ文字や文字列の繰り返しは使えません。");
        }

        return IsSequence(folded) ? Error("PasswordSequential", "連続した文字の並び（1234…、abcd…、qwerty… など）は使えません。") : null;
    }

    /// <summary>The whole text is one shorter unit written two or more times (<c>abcabcabcabc</c>, <c>aaaaaaaaaaaa</c>).</summary>
    private static bool IsRepetition(string s) =>
        Enumerable.Range(1, s.Length / 2).Any(n => s.Length % n == 0 && Enumerable.Range(1, (s.Length / n) - 1).All(k => string.CompareOrdinal(s, k * n, s, 0, n) == 0));

    /// <summary>Every character follows the previous one in one direction of one sequence, wrapping round (<c>123456789012</c>, <c>zyxwvu…</c>).</summary>
    private static bool IsSequence(string s) =>
        s.Length > 2 && Sequences.Any(seq => new[] { 1, -1 }.Any(step => Enumerable.Range(0, s.Length - 1).All(i =>
        {
            var at = seq.IndexOf(s[i], StringComparison.Ordinal);
            return at >= 0 && seq[(at + step + seq.Length) % seq.Length] == s[i + 1];
        })));

    /// <summary>Compatibility-folded (full-width letters and digits as ASCII, half-width kana as full-width), lower case, katakana as hiragana.</summary>
    private static string Fold(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            builder.Append(c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c);
        }

        return builder.ToString();
    }

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("identity/common-passwords.json")
            ?? throw new InvalidOperationException("よく使われるパスワードの一覧（identity/common-passwords.json）が埋め込まれていません。");
        var list = JsonSerializer.Deserialize<List<string>>(stream) ?? [];
        return new HashSet<string>(list.Select(Fold), StringComparer.Ordinal);
    }
}
