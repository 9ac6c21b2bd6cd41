using InfraLedger.Core.Database;
using InfraLedger.Core.Mail;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Mail;

/// <summary>
/// The tenant admin's view of the outbox: whether mail leaves at all (an SMTP server is set) and the tenant's own mails
/// with their state — never a body, so never a link (docs/decisions/0027). Platform mails (password resets) are not here.
/// </summary>
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class IndexModel(AppDbContext db, MailSettings settings) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public bool Configured => settings.Configured;

    public MailOutbox.Summary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Summary = await MailOutbox.SummaryAsync(db, Tenant.Code, 100, ct);
    }

    public static string KindLabel(string kind) => kind switch
    {
        MailKinds.Invitation => "招待",
        MailKinds.PasswordReset => "パスワード再設定",
        MailKinds.Test => "試験送信",
        "report_status" => "通報の状況",
        _ => kind,
    };

    public static string StateLabel(MailState state) => state switch
    {
        MailState.Queued => "送信待ち",
        MailState.Sent => "送信済み",
        _ => "送信失敗",
    };
}
