using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Tests.Features.Enterprise;

namespace Wijkbasis.Tests.Features.Account;

public sealed class LoginTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email, ["Input.Password"] = password,
    };

    [Fact]
    public async Task ACoordinatorNeedsPasswordAndAuthenticatorCode()
    {
        var client = HtmlClient.For(app);
        var response = await client.SubmitAsync("/account/inloggen", Credentials(Coordinator, WijkbasisFactory.Password));
        Assert.Equal("/account/inloggen/code", response.Headers.Location!.OriginalString.Split('?')[0]);
        // Only a password: the register stays closed.
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/huiskamer/mensen")).StatusCode);

        var code = await client.SubmitAsync("/account/inloggen/code", new Dictionary<string, string> { ["Code"] = app.CodeFor(Coordinator) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/huiskamer/mensen")).StatusCode);
    }

    [Fact]
    public async Task AWrongCodeIsRefusedInDutch()
    {
        var client = HtmlClient.For(app);
        await client.SubmitAsync("/account/inloggen", Credentials("wijkverbinder@huiskamer.demo", WijkbasisFactory.Password));
        var wrong = (int.Parse(app.CodeFor("wijkverbinder@huiskamer.demo"), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000;
        var response = await client.SubmitAsync("/account/inloggen/code", new Dictionary<string, string> { ["Code"] = wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Deze code klopt niet", (await HtmlClient.ParseAsync(response)).Body!.TextContent);
    }

    [Fact]
    public async Task AWrongPasswordSaysSoWithoutTellingWhichPartWasWrong()
    {
        var response = await HtmlClient.For(app).SubmitAsync("/account/inloggen", Credentials("niemand@nergens.demo", "verkeerd-wachtwoord"));
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", (await HtmlClient.ParseAsync(response)).Body!.TextContent);
    }

    [Fact]
    public async Task FiveWrongPasswordsBlockThisClientForThatAddressWithTheSameAnswerAsAWrongPassword()
    {
        var client = HtmlClient.For(app);
        const string email = "budget@huiskamer.demo";
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync("/account/inloggen", Credentials(email, "fout-wachtwoord-" + i));
        }
        var response = await client.SubmitAsync("/account/inloggen", Credentials(email, WijkbasisFactory.Password));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await HtmlClient.ParseAsync(response)).Body!.TextContent;
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet. Na te veel pogingen moet u even wachten: probeer het dan over 15 minuten opnieuw.", text);
        Assert.DoesNotContain("geblokkeerd", text);
    }

    [Fact]
    public async Task ASensitiveRoleWithoutTwoFactorMustEnrolBeforeAnythingElseAndOnlyThroughALinkByMail()
    {
        var client = HtmlClient.For(app);
        var login = await client.SubmitAsync("/account/inloggen", Credentials(WijkbasisFactory.UserWithoutTwoFactor, WijkbasisFactory.Password));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var blocked = await client.Http.GetAsync("/");
        Assert.Equal("/account/tweestapsverificatie?ReturnUrl=%2F", blocked.Headers.Location!.OriginalString);

        // With the password alone (which someone may have guessed or stolen) no key is shown, none can be made and no
        // code is taken: the page sends the user to their invitation or a reset link.
        var page = await client.GetPageAsync("/account/tweestapsverificatie");
        Assert.Null(page.QuerySelector("#sleutel"));
        Assert.Null(page.QuerySelector(".wb-qr svg"));
        Assert.NotNull(page.QuerySelector("#link-nodig"));
        await client.PostRawAsync("/account/tweestapsverificatie?handler=NewKey", new Dictionary<string, string> { ["__RequestVerificationToken"] = HtmlClient.TokenOf(page) });
        Assert.Null((await client.GetPageAsync("/account/tweestapsverificatie")).QuerySelector("#sleutel"));
        var refused = await client.PostRawAsync("/account/tweestapsverificatie", new Dictionary<string, string>
        {
            ["Code"] = "123456", ["__RequestVerificationToken"] = HtmlClient.TokenOf(page),
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Met alleen uw wachtwoord kan dat niet", (await HtmlClient.ParseAsync(refused)).Body!.TextContent);
        Assert.False(await TwoFactorEnabledAsync(WijkbasisFactory.UserWithoutTwoFactor));

        // The reset link proves the mailbox: that login may enrol.
        var reset = await AccountSteps.ResetPasswordAsync(app, client, WijkbasisFactory.UserWithoutTwoFactor, WijkbasisFactory.Password);
        Assert.Equal("/account/tweestapsverificatie", reset.Headers.Location!.OriginalString);
        page = await client.GetPageAsync("/account/tweestapsverificatie");
        var key = page.QuerySelector("#sleutel")!.TextContent;
        Assert.NotNull(page.QuerySelector(".wb-qr svg"));
        var enrol = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        Assert.Equal(10, (await HtmlClient.ParseAsync(enrol)).QuerySelectorAll("ul.wb-code li").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        Assert.True(await TwoFactorEnabledAsync(WijkbasisFactory.UserWithoutTwoFactor));
    }

    private Task<bool> TwoFactorEnabledAsync(string email) =>
        app.InDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    [Fact]
    public async Task AVolunteerWhoNeedNotUseTwoFactorMayStillTurnItOnWithThePassword()
    {
        const string email = "vrij-tweestaps@huiskamer.demo";
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await InviteSteps.AcceptAsNewAsync(app, await InviteSteps.InviteAsync(app, coordinator, "huiskamer", email, "Volunteer"), "Vera Vrij", WijkbasisFactory.Password);
        var client = HtmlClient.For(app);
        await client.SubmitAsync("/account/inloggen", Credentials(email, WijkbasisFactory.Password));
        var page = await client.GetPageAsync("/account/tweestapsverificatie");
        Assert.Null(page.QuerySelector("#link-nodig"));
        Assert.NotNull(page.QuerySelector("#sleutel"));
    }

    [Fact]
    public async Task AUserGivenASensitiveRoleDuringTheSessionMustEnrolAtOnce()
    {
        // A volunteer of the youth team, without two-factor, logs in with a password only.
        const string email = "nieuwe-coordinator@jongeren.demo";
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@jongeren-malburgen.demo");
        var path = await InviteSteps.InviteAsync(app, coordinator, "jongeren-malburgen", email, "Volunteer");
        await InviteSteps.AcceptAsNewAsync(app, path, "Promo Tie", WijkbasisFactory.Password);
        var volunteer = HtmlClient.For(app);
        await volunteer.SubmitAsync("/account/inloggen", Credentials(email, WijkbasisFactory.Password));
        Assert.Equal(HttpStatusCode.OK, (await volunteer.Http.GetAsync("/jongeren-malburgen/mensen")).StatusCode);

        // The coordinator makes them coordinator too; their next request must go to enrolment.
        await app.InDbAsync("jongeren-malburgen", async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.Memberships.Add(new Wijkbasis.Data.Membership { UserId = id, Role = "Coordinator" });
            return await db.SaveChangesAsync();
        });
        var response = await volunteer.Http.GetAsync("/jongeren-malburgen/mensen");
        Assert.Equal("/account/tweestapsverificatie?ReturnUrl=%2Fjongeren-malburgen%2Fmensen", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ARecoveryCodeWorksOnceInsteadOfThePhone()
    {
        // Enrol a fresh user to get recovery codes.
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@groene-spijker.demo");
        var path = await InviteSteps.InviteAsync(app, coordinator, "groene-spijker", "herstel@groene-spijker.demo", "Wijkverbinder");
        // Accepting the invitation logs the new user in, and that login may enrol.
        var first = HtmlClient.For(app);
        var accepted = await first.SubmitAsync(path, new Dictionary<string, string> { ["DisplayName"] = "Hans Herstel", ["Password"] = WijkbasisFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/account/tweestapsverificatie", (await first.Http.GetAsync("/")).Headers.Location!.OriginalString);
        var key = (await first.GetPageAsync("/account/tweestapsverificatie")).QuerySelector("#sleutel")!.TextContent;
        var enrolled = await first.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()) });
        var code = (await HtmlClient.ParseAsync(enrolled)).QuerySelector("ul.wb-code li")!.TextContent.Trim();

        async Task<HttpResponseMessage> LoginWithRecoveryAsync()
        {
            var client = HtmlClient.For(app);
            await client.SubmitAsync("/account/inloggen", Credentials("herstel@groene-spijker.demo", WijkbasisFactory.Password));
            var response = await client.SubmitAsync("/account/inloggen/herstelcode", new Dictionary<string, string> { ["RecoveryCode"] = code });
            return response;
        }
        Assert.Equal(HttpStatusCode.Redirect, (await LoginWithRecoveryAsync()).StatusCode);
        var again = await LoginWithRecoveryAsync();
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("al gebruikt", (await HtmlClient.ParseAsync(again)).Body!.TextContent);
    }

    [Fact]
    public async Task AUserWhoUsedUpTheirRecoveryCodesCanMakeNewOnes()
    {
        var client = await HtmlClient.LoggedInAsync(app, "wijkverbinder@huiskamer.demo");
        var response = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string>(), formAction: "NewCodes");
        Assert.Equal(10, (await HtmlClient.ParseAsync(response)).QuerySelectorAll("ul.wb-code li").Length);
    }

    [Fact]
    public async Task AForgottenPasswordIsResetThroughALinkByMail()
    {
        const string email = "vergeetachtig@huiskamer.demo";
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await InviteSteps.AcceptAsNewAsync(app, await InviteSteps.InviteAsync(app, coordinator, "huiskamer", email, "Volunteer"), "Vera Vergeet", WijkbasisFactory.Password);
        var client = HtmlClient.For(app);
        var asked = await client.SubmitAsync("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("Als dit e-mailadres bij ons bekend is", (await HtmlClient.ParseAsync(asked)).Body!.TextContent);
        var link = System.Text.RegularExpressions.Regex.Match(app.MailTo(email, containing: "/account/nieuw-wachtwoord"), "/account/nieuw-wachtwoord\\?\\S+").Value;

        var reset = await client.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "mijn nieuwe lange wachtzin" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var login = await client.SubmitAsync("/account/inloggen", Credentials(email, "mijn nieuwe lange wachtzin"));
        Assert.Equal("/", login.Headers.Location!.OriginalString);

        // The link works once.
        var again = await HtmlClient.For(app).SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "nog een andere lange zin" });
        Assert.Contains("Deze link werkt niet (meer)", (await HtmlClient.ParseAsync(again)).Body!.TextContent);
    }

    [Fact]
    public async Task AskingForAResetForAnUnknownAddressSaysTheSameAndSendsNothing()
    {
        var asked = await HtmlClient.For(app).SubmitAsync("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Email"] = "onbekend@nergens.demo" });
        Assert.Contains("Als dit e-mailadres bij ons bekend is", (await HtmlClient.ParseAsync(asked)).Body!.TextContent);
        Assert.ThrowsAny<Exception>(() => app.MailTo("onbekend@nergens.demo", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task AUserChangesTheirPasswordAndStaysLoggedInWithTwoFactor()
    {
        const string email = "coordinator@groene-spijker.demo";
        var client = await HtmlClient.LoggedInAsync(app, email);
        var wrong = await client.SubmitAsync("/account/wachtwoord", new Dictionary<string, string> { ["Current"] = "niet mijn wachtwoord", ["Password"] = "een heel nieuwe wachtzin" });
        Assert.Contains("Het wachtwoord klopt niet", (await HtmlClient.ParseAsync(wrong)).Body!.TextContent);

        var changed = await client.SubmitAsync("/account/wachtwoord", new Dictionary<string, string> { ["Current"] = WijkbasisFactory.Password, ["Password"] = "een heel nieuwe wachtzin" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/groene-spijker/mensen")).StatusCode);
        var fresh = await HtmlClient.For(app).SubmitAsync("/account/inloggen", Credentials(email, "een heel nieuwe wachtzin"));
        Assert.StartsWith("/account/inloggen/code", fresh.Headers.Location!.OriginalString);

        // Put it back: other tests in this class log in as this user.
        await client.SubmitAsync("/account/wachtwoord", new Dictionary<string, string> { ["Current"] = "een heel nieuwe wachtzin", ["Password"] = WijkbasisFactory.Password });
    }

    [Fact]
    public async Task LoggingOutEndsTheSession()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var home = await client.GetPageAsync("/");
        var form = home.QuerySelector("form[action='/account/uitloggen']")!;
        var token = HtmlClient.TokenOf(form);
        await client.PostRawAsync("/account/uitloggen", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/huiskamer/mensen")).StatusCode);
    }

    [Fact]
    public async Task TheLoginPageDoesNotMentionDemoModeWhenTwoFactorIsRequired()
    {
        var page = await HtmlClient.For(app).GetPageAsync("/account/inloggen");
        Assert.DoesNotContain("tweestapsverificatie staat uit", page.Body!.TextContent);
    }
}

public sealed class DemoLoginTests(DemoLoginTests.DemoApp app) : IClassFixture<DemoLoginTests.DemoApp>
{
    public sealed class DemoApp : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override bool RequireTwoFactor => false;
        public override int People => 5;
    }

    [Fact]
    public async Task WithTheDemoSwitchOffTheLoginPageSaysSoAndNoEnrolmentIsForced()
    {
        var client = HtmlClient.For(app);
        var page = await client.GetPageAsync("/account/inloggen");
        Assert.Contains("tweestapsverificatie staat uit", page.Body!.TextContent);
        await client.SubmitAsync("/account/inloggen", new Dictionary<string, string>
        {
            ["Input.Email"] = WijkbasisFactory.UserWithoutTwoFactor, ["Input.Password"] = WijkbasisFactory.Password,
        });
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
    }
}

/// <summary>Identity re-checks the security stamp periodically and rebuilds the login; a two-factor
/// login must stay a two-factor login after that (here the check runs on every request).</summary>
public sealed class SecurityStampTests(SecurityStampTests.EagerStampCheck app) : IClassFixture<SecurityStampTests.EagerStampCheck>
{
    public sealed class EagerStampCheck : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override int People => 5;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Configure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task AResetPasswordEndsOtherSessions()
    {
        var stolen = await HtmlClient.LoggedInAsync(app, "wijkverbinder@huiskamer.demo");
        Assert.Equal(HttpStatusCode.OK, (await stolen.Http.GetAsync("/huiskamer/mensen")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Wijkbasis.Data.AppUser>>();
            var user = (await users.FindByEmailAsync("wijkverbinder@huiskamer.demo"))!;
            await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "een nieuwe lange wachtzin");
        }
        var after = await stolen.Http.GetAsync("/huiskamer/mensen");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/inloggen", after.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ATwoFactorLoginSurvivesTheSecurityStampCheck()
    {
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/huiskamer/mensen")).StatusCode);
        }
    }
}

public sealed class LoginRateLimitTests(LoginRateLimitTests.StrictApp app) : IClassFixture<LoginRateLimitTests.StrictApp>
{
    public sealed class StrictApp : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override int People => 5;
        public override int LoginAttemptsPerMinute => 3;
    }

    [Fact]
    public async Task ManyLoginAttemptsFromOneAddressAreSlowedDownWithADutchMessage()
    {
        var client = HtmlClient.For(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.SubmitAsync("/account/inloggen", new Dictionary<string, string>
            {
                ["Input.Email"] = $"sproei{i}@nergens.demo", ["Input.Password"] = "een wachtwoord dat niet klopt",
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("te veel pogingen", (await HtmlClient.ParseAsync(response)).Body!.TextContent);
            }
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}

/// <summary>Behind a trusted reverse proxy (Network:KnownProxies) each client address has its own limit.</summary>
public sealed class ProxiedRateLimitTests : IAsyncLifetime
{
    private sealed class BehindProxy : WijkbasisFactory
    {
        public override int People => 5;
        public override int LoginAttemptsPerMinute => 2;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Network:KnownProxies", "127.0.0.1");
        }
    }

    private readonly BehindProxy app = new();

    public async Task InitializeAsync()
    {
        app.UseKestrel(0);
        app.StartServer();
        await app.InitializeAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<HttpStatusCode> LoginFromAsync(string client)
    {
        using var http = new HttpClient { BaseAddress = app.ServerAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/inloggen") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("X-Forwarded-For", client);
        return (await http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task EachClientBehindTheProxyHasItsOwnLimit()
    {
        // Documentation addresses (RFC 5737), only ever sent as a header value.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginFromAsync("203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginFromAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginFromAsync("203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginFromAsync("203.0.113.2"));
    }
}
