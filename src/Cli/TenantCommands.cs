using System.CommandLine;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Cli;

internal static class TenantCommands
{
    public static Command Create()
    {
        var code = new Option<string?>("--code") { Description = "この団体コードの団体だけを表示 / Show only the body with this code" };
        var query = new Option<string?>("--query") { Description = "名称・よみ・コードで絞り込む / Filter by name, reading or code" };
        var list = new Command("list", "テナント（地方公共団体）を1行に1団体で表示する / List tenants, one body per line") { code, query };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var codeText = parse.GetValue(code);
            List<LocalGovernment> bodies;
            if (codeText is not null)
            {
                var found = await Tenants.FindAsync(db, codeText, ct);
                if (!found.IsSuccess)
                {
                    return CliHost.Fail(found.Error!);
                }

                bodies = [found.Value];
            }
            else
            {
                bodies = await Tenants.Search(db, parse.GetValue(query)).ToListAsync(ct);
            }

            var prefectures = await db.LocalGovernments.AsNoTracking().Where(b => b.Kind == LocalGovernmentKind.Prefecture)
                .ToDictionaryAsync(b => b.Code, b => b.Name, ct);
            foreach (var b in bodies)
            {
                Console.WriteLine($"{b.Code}\t{prefectures.GetValueOrDefault(b.PrefectureCode)}\t{b.Name}\t{LocalGovernment.KindLabel(b.Kind)}");
            }

            return 0;
        });

        return new Command("tenants", "テナント（地方公共団体）/ Tenants (local governments)") { list };
    }
}
