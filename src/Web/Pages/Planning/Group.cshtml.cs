using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>
/// A wide-area group's plan as the caller may see it (Core's <see cref="GroupPlanViews"/> filters it): the group's
/// admin body's editors see and run the whole; any other member its share; a body outside the group gets 404.
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class GroupModel(AppDbContext db, IAuthorizationService authorization, PlanJobs runs) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public WideAreaGroup Group { get; private set; } = null!;

    public GroupPlanView? Plan { get; private set; }

    /// <summary>Why there is no plan to show (none run yet), or null.</summary>
    public Error? Missing { get; private set; }

    public bool CanRun { get; private set; }

    [BindProperty]
    public GroupForm Input { get; set; } = new();

    public double TimeLimit => runs.PageTimeLimit;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound)
        {
            return notFound;
        }

        Input.FirstYear ??= NewModel.DefaultFirstYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound)
        {
            return notFound;
        }

        if (!CanRun)
        {
            return Forbid();
        }

        var inputs = Input.Read(NewModel.DefaultFirstYear, out var errors);
        if (!inputs.IsSuccess)
        {
            errors.ForEach(e => ErrorResponses.AddTo(ModelState, e, "Input"));
            return Page();
        }

        var i = inputs.Value;
        var run = await GroupPlans.RunAsync(db, await CallerAsync(), id, i.Options, i.Mode, i.Budgets, i.Method, new ExactOptions(TimeLimit), DateTime.UtcNow, ct);
        if (!run.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, run.Error! with { Field = GroupForm.FieldOf(run.Error!) is { Length: > 0 } f ? f : null }, "Input");
            return Page();
        }

        return Redirect(PlanningLinks.Group(Tenant.Code, id));
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        if ((await Projections.GroupsAsync(db, ct)).FirstOrDefault(g => g.Id == id) is not { } group)
        {
            return NotFound();
        }

        Group = group;
        var caller = await CallerAsync();
        CanRun = GroupPlanViews.SeesWhole(group.Members.Where(m => m.IsAdmin).Select(m => m.MemberCode).Order(StringComparer.Ordinal).FirstOrDefault(), caller);
        var current = await GroupPlans.CurrentAsync(db, caller, id, ct);
        if (!current.IsSuccess && current.Error!.Code == "planning.group_not_found")
        {
            return NotFound();
        }

        Plan = current.IsSuccess ? current.Value : null;
        Missing = current.Error;
        return null;
    }

    private Task<GroupCaller> CallerAsync() => Caller(HttpContext, authorization);

    /// <summary>The body signed in to and the user's role there, as Core's group views are filtered by.</summary>
    public static async Task<GroupCaller> Caller(HttpContext http, IAuthorizationService authorization)
    {
        var role = (await authorization.AuthorizeAsync(http.User, Policies.TenantAdmin)).Succeeded ? TenantRole.Admin
            : (await authorization.AuthorizeAsync(http.User, Policies.TenantEditor)).Succeeded ? TenantRole.Editor
            : TenantRole.Viewer;
        return new GroupCaller(http.Tenant().Code, role);
    }

    public string ExportUrl(string table) => $"{PlanningLinks.Group(Tenant.Code, Group.Id)}/export?table={table}";
}
