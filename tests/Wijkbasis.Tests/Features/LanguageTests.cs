namespace Wijkbasis.Tests.Features;

public sealed class LanguageTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task DutchFirstAndEnglishOnRequest()
    {
        var client = HtmlClient.For(app);
        var dutch = await client.GetPageAsync("/account/inloggen");
        Assert.Equal("nl", dutch.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Inloggen", dutch.QuerySelector("h1")!.TextContent);

        await client.SubmitAsync("/account/inloggen", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/account/inloggen" }, formAction: "/taal");
        var english = await client.GetPageAsync("/account/inloggen");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Log in", english.QuerySelector("h1")!.TextContent);
    }
}
