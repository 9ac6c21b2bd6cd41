using Microsoft.AspNetCore.Routing.Patterns;

namespace InfraLedger.Web.Operations;

/// <summary>
/// What logs and traces name a request by: the route template of the endpoint that served it
/// (<c>/{lgcode}/invitations/{id}/{secret}</c>), never the values in its path, which may be a link's secret or what a
/// resident typed. The tenant is on every line already (<see cref="RequestLogs"/>). A file of wwwroot (served before
/// routing, 200 or 304) keeps its path; any other request without an endpoint is <c>(no route)</c>.
/// </summary>
public static class RequestRoute
{
    public const string NoRoute = "(no route)";

    public static string Of(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint)
        {
            return "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(Segment));
        }

        return context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified
            ? context.Request.Path.Value ?? "/"
            : NoRoute;
    }

    private static string Segment(RoutePatternPathSegment segment) => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
        _ => "",
    }));
}
