using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;

namespace Wijkbasis.Infrastructure.Tenancy;

/// <summary>Inside an enterprise, <c>asp-page="/People/Details"</c> and <c>RedirectToPage("/People/Details", new { id })</c>
/// keep the enterprise of the current request, as a folder keeps its path. ASP.NET drops route values of the current
/// request when the link goes to another page ("route value invalidation"), which would leave every link to another
/// page of the enterprise empty. Only a page whose route has an {enterprise} parameter gets it; an explicit
/// <c>asp-route-enterprise</c> always wins.</summary>
public sealed class TenantUrlHelperFactory(EndpointDataSource endpoints) : IUrlHelperFactory
{
    private readonly UrlHelperFactory inner = new();
    private HashSet<string>? tenantPages;

    public IUrlHelper GetUrlHelper(ActionContext context) => new TenantUrlHelper(inner.GetUrlHelper(context), TenantPages());

    /// <summary>The pages ("/People/Details") that have an {enterprise} parameter in their route.</summary>
    private HashSet<string> TenantPages() => tenantPages ??= endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.GetParameter(TenantMiddleware.RouteKey) is not null)
        .Select(e => e.RoutePattern.RequiredValues.TryGetValue("page", out var page) ? page as string : null)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    private sealed class TenantUrlHelper(IUrlHelper inner, HashSet<string> tenantPages) : IUrlHelper
    {
        public ActionContext ActionContext => inner.ActionContext;

        public string? Action(UrlActionContext actionContext) => inner.Action(actionContext);

        public string? Content(string? contentPath) => inner.Content(contentPath);

        public bool IsLocalUrl(string? url) => inner.IsLocalUrl(url);

        public string? Link(string? routeName, object? values) => inner.Link(routeName, values);

        public string? RouteUrl(UrlRouteContext routeContext)
        {
            if (routeContext.Values is RouteValueDictionary values
                && values.TryGetValue("page", out var page) && page is string name && tenantPages.Contains(name)
                && !values.ContainsKey(TenantMiddleware.RouteKey)
                && ActionContext.RouteData.Values.TryGetValue(TenantMiddleware.RouteKey, out var slug) && slug is not null)
            {
                values[TenantMiddleware.RouteKey] = slug;
            }
            return inner.RouteUrl(routeContext);
        }
    }
}
