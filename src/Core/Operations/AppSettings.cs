using Microsoft.Extensions.Configuration;

namespace InfraLedger.Core.Operations;

/// <summary>
/// The settings of both hosts, read alike (issue 23 item 4): <c>appsettings.json</c>, then
/// <c>appsettings.{environment}.json</c> beside the binaries (and the <c>InfraLedger.Web.settings[.{environment}].json</c>
/// that .NET 10's host also reads), then the environment variables (<c>Jobs__Workers</c> is <c>Jobs:Workers</c>), each
/// overriding the one before. The web host gets these sources from
/// <c>WebApplication.CreateBuilder</c> (plus its command line); the CLI builds them here. The environment is named by
/// <c>ASPNETCORE_ENVIRONMENT</c>, else <c>DOTNET_ENVIRONMENT</c>, else Production, as the web host names it.
/// </summary>
public static class AppSettings
{
    public const string Development = "Development";
    public const string Production = "Production";

    /// <summary>The web application's name (its assembly), which names the host's second pair of settings files.</summary>
    public const string ApplicationName = "InfraLedger.Web";

    /// <summary>The environment named by the variables, as the web host resolves it.</summary>
    public static string EnvironmentName(IConfiguration variables) =>
        NonEmpty(variables["ASPNETCORE_ENVIRONMENT"]) ?? NonEmpty(variables["DOTNET_ENVIRONMENT"]) ?? Production;

    /// <summary>The settings files of <paramref name="directory"/> for the environment, overridden by <paramref name="variables"/>.</summary>
    public static IConfigurationRoot Build(string directory, IConfiguration variables)
    {
        var environment = EnvironmentName(variables);
        var builder = new ConfigurationBuilder();
        foreach (var file in new[] { "appsettings.json", $"appsettings.{environment}.json", $"{ApplicationName}.settings.json", $"{ApplicationName}.settings.{environment}.json" })
        {
            builder.AddJsonFile(Path.Combine(directory, file), optional: true, reloadOnChange: false);
        }

        return builder.AddConfiguration(variables).Build();
    }

    /// <summary>
    /// Whether the host loads the demo tenant (焼津市) and its admin on start: <c>Demo:Seed</c> when set, otherwise only in
    /// Development. A production deployment never gets a demo admin by forgetting a setting.
    /// </summary>
    public static bool SeedsDemo(IConfiguration configuration, string environmentName) =>
        configuration.GetValue<bool?>("Demo:Seed") ?? string.Equals(environmentName, Development, StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
