using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Volunteers;

public sealed class VolunteersArea : Area
{
    /// <summary>Shifts and hours: a volunteer for themself (checked on the page), a coordinator for anyone.</summary>
    public const string Volunteering = "Volunteering";
    /// <summary>Volunteers, their roles and VOGs, contributions and the vrager → drager register.</summary>
    public const string VolunteerCoordination = "VolunteerCoordination";

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(Volunteering, Roles.Coordinator, Roles.Volunteer),
        AreaPolicy.ForRoles(VolunteerCoordination, Roles.Coordinator),
    ];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        // Shifts and hours are open to volunteers (their own, checked on the page); the rest is the coordinator's.
        pages.AuthorizeFolder("/Volunteers", Volunteering);
        foreach (var page in new[] { "Index", "Edit", "Roles", "Vog", "Overview", "Contributions", "Register" })
        {
            pages.AuthorizePage("/Volunteers/" + page, VolunteerCoordination);
        }
        pages.AddFolderApplicationModelConvention("/Volunteers", m => m.Filters.Add(new AuditNotFoundRecords("Volunteer")));
    }

    // A coordinator reaches shifts and hours through the volunteers' pages.
    public override IEnumerable<MenuEntry> Menu =>
    [
        new("Vrijwilligers", "/Volunteers/Index", VolunteerCoordination, 50),
        new("Diensten", "/Volunteers/Shifts", Volunteering, 51, Unless: VolunteerCoordination),
        new("Mijn uren", "/Volunteers/Hours", Volunteering, 52, Unless: VolunteerCoordination),
    ];
}
