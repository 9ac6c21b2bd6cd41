using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Core.Tests.Identity;

/// <summary>
/// Issue 17, F9: NIST SP 800-63B §5.1.1.2 — a new password is compared with commonly used values, repetitive or
/// sequential characters and context-specific words (the service's name, the user name), and no composition rule applies.
/// </summary>
public sealed class PasswordRulesTests
{
    private static readonly LocalGovernment Yaizu = new()
    {
        Code = "222127", Name = "焼津市", Kana = "やいづし", NameEn = "Yaizu", Kind = LocalGovernmentKind.City, PrefectureCode = "220001",
    };

    private static List<string> Context(string email = "tanaka.taro@city.yaizu.lg.jp") => PasswordRules.ContextWords(email, [Yaizu]);

    // The two passwords the outside probe set successfully (issue 17, F9), then other entries and pairs of the list.
    [Theory]
    [InlineData("passwordpassword", "PasswordCommon")]
    [InlineData("123456789012", "PasswordCommon")]
    [InlineData("qwerty123456", "PasswordCommon")]
    [InlineData("iloveyou1234", "PasswordCommon")]
    [InlineData("PASSWORDPASSWORD", "PasswordCommon")]
    [InlineData("ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ", "PasswordCommon")]
    public void F9_a_common_password_or_two_common_ones_together_is_refused(string password, string code) =>
        PasswordRules.Check(password, Context())!.Code.ShouldBe(code);

    [Theory]
    [InlineData("xkcdxkcdxkcdxkcd", "PasswordRepetitive")]
    [InlineData("ああああああああああああ", "PasswordRepetitive")]
    [InlineData("345678901234", "PasswordSequential")]
    [InlineData("zyxwvutsrqpo", "PasswordSequential")]
    [InlineData("あいうえおかきくけこさし", "PasswordSequential")]
    public void F9_repetitive_and_sequential_characters_are_refused(string password, string code) =>
        PasswordRules.Check(password, Context())!.Code.ShouldBe(code);

    [Theory]
    [InlineData("tanaka.taro@city.yaizu.lg.jp")]
    [InlineData("tanaka.taro2024")]
    [InlineData("焼津市役所2024年度")]
    [InlineData("やいづしのパスワード01")]
    [InlineData("Yaizu-222127-go")]
    [InlineData("infraledger-2025")]
    public void F9_a_password_built_from_the_email_the_tenant_or_the_service_is_refused(string password) =>
        PasswordRules.Check(password, Context())!.Code.ShouldBe("PasswordContext");

    // No composition rule: long passphrases without digits, capitals or symbols pass, Japanese ones too; a context word
    // inside a long enough rest is allowed.
    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("すいかわりは夏の浜辺でやる")]
    [InlineData("moss-lantern-orbit-quiet")]
    [InlineData("yaizu harbour tuna at dawn")]
    public void F9_a_long_uncommon_password_passes_without_digits_or_symbols(string password) =>
        PasswordRules.Check(password, Context()).ShouldBeNull();

    [Fact]
    public void F9_a_password_of_up_to_256_characters_is_allowed_and_a_longer_one_is_refused()
    {
        var words = string.Join(" ", Enumerable.Range(0, 60).Select(i => $"w{i:x}q"));

        PasswordRules.Check(words[..256], Context()).ShouldBeNull();
        PasswordRules.Check(words[..257], Context())!.Description.ShouldBe("パスワードは256文字以内にしてください。");
    }

    [Fact]
    public void F9_generated_passwords_always_pass()
    {
        for (var i = 0; i < 200; i++)
        {
            PasswordRules.Check(IdentityPolicy.GeneratePassword(), Context()).ShouldBeNull();
        }
    }

    [Fact]
    public async Task F9_creating_a_user_applies_the_rules_with_the_tenant_of_the_scope_and_answers_in_japanese()
    {
        await using var database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddInfraLedgerCore(database.Settings);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<InfraLedger.Core.Database.AppDbContext>().Scope.Enter(LocalGovernmentCode.Parse("222127").Value);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var common = await UserAccounts.CreateAsync(users, "a@example.jp", "A", "passwordpassword");
        var tenantName = await UserAccounts.CreateAsync(users, "b@example.jp", "B", "焼津市の台帳係2025");
        var fine = await UserAccounts.CreateAsync(users, "c@example.jp", "C", "moss-lantern-orbit-quiet");

        common.Error!.Message.ShouldContain("よく使われているパスワード");
        tenantName.Error!.Message.ShouldContain("メールアドレス・団体名・サービス名から推測できる");
        fine.IsSuccess.ShouldBeTrue(fine.Error?.Message);
    }
}
