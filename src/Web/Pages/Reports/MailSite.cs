namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// The site's address for the links in reporters' mails: the mail settings' <c>Mail:SiteUrl</c> (never a request's Host
/// header, which the caller chooses). Null when it is not set: no reporter's mail is queued without a link that works.
/// </summary>
public static class MailSite
{
    public static string? Url(IConfiguration configuration) =>
        configuration["Mail:SiteUrl"] is { Length: > 0 } site ? site.Trim().TrimEnd('/') : null;
}
