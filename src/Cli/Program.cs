namespace InfraLedger.Cli;

/// <summary>infraledger — InfraLedger のコマンドラインツール / the InfraLedger command-line tool.</summary>
internal static class Program
{
    // Not top-level statements: those make a public global Program, which the tests would see beside the web app's.
    private static Task<int> Main(string[] args) => CliApp.RunAsync(args);
}
