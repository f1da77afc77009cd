using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Outreach;

public sealed class OutreachArea : Area
{
    /// <summary>Outreach rounds, visits and signals.</summary>
    public const string Outreach = "Outreach";

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(Outreach, Roles.Coordinator, Roles.Wijkverbinder, Roles.Caseworker)];

    public override void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Outreach", Outreach);

    public override IEnumerable<MenuEntry> Menu => [new("Outreach", "/Outreach/Index", Outreach, 120)];
}
