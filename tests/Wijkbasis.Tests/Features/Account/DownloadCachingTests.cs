using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Tests.Features.Account;

/// <summary>Every export and download answers <c>Cache-Control: no-store</c> (one place: Infrastructure/Pipeline.cs).</summary>
public sealed class DownloadCachingTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static int ThisYear => TimeProvider.System.GetUtcNow().Year;

    [Fact]
    public async Task EveryExportRouteAnswersNoStore()
    {
        var room = await app.InDbAsync("huiskamer", db => db.Rooms.Select(r => r.Id).FirstAsync());
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        var exports = new (HtmlClient Client, string Url)[]
        {
            (coordinator, $"/huiskamer/uren/overzicht?handler=Csv&jaar={ThisYear}&maand=1&doel=verantwoording"),
            (coordinator, $"/huiskamer/geldstromen?handler=Csv&jaar={ThisYear}"),
            (coordinator, "/huiskamer/rapportage?periode=2015&handler=Pdf"),
            (coordinator, "/huiskamer/rapportage?periode=2015&handler=Csv"),
            (coordinator, "/huiskamer/rapportage?periode=2015&handler=Xlsx"),
            (coordinator, $"/huiskamer/ruimtes/{room}/kalender.ics"),
            (analyst, $"/gemeente/cijfers?indicator={Wijkbasis.Features.Impact.Indicators.Reach.Persons}&weergave=wijken&periode={ThisYear}&format=csv"),
        };
        foreach (var (client, url) in exports)
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.False(response.Content.Headers.ContentType?.MediaType == "text/html", $"{url} is a page, not an export");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task ThePublicAgendaFeedKeepsItsOwnCaching()
    {
        // Public data, meant for calendar apps to poll.
        var feed = await HtmlClient.For(app).Http.GetAsync("/agenda/huiskamer/kalender.ics");
        Assert.True(feed.Headers.CacheControl?.Public);
    }
}

/// <summary>Behind a TLS proxy: Secure cookies and HSTS when the settings say so; neither by default (./run on http).</summary>
public sealed class TlsProxySettingsTests
{
    private sealed class BehindTls : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override int People => 5;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Network:SecureCookies", "true");
            builder.UseSetting("Network:HstsDays", "365");
        }
    }

    private sealed class Plain : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override int People => 5;
    }

    private static async Task<HttpResponseMessage> LoginPageAsync(WijkbasisFactory app) =>
        await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://wijkbasis.example"), AllowAutoRedirect = false })
            .GetAsync("/account/inloggen");

    [Fact]
    public async Task WithTheSettingsOnCookiesAreSecureAndHttpsAnswersCarryHsts()
    {
        await using var app = new BehindTls();
        await app.InitializeAsync();
        var response = await LoginPageAsync(app);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task ByDefaultNeither()
    {
        await using var app = new Plain();
        await app.InitializeAsync();
        var response = await LoginPageAsync(app);
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
