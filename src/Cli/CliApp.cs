using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace InfraLedger.Cli;

/// <summary>
/// The <c>infraledger</c> command line. The process (Program.cs) runs it on the real console, the environment variables
/// and the current directory; another process (the tests) can run it in-process, each invocation with its own
/// <see cref="CliInvocation"/>, several at a time.
/// </summary>
public static class CliApp
{
    /// <summary>Runs one command line as the process does.</summary>
    public static Task<int> RunAsync(string[] args) => Root(Environment.CurrentDirectory).Parse(args).InvokeAsync();

    /// <summary>
    /// Runs one command line inside this process: what the commands write to <see cref="Console.Out"/> and
    /// <see cref="Console.Error"/> goes to the invocation's writers, configuration comes from
    /// <see cref="CliInvocation.Configuration"/> instead of the environment, and relative paths (file arguments, the
    /// default SQLite file) are relative to <see cref="CliInvocation.WorkingDirectory"/>. <c>serve</c> is the exception:
    /// the web host reads its own configuration, so run it as a process.
    /// </summary>
    public static Task<int> RunAsync(string[] args, CliInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        CliConsole.Install();
        // Task.Run: no caller's synchronization context (a console app has none), and the invocation flows only into
        // this call and the work it starts.
        return Task.Run(async () =>
        {
            CliInvocation.Current = invocation;
            var parse = Root(invocation.WorkingDirectory).Parse(args);
            // No signal handlers: Ctrl+C and SIGTERM belong to the hosting process, not to one of its invocations.
            var configuration = new InvocationConfiguration { Output = invocation.Out, Error = invocation.Error, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(configuration, ct);
        }, ct);
    }

    /// <summary>
    /// The command tree. A named command rather than a <see cref="RootCommand"/>, whose name is the running executable's:
    /// help says 「infraledger」 whether the tree runs in its own process or inside another (a test host).
    /// </summary>
    private static Command Root(string workingDirectory)
    {
        var root = new Command("infraledger", "InfraLedger（インフラ台帳）の管理コマンド / InfraLedger administration commands")
        {
            new HelpOption(),
            new VersionOption(),
            DbCommands.Create(),
            TenantCommands.Create(),
            UserCommands.Create(),
            MailCommands.Create(),
            TokenCommands.Create(),
            AuditCommands.Create(),
            ImportCommand.Create(),
            IndicatorCommands.Indicators(),
            IndicatorCommands.Statistics(),
            IndicatorCommands.Population(),
            ProjectionCommands.Project(),
            ScenarioCommands.Create(),
            InvestmentCommands.Create(),
            OpenDataCommands.Create(),
            DeteriorationCommands.Inspections(),
            DeteriorationCommands.Deterioration(),
            MaintenanceCommands.Lcc(),
            PlanCommands.Create(),
            ServeCommand.Create(),
        };
        ResolvePathsAgainst(root, workingDirectory);
        return root;
    }

    /// <summary>File and directory arguments and options of every command, relative to the working directory.</summary>
    private static void ResolvePathsAgainst(Command command, string directory)
    {
        foreach (var symbol in command.Arguments.Cast<Symbol>().Concat(command.Options))
        {
            switch (symbol)
            {
                case Argument<FileInfo> a: a.CustomParser = r => new FileInfo(Path.Combine(directory, Token(r))); break;
                case Argument<DirectoryInfo> a: a.CustomParser = r => new DirectoryInfo(Path.Combine(directory, Token(r))); break;
                case Option<FileInfo> o: o.CustomParser = r => new FileInfo(Path.Combine(directory, Token(r))); break;
                case Option<DirectoryInfo> o: o.CustomParser = r => new DirectoryInfo(Path.Combine(directory, Token(r))); break;
            }
        }

        foreach (var sub in command.Subcommands)
        {
            ResolvePathsAgainst(sub, directory);
        }
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
}
