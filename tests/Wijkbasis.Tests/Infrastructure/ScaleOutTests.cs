using System.Net;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Two app instances on their own ports against one database serve the same logged-in user:
/// data-protection keys and everything else shared live in the database, not on local disk.</summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private readonly WijkbasisFactory first = new();
    private WijkbasisFactory second = null!;

    public async Task InitializeAsync()
    {
        first.UseKestrel(0);
        first.StartServer();
        await first.InitializeAsync();
        second = WijkbasisFactory.OnSameDatabaseAs(first);
        second.UseKestrel(0);
        second.StartServer();
        await second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task ALoginOnOneInstanceIsValidOnTheOther()
    {
        var cookies = new CookieContainer();
        using var toFirst = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = first.ServerAddress };
        using var toSecond = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = second.ServerAddress };
        Assert.NotEqual(toFirst.BaseAddress!.Port, toSecond.BaseAddress!.Port);

        await new HtmlClient(toFirst).LoginAsync(first, "coordinator@huiskamer.demo");
        // Cookies are per host, not per port, so the second client sends the same login cookie.
        var page = await new HtmlClient(toSecond).GetPageAsync("/huiskamer/mensen");
        Assert.Equal("Mensen", page.QuerySelector("h1")!.TextContent.Trim());

        // A form rendered by one instance is accepted by the other (shared antiforgery keys).
        var form = await new HtmlClient(toFirst).GetPageAsync("/huiskamer/mensen/nieuw");
        var token = HtmlClient.TokenOf(form);
        var response = await toSecond.PostAsync("/huiskamer/mensen/nieuw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Over Twee Servers",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // The shared keys are stored encrypted with a key outside the database.
        var stored = await first.InDbAsync(null, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DataProtectionKeys.Select(k => k.Xml)));
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains(Wijkbasis.Infrastructure.AesGcmXmlEncryptor.ElementName, xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }
}
