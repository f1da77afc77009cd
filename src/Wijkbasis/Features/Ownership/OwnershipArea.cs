using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Ownership;

/// <summary>The trap van eigenaarschap (docs/decisions/0032): rounds in which the partners of the proeftuin score the 20
/// ingrediënten on the five rungs; the spread, the change between rounds and where the partners disagree most.</summary>
public sealed class OwnershipArea : Area
{
    /// <summary>Read the rounds and their figures: the workers.</summary>
    public const string OwnershipView = "OwnershipView";
    /// <summary>Add rounds and enter the partners' scores: the coordinator.</summary>
    public const string OwnershipEdit = "OwnershipEdit";

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(OwnershipView, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(OwnershipEdit, Roles.Coordinator),
    ];

    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<DemoOwnership>();

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Ownership", OwnershipView);
        pages.AddFolderApplicationModelConvention("/Ownership", m => m.Filters.Add(new AuditNotFoundRecords(nameof(OwnershipRound))));
        pages.AuthorizePage("/Ownership/Scoring", OwnershipEdit);
    }

    public override IEnumerable<MenuEntry> Menu => [new("Eigenaarschap", "/Ownership/Index", OwnershipView, 157)];
}
