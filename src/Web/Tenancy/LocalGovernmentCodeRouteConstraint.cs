namespace InfraLedger.Web.Tenancy;

/// <summary>
/// Lets a URL segment that looks like a 団体コード (5 to 7 digits, half- or full-width) reach the tenant
/// resolver, which then says exactly what is wrong with it; any other segment is simply not a tenant route.
/// </summary>
public sealed class LocalGovernmentCodeRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string s && s.Length is >= 5 and <= 7
        && s.All(c => char.IsAsciiDigit(c) || c is >= '０' and <= '９');
}
