// The web host. `infraledger serve` (src/Cli) runs the same application.
await InfraLedger.Web.WebApp.RunAsync(args, CancellationToken.None);

/// <summary>Entry point, named for WebApplicationFactory in the tests.</summary>
public partial class Program;
