using InfraLedger.Web.Pages.Reports.Open311;

namespace InfraLedger.Web;

/// <summary>
/// Requests the server cannot read — a body over its size limit (Kestrel's <c>[RequestSizeLimit]</c>), a form over the value
/// limits of <c>FormOptions</c> (a url-encoded value over 4 MB, too many fields), a malformed multipart body — are answered
/// 413 or 400 with a Japanese reason in the form the path speaks (the error page, ProblemDetails or Open311's
/// <c>errors</c>), never 500. Exceptions that are not about reading the request pass through to the exception handler.
/// </summary>
public sealed class UnreadableRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (StatusOf(e) is { } status && !context.Response.HasStarted)
        {
            var error = status == StatusCodes.Status413PayloadTooLarge ? WebErrors.RequestTooLarge : WebErrors.RequestUnreadable;
            context.Response.Clear();
            if (Open311Endpoints.IsOpen311(context.Request))
            {
                await Open311Endpoints.WriteFailureAsync(context, status, error.Message, context.RequestAborted);
                return;
            }

            // Pages: the status alone, so that the status-code pages show the error page with this message.
            await ErrorResponses.WriteAsync(context, error, status);
        }
    }

    /// <summary>413 or 400 for an exception thrown while reading the request; null for anything else (a bug: 500).</summary>
    internal static int? StatusOf(Exception e) => e switch
    {
        // Kestrel: 413 over MaxRequestBodySize, 400 for a malformed request, 408 for a body that does not arrive.
        BadHttpRequestException bad => bad.StatusCode,
        // FormFeature, FormPipeReader and MultipartReader: "Form value length limit 4194304 exceeded", "Multipart body
        // length limit … exceeded", "Form value count limit 1024 exceeded" (too large) or a broken boundary (unreadable).
        InvalidDataException data when data.Source?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true =>
            data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
        Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderException { InnerException: { } inner } => StatusOf(inner),
        _ => null,
    };
}
