using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Wijkbasis.Features;

/// <summary>What one area (a folder under Features/) brings to the app: its services, its policies with the roles that
/// hold them, its page conventions (who may open which page, audit filters, extra routes) and its entries in the menu.
/// The central files (<see cref="Pages"/>, AuthSetup, the layout) loop over <see cref="Areas.All"/>; nothing about an area
/// is typed twice. Adding an area: a folder with its pages and one <c>XArea.cs</c>, plus one line in <see cref="Areas"/>
/// (docs/decisions/0013).</summary>
public abstract class Area
{
    /// <summary>Services the area's pages and background work use.</summary>
    public virtual void AddServices(WebApplicationBuilder builder)
    {
    }

    /// <summary>The area's policies. A page without one is refused by the fallback policy, and a test fails on it.</summary>
    public virtual IEnumerable<AreaPolicy> Policies => [];

    /// <summary>Authorization, filters and extra routes of the area's pages.</summary>
    public abstract void ConfigurePages(PageConventionCollection pages);

    /// <summary>Endpoints of the area that are not Razor Pages (a minimal-API fast path); each declares its policy, or a
    /// test fails on it.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>The area's entries in the main menu; each is shown to whoever its policy lets in.</summary>
    public virtual IEnumerable<MenuEntry> Menu => [];

    /// <summary>A second route for a page ("/{enterprise}/buddies/nieuw" for the page that also edits), which links can
    /// reach: <c>asp-page="/Buddies/Edit"</c> without an id goes here. (The framework's AddPageRoute hides a second route
    /// from link generation.)</summary>
    protected static void AddLinkableRoute(PageConventionCollection pages, string page, string template) =>
        pages.AddPageRouteModelConvention(page, model => model.Selectors.Add(new SelectorModel
        {
            // After the page's own route, so a link with an id still goes to the page's own route.
            AttributeRouteModel = new AttributeRouteModel { Template = template, Order = 1 },
        }));
}

/// <summary>A named policy. With roles: the user holds one of them in the enterprise of the request (no enterprise: refused).
/// With a claim: the user carries it with the value "true" (platform administration, outside any enterprise). With
/// neither: any logged-in user. <paramref name="ClaimValue"/> null: the claim with any value (the municipality analyst's
/// claim carries the municipality's id).</summary>
public sealed record AreaPolicy(string Name, IReadOnlyList<string> Roles, string? Claim = null, string? ClaimValue = "true")
{
    public static AreaPolicy ForRoles(string name, params string[] roles) => new(name, roles);

    public static AreaPolicy ForClaim(string name, string claim) => new(name, [], claim);

    public static AreaPolicy ForClaimWithAnyValue(string name, string claim) => new(name, [], claim, null);

    public static AreaPolicy SignedIn(string name) => new(name, []);
}

/// <summary>One entry of the main menu: a Dutch label (a resource key), the page it opens and the policy that decides
/// who sees it; <paramref name="Unless"/> hides it from whoever holds that other policy (a coordinator sees
/// "Vrijwilligers" instead of a volunteer's "Diensten"). <paramref name="Order"/> places it in the menu.</summary>
public sealed record MenuEntry(string Label, string Page, string Policy, int Order, string? Unless = null);
