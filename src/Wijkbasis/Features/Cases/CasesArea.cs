using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Cases;

public sealed class CasesArea : Area
{
    /// <summary>Cases and the contact log (which cases: the access filter decides).</summary>
    public const string Cases = "Cases";
    /// <summary>Who sees "Mijn bewoners" in the menu: a buddy's own residents.</summary>
    public const string OwnResidents = "OwnResidents";
    /// <summary>Who sees the list of cases in the menu: those who run the programme.</summary>
    public const string CaseList = "CaseList";

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(Cases, Roles.Buddy, Roles.Wijkverbinder, Roles.Caseworker),
        AreaPolicy.ForRoles(OwnResidents, Roles.Buddy),
        AreaPolicy.ForRoles(CaseList, Roles.Wijkverbinder, Roles.Caseworker),
    ];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Cases", Cases);
        pages.AddFolderApplicationModelConvention("/Cases", m => m.Filters.Add(new AuditNotFoundRecords("Case")));
    }

    public override IEnumerable<MenuEntry> Menu =>
    [
        new("Mijn bewoners", "/Cases/Mine", OwnResidents, 70),
        new("Casussen", "/Cases/Index", CaseList, 90),
    ];
}
