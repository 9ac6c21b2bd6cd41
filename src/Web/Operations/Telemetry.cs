using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace InfraLedger.Web.Operations;

/// <summary>
/// Logs, traces and metrics. The console log's format is a setting (<c>Logging:Console:FormatterName</c>: <c>json</c> in
/// appsettings.json, <c>simple</c> in appsettings.Development.json), its JSON keeps Japanese text readable. OpenTelemetry
/// traces (ASP.NET Core, HttpClient, Npgsql) and metrics (ASP.NET Core, Kestrel, HttpClient, Npgsql, EF Core) are exported
/// by OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the exporter reads the other standard <c>OTEL_*</c>
/// settings itself (protocol, headers, service name). Unset, nothing is collected and nothing leaves the host.
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "infraledger";

    public static void AddInfraLedgerTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
            o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
        {
            return;
        }

        var version = typeof(Telemetry).Assembly.GetName().Version?.ToString();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName, serviceVersion: version))
            .WithTracing(t => t
                // The path's values stay out of traces as out of logs (a link's secret): the span names its route.
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = (activity, response) =>
                    activity.SetTag("url.path", RequestRoute.Of(response.HttpContext)))
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql")
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql", "Microsoft.EntityFrameworkCore")
                .AddOtlpExporter());
    }
}
