using System.Reflection;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Web.Tests.Architecture;

/// <summary>Rules of STYLE.md and ARCHITECTURE.md, written as tests.</summary>
public sealed class ArchitectureTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly AppFactory app = shared.Factory;

    private List<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void every_page_and_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = Endpoints();
        endpoints.Count.ShouldBeGreaterThan(10);

        var unmarked = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText);
        unmarked.ShouldBeEmpty();
    }

    [Fact]
    public void tenant_policies_are_used_only_on_tenant_routes()
    {
        string[] tenantPolicies = [Policies.TenantViewer, Policies.TenantEditor, Policies.TenantAdmin];
        var misplaced = Endpoints()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => tenantPolicies.Contains(a.Policy)))
            .Where(e => e.RoutePattern.GetParameter("lgcode") is null)
            .Select(e => e.RoutePattern.RawText);
        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void core_references_no_aspnet_core_beyond_identity()
    {
        var core = typeof(Core.Database.AppDbContext).Assembly;
        var aspnet = core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .Where(n => !n.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal));
        aspnet.ShouldBeEmpty("Core may use ASP.NET Core Identity's stores only (docs/decisions/0002)");
        core.GetTypes().Where(t => t.Namespace?.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal) == true).ShouldBeEmpty();
    }

    [Fact]
    public void only_cross_tenant_cs_ignores_the_tenant_filter()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("IgnoreQueryFilters", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'));
        offenders.ShouldBe(["Core/Tenancy/CrossTenant.cs"]);
    }

    [Fact]
    public void every_page_model_carries_an_authorization_attribute()
    {
        var misplaced = typeof(WebApp).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is null && t.GetCustomAttribute<AuthorizeAttribute>() is null)
            .Select(t => t.FullName);
        misplaced.ShouldBeEmpty("every PageModel carries [Authorize(Policy = …)] or [AllowAnonymous]");
    }

    /// <summary>Issue 17, F7 (ADR 0018): admins add people by invitation; only the operator's account creation and the demo seed add directly.</summary>
    [Fact]
    public void F7_only_the_cli_account_creation_and_the_demo_seed_make_members_without_an_invitation()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var callers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("AddMemberAsync(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        callers.ShouldBe(["Cli/UserCommands.cs", "Core/Identity/UserAccounts.cs", "Core/Tenancy/DemoData.cs"]);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InfraLedger.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("InfraLedger.slnx not found");
    }
}
