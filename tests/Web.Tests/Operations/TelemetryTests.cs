using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using InfraLedger.Web.Operations;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace InfraLedger.Web.Tests.Operations;

/// <summary>Issue 23 item 4: request log lines with tenant and request id; OpenTelemetry only with an OTLP endpoint.</summary>
public sealed class TelemetryTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task every_line_of_a_request_carries_its_tenant_and_request_id()
    {
        var scopes = new ScopeCapture();
        await using var host = shared.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(scopes)));
        var client = host.CreateClient();

        (await client.GetAsync("/222127/report")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/open311/v2/services.json?jurisdiction_id=222143")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var requests = scopes.Lines.Where(l => l.Category == RequestLogs.Category).ToList();
        var report = requests.Single(l => l.Message.Contains("GET /{lgcode}/report 200", StringComparison.Ordinal)); // the route (RequestRoute)
        report.Scope["Tenant"].ShouldBe("222127");
        report.Scope["RequestId"].ShouldNotBeNull();
        report.Scope.ShouldNotContainKey("RequestPath"); // the raw path may hold a link's secret (RequestLogs)
        requests.Single(l => l.Message.Contains("/open311/v2/services.{format} 200", StringComparison.Ordinal)).Scope["Tenant"].ShouldBe("222143");
        var health = requests.Single(l => l.Message.Contains("GET /health/live 200", StringComparison.Ordinal));
        health.Scope["Tenant"].ShouldBeNull();
        health.Scope["RequestId"].ShouldNotBe(report.Scope["RequestId"]);
        // Every line the app writes inside the report's request has the same scope (the framework's lines from before
        // routing named the tenant have the request id only).
        scopes.Lines.Where(l => l.Category.StartsWith("InfraLedger", StringComparison.Ordinal) && Equals(l.Scope.GetValueOrDefault("RequestId"), report.Scope["RequestId"]))
            .ShouldAllBe(l => Equals(l.Scope["Tenant"], "222127"));
    }

    [Fact]
    public void without_an_otlp_endpoint_nothing_is_collected()
    {
        shared.Factory.Services.GetService<TracerProvider>().ShouldBeNull();
        shared.Factory.Services.GetService<MeterProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task with_an_otlp_endpoint_traces_and_metrics_are_exported_to_it()
    {
        using var collector = new OtlpCollector();
        await using var host = shared.Factory.WithWebHostBuilder(b => b
            .UseSetting(Telemetry.EndpointSetting, collector.Address)
            .UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .UseSetting("OTEL_BSP_SCHEDULE_DELAY", "100")
            .UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "200"));

        (await host.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var traces = await collector.NextAsync("/v1/traces", "/health/ready");
        traces.ShouldContain(Telemetry.ServiceName);
        var metrics = await collector.NextAsync("/v1/metrics", "http.server.request.duration");
        metrics.ShouldContain(Telemetry.ServiceName);
    }

    /// <summary>A log provider that keeps each line with the values of its scopes.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Category, string Message, Dictionary<string, object?> Scope)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ScopeCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = new Dictionary<string, object?>();
                owner.scopes.ForEachScope((scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            into[key] = value;
                        }
                    }
                }, values);
                owner.Lines.Enqueue((category, formatter(state, exception), values));
            }
        }
    }

    /// <summary>An OTLP/HTTP receiver on a free local port: keeps each export's path and body (protobuf, searched as bytes).</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly ConcurrentQueue<(string Path, string Body)> received = new();
        private readonly SemaphoreSlim arrived = new(0);

        public OtlpCollector()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = $"http://127.0.0.1:{port}";
            listener.Prefixes.Add(Address + "/");
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Address { get; }

        /// <summary>The body of the first export to <paramref name="path"/> containing <paramref name="text"/>.</summary>
        public async Task<string> NextAsync(string path, string text)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var found = received.FirstOrDefault(r => r.Path == path && r.Body.Contains(text, StringComparison.Ordinal));
                if (found.Body is not null)
                {
                    return found.Body;
                }

                await arrived.WaitAsync(timeout.Token);
            }
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
                arrived.Release();
            }
        }

        public void Dispose()
        {
            listener.Close();
            arrived.Dispose();
        }
    }
}
