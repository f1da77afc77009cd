using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkbasis.Tests.Infrastructure;

public sealed class EndpointAuthorizationTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public void EveryEndpointDeclaresAPolicyOrIsExplicitlyAnonymous()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without an explicit policy: " + string.Join(", ", undeclared));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/huiskamer/mensen")]
    [InlineData("/huiskamer/mensen/nieuw")]
    [InlineData("/huiskamer/gebruikers")]
    [InlineData("/beheer")]
    [InlineData("/beheer/postcodes")]
    public async Task AnonymousVisitorIsSentToLogin(string url)
    {
        var response = await HtmlClient.For(app).Http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/inloggen", response.Headers.Location!.ToString());
    }
}
