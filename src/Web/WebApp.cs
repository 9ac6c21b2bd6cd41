using InfraLedger.Core;
using Microsoft.AspNetCore.Identity;
using InfraLedger.Core.Database;
using InfraLedger.Core.Operations;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Jobs;
using InfraLedger.Web.Operations;
using InfraLedger.Web.Pages.Dashboards;
using InfraLedger.Web.Pages.Deterioration;
using InfraLedger.Web.Pages.Indicators;
using InfraLedger.Web.Pages.Inspections;
using InfraLedger.Web.Pages.Maintenance;
using InfraLedger.Web.Pages.OpenData;
using InfraLedger.Web.Pages.Planning;
using InfraLedger.Web.Pages.Projection;
using InfraLedger.Web.Pages.Register;
using InfraLedger.Web.Pages.Register.Facilities;
using InfraLedger.Web.Pages.Register.Import;
using InfraLedger.Web.Pages.Register.Map;
using InfraLedger.Web.Pages.Reports;
using InfraLedger.Web.Pages.Reports.Open311;
using InfraLedger.Web.Pages.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Security;
using InfraLedger.Web.Tenancy;

namespace InfraLedger.Web;

/// <summary>The composition of the web application: services, the request pipeline, endpoints.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            // Started as `infraledger serve` from any directory: static files and settings sit beside the binaries,
            // while the SQLite file stays in the current directory (see DatabaseSettings).
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Services.AddInfraLedgerCore(DatabaseSettings.From(builder.Configuration))
            .AddSignInManager();
        builder.Services.AddInfraLedgerAuth();
        builder.Services.AddSignInAttempts(builder.Configuration);
        builder.Services.AddSecurityHeaders();
        builder.Services.AddRazorPages(o => o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        builder.Services.AddProblemDetails();
        // Japanese text as it is in the HTML, not as &#x…; entities.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddSingleton<JobRegistry>();
        // The heartbeat before the runner: hosted services stop in reverse order, so the heartbeat writes last (ADR 0033).
        builder.Services.AddHostedService<JobHeartbeat>();
        builder.Services.AddHostedService<JobRunner>();
        builder.Services.AddKeysInDatabase();
        builder.Services.AddSingleton(Core.Mail.MailSettings.From(builder.Configuration));
        builder.Services.AddHostedService<Mail.MailSender>();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddSingleton<ProjectionJobs>();
        builder.Services.AddSingleton<PlanJobs>();
        builder.Services.AddSingleton(Core.OpenData.OpenDataLicences.From(builder.Configuration));
        builder.Services.AddSingleton(Core.Maps.DeploymentTiles.From(builder.Configuration));
        builder.Services.AddInfraLedgerHealth();
        builder.AddInfraLedgerTelemetry();
        builder.Services.AddInfraLedgerOpenApi();
        // The public dashboards: the same page for every anonymous reader of the same view, kept for a minute (a
        // publication or a reload of the statistics shows within that minute). Signed-in requests are never cached. The
        // key is the path and the query values the pages read, nothing else (issue 17 F5).
        builder.Services.AddOutputCache(o => o.AddPolicy(DashboardPage.CachePolicy,
            b => b.Expire(TimeSpan.FromSeconds(60)).SetVaryByQuery(DashboardPage.QueryNames)));
        builder.Services.AddReportLimits(builder.Configuration);
        builder.Services.Configure<RouteOptions>(o => o.ConstraintMap["lgcode"] = typeof(LocalGovernmentCodeRouteConstraint));

        var app = builder.Build();
        app.UseMiddleware<RequestLogs>();
        app.UseSecurityHeaders();
        // Pages get the Japanese error page; the API gets ProblemDetails (the one mapping point: ErrorResponses).
        app.UseWhen(c => !ErrorResponses.IsApi(c.Request), b =>
        {
            b.UseExceptionHandler("/error/500");
            b.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseWhen(c => ErrorResponses.IsApi(c.Request), b =>
        {
            b.UseExceptionHandler();
            b.UseStatusCodePages();
        });
        app.UseMiddleware<UnreadableRequests>();
        app.UseStaticFiles();
        app.UseMiddleware<CkanPost>();
        app.UseRouting();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();

        app.MapRazorPages();
        app.MapInfraLedgerHealth();
        app.MapInfraLedgerOpenApi();
        app.MapTenantApi();
        app.MapJobApi();
        app.MapRegisterExports();
        app.MapIndicatorExports();
        app.MapProjectionExports();
        app.MapDeteriorationExports();
        app.MapMaintenanceExports();
        app.MapPlanningExports();
        app.MapInspectionPhotos();
        app.MapRegisterApi();
        app.MapFacilityRecordExport();
        app.MapDashboardApi();
        app.MapOpenDataCatalog();
        app.MapReportFiles();
        app.MapOpen311();
        return app;
    }

    /// <summary>Migrates and seeds (on the SQLite default, or when asked), then serves until stopped.</summary>
    public static async Task RunAsync(string[] args, CancellationToken ct)
    {
        var app = Build(args);
        await PrepareDatabaseAsync(app, ct);
        await app.StartAsync(ct);
        foreach (var url in app.Urls)
        {
            app.Logger.LogInformation("InfraLedger を起動しました: {Url} （サインイン: {Url}/account/login）", url, url);
        }

        await app.WaitForShutdownAsync(ct);
    }

    /// <summary>
    /// Applies migrations and loads the local-government master; loads the demo tenant and its admin too in Development or
    /// when <c>Demo:Seed</c> is true (<see cref="AppSettings.SeedsDemo"/>).
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, CancellationToken ct)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        await Migrator.MigrateAsync(settings, null, ct);
        if (!AppSettings.SeedsDemo(app.Configuration, app.Environment.EnvironmentName))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await MasterLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), DateTime.UtcNow, ct);
            return;
        }

        var outcome = await DemoData.SeedAsync(app.Services, ct);
        if (outcome.AdminPassword is { } password)
        {
            // Printed once on the console of whoever started the app; never logged to files or stored.
            Console.WriteLine();
            Console.WriteLine("デモ管理者を作成しました（パスワードはこの一度だけ表示されます）/ Demo admin created (password shown only once):");
            Console.WriteLine($"  メールアドレス / email: {DemoData.AdminEmail}");
            Console.WriteLine($"  パスワード / password:  {password}");
            Console.WriteLine();
        }
    }
}
