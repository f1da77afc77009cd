using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Enterprise;

/// <summary>The enterprise's own settings: users and roles, the buddy programme, the ZRM criteria.</summary>
public sealed class EnterpriseArea : Area
{
    public const string ManageUsers = "ManageUsers";

    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<Invitations>();

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(ManageUsers, Roles.Coordinator)];

    public override void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Enterprise", ManageUsers);

    public override IEnumerable<MenuEntry> Menu => [new("Gebruikers", "/Enterprise/Users", ManageUsers, 160)];
}
