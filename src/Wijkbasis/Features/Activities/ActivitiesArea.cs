using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Activities;

public sealed class ActivitiesArea : Area
{
    /// <summary>Plan activities, locations, move or cancel sessions.</summary>
    public const string ActivityEdit = "ActivityEdit";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SessionPlanner>();
        if (builder.Configuration.GetValue("Activities:PlanInBackground", true))
        {
            builder.Services.AddHostedService<SessionPlanning>();
        }
    }

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(ActivityEdit, Roles.Coordinator, Roles.Wijkverbinder)];

    public override void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Activities", ActivityEdit);

    public override IEnumerable<MenuEntry> Menu => [new("Activiteiten", "/Activities/Index", ActivityEdit, 60)];
}
