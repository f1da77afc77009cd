using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Wijkbasis.Tests.Features.Account.AccountSteps;

namespace Wijkbasis.Tests.Features.Account;

/// <summary>A login answer that does not tell whether an address has an account: the same text and about the same
/// time for an unknown address, a wrong password and a blocked client. Real password hashing here (Identity's
/// default work factor), so a missing hash check would show.</summary>
public sealed class LoginAnswerTests(LoginAnswerTests.RealHashing app) : IClassFixture<LoginAnswerTests.RealHashing>
{
    public sealed class RealHashing : WijkbasisFactory
    {
        public override int People => 5;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s =>
            {
                s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
                s.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = new PasswordHasherOptions().IterationCount);
            });
        }
    }

    private const string Known = "vrijwilliger@huiskamer.demo";

    [Fact]
    public async Task AnUnknownAddressAWrongPasswordAndABlockedClientGetTheSameAnswer()
    {
        var unknown = await From(app, "198.51.100.1").SubmitAsync("/account/inloggen", Credentials("niemand@nergens.demo", "een verkeerd wachtwoord"));
        var wrong = await From(app, "198.51.100.1").SubmitAsync("/account/inloggen", Credentials(Known, "een verkeerd wachtwoord"));

        // Five wrong passwords from one client; then even the right one from there gets the same answer.
        var blockedClient = From(app, "198.51.100.2");
        for (var i = 0; i < 5; i++)
        {
            await blockedClient.SubmitAsync("/account/inloggen", Credentials(Known, "fout-" + i));
        }
        var blocked = await blockedClient.SubmitAsync("/account/inloggen", Credentials(Known, WijkbasisFactory.Password));

        var answers = new[] { unknown, wrong, blocked };
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        var texts = await Task.WhenAll(answers.Select(a => ErrorsAsync(a)));
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", texts[0]);
        Assert.Equal(texts[0], texts[1]);
        Assert.Equal(texts[0], texts[2]);
        Assert.DoesNotContain("geblokkeerd", texts[0]);
    }

    [Fact]
    public async Task AnUnknownAddressTakesAboutAsLongAsAWrongPassword()
    {
        var client = From(app, "198.51.100.3");
        var token = await client.TokenAsync("/account/inloggen");
        async Task<double> TimeAsync(string email)
        {
            var values = Credentials(email, "een verkeerd wachtwoord");
            values["__RequestVerificationToken"] = token;
            var watch = Stopwatch.StartNew();
            var response = await client.PostRawAsync("/account/inloggen", values);
            watch.Stop();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return watch.Elapsed.TotalMilliseconds;
        }
        // Warm up both paths, then alternate so a busy moment on the machine hits both alike. Different addresses for
        // the wrong password, so this client is not blocked for one of them half-way.
        await TimeAsync("warm@nergens.demo");
        await TimeAsync("coordinator@huiskamer.demo");
        var unknown = new List<double>();
        var wrong = new List<double>();
        string[] accounts = ["wijkverbinder@huiskamer.demo", "budget@huiskamer.demo", Known, "coordinator@huiskamer.demo", "wijkverbinder@huiskamer.demo"];
        for (var i = 0; i < 5; i++)
        {
            unknown.Add(await TimeAsync($"onbekend{i}@nergens.demo"));
            wrong.Add(await TimeAsync(accounts[i]));
        }
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var (u, w) = (Median(unknown), Median(wrong));
        Assert.True(Math.Max(u, w) / Math.Min(u, w) < 3, $"unknown {u:F1} ms, wrong password {w:F1} ms");
    }
}

/// <summary>Failures counted per address-and-client and per client, in memory: nobody locks out someone else.</summary>
public sealed class LoginThrottleTests(LoginThrottleTests.TwoClients app) : IClassFixture<LoginThrottleTests.TwoClients>
{
    public sealed class TwoClients : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override int People => 5;
        public override int LoginFailuresPerClient => 8;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>());
        }
    }

    private static async Task<HttpResponseMessage> TryAsync(HtmlClient client, string email, string password) =>
        await client.SubmitAsync("/account/inloggen", Credentials(email, password));

    [Fact]
    public async Task WrongPasswordsFromOneClientDoNotLockTheAccountForAnother()
    {
        const string email = "budget@huiskamer.demo";
        var attacker = From(app, "203.0.113.10");
        for (var i = 0; i < 6; i++)
        {
            await TryAsync(attacker, email, "fout-wachtwoord-" + i);
        }
        // The attacker's client is blocked for this address, even with the right password...
        Assert.Equal(HttpStatusCode.BadRequest, (await TryAsync(attacker, email, WijkbasisFactory.Password)).StatusCode);
        // ...but the owner, elsewhere, logs in (on to the authenticator code) and the account is not locked.
        var owner = From(app, "203.0.113.11");
        var login = await TryAsync(owner, email, WijkbasisFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/inloggen/code", login.Headers.Location!.OriginalString);
        var code = await owner.SubmitAsync(login.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = app.CodeFor(email) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ManyWrongPasswordsFromOneClientAcrossAccountsBlockThatClientOnly()
    {
        var sprayer = From(app, "203.0.113.20");
        string[] accounts = ["coordinator@huiskamer.demo", "wijkverbinder@huiskamer.demo", "vrijwilliger@huiskamer.demo", "onbekend@nergens.demo"];
        // Two tries per address: far below the per-address limit, but 8 in all from this client.
        foreach (var email in accounts.Concat(accounts))
        {
            await TryAsync(sprayer, email, "Zomer2026!Zomer2026!");
        }
        var refused = await TryAsync(sprayer, "coordinator@groene-spijker.demo", WijkbasisFactory.Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", await ErrorsAsync(refused));

        var other = await TryAsync(From(app, "203.0.113.21"), "coordinator@groene-spijker.demo", WijkbasisFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task TheRightPasswordStartsTheCountForThatAddressAgain()
    {
        const string email = "coordinator@jongeren-malburgen.demo";
        var client = From(app, "203.0.113.30");
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                await TryAsync(client, email, "fout-wachtwoord-" + i);
            }
            Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(From(app, "203.0.113.30"), email, WijkbasisFactory.Password)).StatusCode);
        }
    }

    [Fact]
    public void AnIPv6ClientIsCountedByItsNetworkOfSixtyFourBits()
    {
        static string Client(string address) => Wijkbasis.Infrastructure.Auth.LoginThrottle.ClientOf(IPAddress.Parse(address));
        Assert.Equal(Client("2001:db8::1"), Client("2001:db8::ffff:1234"));
        Assert.NotEqual(Client("2001:db8::1"), Client("2001:db8:0:1::1"));
        Assert.Equal("192.0.2.1", Client("::ffff:192.0.2.1"));
        Assert.NotEqual(Client("192.0.2.1"), Client("192.0.2.2"));
    }
}
