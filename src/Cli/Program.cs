using System.CommandLine;
using InfraLedger.Cli;

// infraledger — InfraLedger のコマンドラインツール / the InfraLedger command-line tool.
var root = new RootCommand("InfraLedger（インフラ台帳）の管理コマンド / InfraLedger administration commands")
{
    DbCommands.Create(),
    TenantCommands.Create(),
    UserCommands.Create(),
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
    ServeCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
