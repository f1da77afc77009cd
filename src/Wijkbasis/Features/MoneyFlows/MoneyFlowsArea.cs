using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.MoneyFlows;

public sealed class MoneyFlowsArea : Area
{
    /// <summary>The enterprise's income and spending (coordinator and budget approver; never a volunteer).</summary>
    public const string MoneyFlows = "MoneyFlows";

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(MoneyFlows, Roles.Coordinator, Roles.BudgetApprover)];

    public override void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/MoneyFlows", MoneyFlows);

    public override IEnumerable<MenuEntry> Menu => [new("Geldstromen", "/MoneyFlows/Index", MoneyFlows, 140)];
}
