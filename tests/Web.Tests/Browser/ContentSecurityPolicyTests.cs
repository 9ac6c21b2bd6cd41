namespace InfraLedger.Web.Tests.Browser;

/// <summary>Issue 17, F8 (ADR 0019): Chromium enforces the policy, and the recorder the other browser tests rely on sees it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task F8_an_injected_inline_handler_and_style_attribute_are_blocked_and_recorded()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/dashboard");
        (await session.CspViolationsAsync()).ShouldBeEmpty();

        // What an injection through markup would try: an event handler and a style attribute.
        var ran = await session.Page.EvaluateAsync<bool>("""
            async () => {
                window.__ran = false;
                const box = document.createElement('div');
                box.innerHTML = '<img src="/no-such-image.png" onerror="window.__ran = true"><span id="styled" style="color: rgb(255, 0, 0)">x</span>';
                document.body.append(box);
                await new Promise(r => setTimeout(r, 500));
                return window.__ran;
            }
            """);

        ran.ShouldBeFalse("the inline handler ran");
        (await session.Page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('styled')).color")).ShouldNotBe("rgb(255, 0, 0)");
        var blocked = await session.CspViolationsAsync();
        blocked.ShouldContain(v => v.StartsWith("script-src-attr", StringComparison.Ordinal));
        blocked.ShouldContain(v => v.StartsWith("style-src-attr", StringComparison.Ordinal));
    }
}
