using System.Net;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Wijkbasis.Tests.Features.People.PeopleApp;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Every page under /{enterprise}/, found from the compiled pages and the areas' extra routes (and checked
/// against the running app's endpoints), gets the tenant and role checks below. Whether a volunteer may open it comes from
/// the policies the page declares; a record to open comes from the area's <see cref="ISampleRecords"/> in its own test
/// folder, and a route with an id but no sample fails.</summary>
public sealed class TenantRouteTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static IReadOnlyList<(string Pattern, string Page)> Routes => EnterpriseRoutes.All;

    public static TheoryData<string> Patterns() => new(Routes.Select(r => r.Pattern));

    /// <summary>Whether a volunteer holds every policy the page declares (folder and page).</summary>
    private bool VolunteerMayView(string pattern)
    {
        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .First(e => e.RoutePattern.RawText!.TrimStart('/') == pattern);
        var policies = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(policies);
        return policies.All(p => Wijkbasis.Features.Areas.Policies[p].Roles.Contains(Wijkbasis.Infrastructure.Auth.Roles.Volunteer));
    }

    private Task<string> UrlAsync(string pattern) => EnterpriseRoutes.UrlAsync(app, pattern);

    [Fact]
    public void EveryEnterprisePageIsListedHere()
    {
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("{enterprise}", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Routes.Select(r => r.Pattern), patterns);
        // The page list is not empty by accident: the register and the logbook are in it.
        Assert.Contains("{enterprise}/mensen", patterns);
        Assert.Contains("{enterprise}/sessies/{id:guid}", patterns);
    }

    [Fact]
    public async Task EveryRouteWithAnIdHasASampleRecord()
    {
        foreach (var (pattern, _) in Routes)
        {
            Assert.StartsWith("/huiskamer/", await UrlAsync(pattern));
        }
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task AUserOfAnotherEnterpriseGets404ForGetAndPost(string pattern)
    {
        var url = await UrlAsync(pattern);
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostRawAsync(url, new Dictionary<string, string> { ["Input.Name"] = "x" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task AnAnonymousVisitorIsSentToLogin(string pattern)
    {
        var url = await UrlAsync(pattern);
        var response = await HtmlClient.For(app).Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/inloggen", response.Headers.Location!.ToString());
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task AVolunteerMayOnlyLookNeverChange(string pattern)
    {
        var url = await UrlAsync(pattern);
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        var get = await client.FollowAsync(await client.Http.GetAsync(url));
        var mayView = VolunteerMayView(pattern);
        Assert.Equal(mayView ? HttpStatusCode.OK : HttpStatusCode.Forbidden, get.StatusCode);

        // Even with a valid antiforgery token from a page they may see, a POST is refused.
        var page = await client.GetPageAsync("/huiskamer/mensen");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.FollowAsync(await client.PostRawAsync(url, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = "Vrijwilliger Wijzigt",
        }));
        // Pages a volunteer may view have no POST handler at all (Razor Pages answers 4xx);
        // editing pages refuse the role itself.
        if (mayView)
        {
            Assert.InRange((int)post.StatusCode, 400, 499);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        Assert.Empty(await FindAsync(app, "Vrijwilliger Wijzigt"));
    }
}
