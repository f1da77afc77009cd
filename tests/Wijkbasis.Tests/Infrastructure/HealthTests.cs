using System.Net;

namespace Wijkbasis.Tests.Infrastructure;

public sealed class HealthTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthEndpointsAnswerWithoutLogin(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
