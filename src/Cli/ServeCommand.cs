using System.CommandLine;

namespace InfraLedger.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "待ち受けるURL / URLs to listen on", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var serve = new Command("serve", "Webアプリケーションを起動する（初回はDB作成・デモデータ投入）/ Run the web application (creates and seeds the database on first start)") { urls };
        serve.SetAction(async (parse, ct) =>
        {
            await Web.WebApp.RunAsync(["--urls", parse.GetValue(urls)!], ct);
            return 0;
        });
        return serve;
    }
}
