using System.CommandLine;
using InfraLedger.Core.Common;
using InfraLedger.Core.Register.Export;

namespace InfraLedger.Cli;

/// <summary>Tables on stdout: as text (title, tab-separated rows, note) or as CSV, the same for every command that prints them.</summary>
internal static class TableOutput
{
    public static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "text|csv", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv");
        return format;
    }

    public static async Task WriteAsync(IEnumerable<Table> tables, string format, CancellationToken ct)
    {
        await using var stdout = CliConsole.OpenStandardOutput();
        foreach (var x in tables)
        {
            if (format == "csv")
            {
                await CsvExport.WriteAsync(x.Rows.ToAsyncEnumerable(), x.Columns, stdout, bom: false, ct);
                continue;
            }

            Console.WriteLine($"■ {x.Title}");
            Console.WriteLine(string.Join('\t', x.Headers));
            foreach (var row in x.Rows)
            {
                Console.WriteLine(string.Join('\t', row.Select(c => c.Display)));
            }

            if (x.Note is not null)
            {
                Console.WriteLine($"  ※ {x.Note}");
            }

            Console.WriteLine();
        }
    }
}
