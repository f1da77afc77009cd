using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Intakes;

public sealed class IntakesArea : Area
{
    /// <summary>Intakes and triage (which intakes: the access filter decides).</summary>
    public const string Intakes = "Intakes";

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(Intakes, Roles.Wijkverbinder, Roles.Caseworker)];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Intakes", Intakes);
        pages.AddFolderApplicationModelConvention("/Intakes", m => m.Filters.Add(new AuditNotFoundRecords("Intake")));
    }

    public override IEnumerable<MenuEntry> Menu => [new("Intakes", "/Intakes/Index", Intakes, 80)];
}
