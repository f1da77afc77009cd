using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Partners;

/// <summary>Partners and warm referrals (docs/decisions/0026): the organisations the enterprise works with, their contact
/// persons and werkafspraken, and residents referred to them.</summary>
public sealed class PartnersArea : Area
{
    /// <summary>Organisations and their contacts: volunteers may look up whom to call.</summary>
    public const string PartnersView = "PartnersView";
    public const string PartnersEdit = "PartnersEdit";
    /// <summary>A resident's referrals are part of their file: not for volunteers.</summary>
    public const string Referrals = "Referrals";

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(PartnersView, Roles.Coordinator, Roles.Wijkverbinder, Roles.Volunteer),
        AreaPolicy.ForRoles(PartnersEdit, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(Referrals, Roles.Coordinator, Roles.Wijkverbinder),
    ];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Partners", PartnersView);
        pages.AddFolderApplicationModelConvention("/Partners", m => m.Filters.Add(new AuditNotFoundRecords("Organisation")));
        pages.AuthorizePage("/Partners/Edit", PartnersEdit);
        AddLinkableRoute(pages, "/Partners/Edit", "{enterprise}/partners/nieuw");
        pages.AuthorizePage("/Partners/Referrals", Referrals);
    }

    public override IEnumerable<MenuEntry> Menu => [new("Partners", "/Partners/Index", PartnersView, 125)];
}
