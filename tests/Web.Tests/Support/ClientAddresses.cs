using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Web.Tests.Support;

/// <summary>
/// The test server sees every request come from nowhere (no remote address). For limits per client address, a test says
/// which client sends a request with the <see cref="Header"/> header, which this host turns into the connection's address
/// before anything else of the pipeline runs.
/// </summary>
public sealed class ClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    /// <summary>The app with this filter; its database and settings are the app's.</summary>
    public static WebApplicationFactory<Program> On(AppFactory app) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddresses>()));

    /// <summary>A client of <paramref name="factory"/> whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient Client(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return following(context);
        });
        next(app);
    };
}
