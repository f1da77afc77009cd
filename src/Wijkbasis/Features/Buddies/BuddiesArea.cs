using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Buddies;

public sealed class BuddiesArea : Area
{
    /// <summary>The buddy pool: who can be asked to hold on to a resident. Special-category data, seen only by those who
    /// help (the access filters in WijkbasisDb narrow intakes and cases further).</summary>
    public const string BuddyPool = "BuddyPool";

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(BuddyPool, Roles.Coordinator, Roles.Wijkverbinder, Roles.Caseworker)];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Buddies", BuddyPool);
        pages.AddFolderApplicationModelConvention("/Buddies", m => m.Filters.Add(new AuditNotFoundRecords("Buddy")));
        // One page adds and edits a buddy.
        AddLinkableRoute(pages, "/Buddies/Edit", "/{enterprise}/buddies/nieuw");
    }

    public override IEnumerable<MenuEntry> Menu => [new("Buddies", "/Buddies/Index", BuddyPool, 110)];
}
