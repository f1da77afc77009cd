using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Stories;

/// <summary>Most Significant Change stories (docs/decisions/0032): stories of change with a domain and consent, written on their
/// own or taken over from the logbook, and per period the group's choice of the most significant story per domain, with why.
/// Volunteers tell stories in the logbook of the sessions they host (the logbook's rules); this list holds the stories of all
/// sessions, so it is for the workers.</summary>
public sealed class StoriesArea : Area
{
    /// <summary>Read and write stories: the workers.</summary>
    public const string Stories = "Stories";
    /// <summary>Choose the most significant story per domain for a period (with the group): the coordinator.</summary>
    public const string StoriesSelect = "StoriesSelect";

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(Stories, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(StoriesSelect, Roles.Coordinator),
    ];

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StorySelections>();
        builder.Services.AddScoped<DemoStories>();
    }

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Stories", Stories);
        pages.AddFolderApplicationModelConvention("/Stories", m => m.Filters.Add(new AuditNotFoundRecords(nameof(ChangeStory))));
        AddLinkableRoute(pages, "/Stories/Edit", "{enterprise}/verhalen/nieuw");
        pages.AuthorizePage("/Stories/Select", StoriesSelect);
    }

    public override IEnumerable<MenuEntry> Menu => [new("Verhalen", "/Stories/Index", Stories, 156)];
}
