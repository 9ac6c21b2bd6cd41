using InfraLedger.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InfraLedger.Web;

/// <summary>
/// The one place where an expected refusal (<see cref="Error"/>) becomes HTTP or a form error: its
/// <see cref="ErrorKind"/> chooses the status, its code and field go into the ProblemDetails, its message into ModelState.
/// </summary>
public static class ErrorResponses
{
    public const string ItemKey = "infraledger.error";

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// ProblemDetails for API paths; for pages, the status with the message kept for the error page. The status is the
    /// kind's unless the server already knows a more precise one (Kestrel's 408 for a body that did not arrive).
    /// </summary>
    public static async Task WriteAsync(HttpContext context, Error error, int? status = null)
    {
        context.Response.StatusCode = status ?? StatusOf(error.Kind);
        if (IsApi(context.Request))
        {
            await Problem(error, context.Response.StatusCode).ExecuteAsync(context);
            return;
        }

        context.Items[ItemKey] = error;
    }

    public static IResult ToProblem(Error error) => Problem(error, StatusOf(error.Kind));

    private static IResult Problem(Error error, int status) =>
        Results.Problem(
            title: error.Message,
            statusCode: status,
            type: "https://infraledger.jp/errors/" + error.Code,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code, ["field"] = error.Field });

    /// <summary>The error on the form: under its field (with the input's prefix, e.g. <c>Input</c>), or for the whole form.</summary>
    public static void AddTo(ModelStateDictionary modelState, Error error, string? prefix = null) =>
        modelState.AddModelError(error.Field is null ? "" : (prefix is null ? error.Field : $"{prefix}.{error.Field}"), error.Message);

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/open311");
}
