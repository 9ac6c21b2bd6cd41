using InfraLedger.Core.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages;

/// <summary>
/// The error page for every status the application answers with, re-executed by the status-code pages and exception
/// middleware. The status is the one the application produced (the re-execution feature says which), never the number
/// in the URL (issue 17, F10): requested directly, <c>/error/…</c> is a page that does not exist (404).
/// </summary>
[AllowAnonymous]
// After the global antiforgery filter (Order 1000) so that this one is the effective policy: a POST re-executed here
// (405, 413 …) keeps its status instead of failing the token check with an empty 400.
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var code = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null
            ? StatusCodes.Status500InternalServerError
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        (Title, Message) = code switch
        {
            400 => ("入力が正しくありません", "リクエストの内容に誤りがあります。"),
            401 => ("サインインが必要です", "このページを見るにはサインインしてください。"),
            403 => ("権限がありません", "この操作を行う権限がありません。団体の管理者に依頼してください。"),
            404 => ("ページが見つかりません", "お探しのページは存在しないか、閲覧する権限がありません。"),
            405 => ("この方法では使えません", "このページはこの方法（HTTPメソッド）では使えません。"),
            413 => ("送信が大きすぎます", "送信できる大きさを超えています。写真は1枚5 MB・3枚までです。"),
            415 => ("この形式は受け付けられません", "送信されたデータの形式には対応していません。"),
            429 => ("送信が多すぎます", "短い時間に多くの送信がありました。しばらく待ってからもう一度送ってください。"),
            _ => ("エラーが発生しました", "しばらくしてからもう一度お試しください。"),
        };
        if (HttpContext.Items[ErrorResponses.ItemKey] is Error error)
        {
            Message = error.Message;
        }
    }
}
