using System.Net;
using static Wijkbasis.Tests.Features.Account.AccountSteps;

namespace Wijkbasis.Tests.Features.Account;

/// <summary>An authenticator code is accepted once, also when two logins race with it.</summary>
public sealed class TotpReplayTests(TotpReplayTests.OnceOnly app) : IClassFixture<TotpReplayTests.OnceOnly>
{
    public sealed class OnceOnly : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override int People => 5;
        public override bool RefuseReusedTotpCodes => true;
    }

    /// <summary>A client that has passed the password step for <paramref name="email"/>.</summary>
    private async Task<HtmlClient> PasswordStepAsync(string email)
    {
        var client = HtmlClient.For(app);
        var login = await client.SubmitAsync("/account/inloggen", Credentials(email, WijkbasisFactory.Password));
        Assert.StartsWith("/account/inloggen/code", login.Headers.Location!.OriginalString);
        return client;
    }

    private static async Task<HttpResponseMessage> CodeAsync(HtmlClient client, string code) =>
        await client.SubmitAsync("/account/inloggen/code", new Dictionary<string, string> { ["Code"] = code });

    [Fact]
    public async Task ASecondLoginWithTheSameCodeIsRefused()
    {
        const string email = "wijkverbinder@huiskamer.demo";
        var first = await PasswordStepAsync(email);
        var code = app.CodeFor(email);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(first, code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/huiskamer/mensen")).StatusCode);

        // Someone who saw the code (over a shoulder, a phishing page) tries it within its 30 seconds.
        var replay = await CodeAsync(await PasswordStepAsync(email), code);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("Deze code klopt niet", await ErrorsAsync(replay));
    }

    [Fact]
    public async Task TwoLoginsRacingWithOneCodeDoNotBothPass()
    {
        const string email = "casusregisseur@huiskamer.demo";
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PasswordStepAsync(email)));
        var code = app.CodeFor(email);
        var pages = await Task.WhenAll(clients.Select(c => c.GetPageAsync("/account/inloggen/code")));
        var posts = clients.Zip(pages, (client, page) => client.PostRawAsync("/account/inloggen/code", new Dictionary<string, string>
        {
            ["Code"] = code, ["__RequestVerificationToken"] = HtmlClient.TokenOf(page),
        }));
        var answers = await Task.WhenAll(posts);
        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, a.StatusCode.ToString()));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TheCodeThatTurnedTwoFactorOnCannotBeUsedAgainToLogIn()
    {
        const string email = "nieuw-eenmalig@huiskamer.demo";
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var path = await Enterprise.InviteSteps.InviteAsync(app, coordinator, "huiskamer", email, "Wijkverbinder");
        var client = HtmlClient.For(app);
        await client.SubmitAsync(path, new Dictionary<string, string> { ["DisplayName"] = "Ema Eenmalig", ["Password"] = WijkbasisFactory.Password });
        var key = (await client.GetPageAsync("/account/tweestapsverificatie")).QuerySelector("#sleutel")!.TextContent;
        var code = Totp.Code(key, TimeProvider.System.GetUtcNow());
        var enrol = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(10, (await HtmlClient.ParseAsync(enrol)).QuerySelectorAll("ul.wb-code li").Length);

        var replay = await CodeAsync(await PasswordStepAsync(email), code);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }
}
