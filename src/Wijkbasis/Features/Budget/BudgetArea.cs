using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Budget;

public sealed class BudgetArea : Area
{
    /// <summary>The pooled budget's overview, contributions and approvals.</summary>
    public const string Budget = "Budget";

    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<PotBookings>();

    public override IEnumerable<AreaPolicy> Policies =>
        [AreaPolicy.ForRoles(Budget, Roles.Coordinator, Roles.BudgetApprover, Roles.Wijkverbinder, Roles.Caseworker)];

    public override void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Budget", Budget);

    public override IEnumerable<MenuEntry> Menu => [new("Buurtpot", "/Budget/Index", Budget, 130)];
}
