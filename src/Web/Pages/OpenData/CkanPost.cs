using System.Text;
using System.Text.Json;
using InfraLedger.Core.OpenData;
using Microsoft.AspNetCore.Http.Extensions;

namespace InfraLedger.Web.Pages.OpenData;

/// <summary>
/// CKAN's read actions by POST, as the ckanapi client calls every action (a JSON object in the body, or a form): the
/// body's fields become the query of the same action's GET, before routing, so one handler answers both. A JSON value
/// that is a list gives the field once per element (<c>fq_list</c>), <c>true</c>/<c>false</c> and numbers their text.
/// Writes and unknown actions are refused as before; a body that is not a JSON object is a 400 in CKAN's envelope.
/// </summary>
public sealed class CkanPost(RequestDelegate next)
{
    private const string Prefix = "/api/3/action/";
    private const int MaxBodyBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "";
        if (!HttpMethods.IsPost(request.Method) || !path.StartsWith(Prefix, StringComparison.Ordinal) || !CkanEndpoints.ReadActions.Contains(path[Prefix.Length..]))
        {
            await next(http);
            return;
        }

        var action = path[Prefix.Length..];
        var fields = new List<KeyValuePair<string, string>>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(http.RequestAborted);
            fields.AddRange(form.SelectMany(f => f.Value.OfType<string>().Select(v => new KeyValuePair<string, string>(f.Key, v))));
        }
        else if (await ReadBodyAsync(request, http.RequestAborted) is { } body)
        {
            if (!TryFields(body, fields))
            {
                await CkanEndpoints.Fail(http, action, StatusCodes.Status400BadRequest, "Bad Request Error", Errors.BodyNotAnObject).ExecuteAsync(http);
                return;
            }
        }
        else
        {
            await CkanEndpoints.Fail(http, action, StatusCodes.Status413PayloadTooLarge, "Bad Request Error", Errors.BodyTooLarge(MaxBodyBytes)).ExecuteAsync(http);
            return;
        }

        var query = new QueryBuilder(fields);
        foreach (var (key, values) in request.Query)
        {
            foreach (var value in values.OfType<string>())
            {
                query.Add(key, value);
            }
        }

        request.Method = HttpMethods.Get;
        request.QueryString = query.ToQueryString();
        request.Body = Stream.Null;
        request.ContentLength = 0;
        request.ContentType = null;
        await next(http);
    }

    /// <summary>The body as text (empty: no fields), or null when it is over the limit.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool TryFields(string body, List<KeyValuePair<string, string>> fields)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return true;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                var values = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [property.Value];
                fields.AddRange(values.Where(v => v.ValueKind != JsonValueKind.Null).Select(v => new KeyValuePair<string, string>(property.Name, Text(v))));
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
