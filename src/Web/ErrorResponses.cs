using InfraLedger.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InfraLedger.Web;

/// <summary>The one place where an expected refusal (<see cref="Error"/>) becomes HTTP or a form error.</summary>
public static class ErrorResponses
{
    public const string ItemKey = "infraledger.error";

    /// <summary>ProblemDetails for API paths; for pages, the status with the message kept for the error page.</summary>
    public static async Task WriteAsync(HttpContext context, Error error, int status)
    {
        context.Response.StatusCode = status;
        if (IsApi(context.Request))
        {
            await ToProblem(error, status).ExecuteAsync(context);
            return;
        }

        context.Items[ItemKey] = error;
    }

    public static IResult ToProblem(Error error, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(
            title: error.Message,
            statusCode: status,
            type: "https://infraledger.jp/errors/" + error.Code,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code, ["field"] = error.Field });

    public static void AddTo(ModelStateDictionary modelState, Error error, string? prefix = null) =>
        modelState.AddModelError(error.Field is null ? "" : (prefix is null ? error.Field : $"{prefix}.{error.Field}"), error.Message);

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/open311");
}
