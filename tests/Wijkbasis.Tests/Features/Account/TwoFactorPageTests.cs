using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkbasis.Tests.Features.Account;

/// <summary>The two-factor page, with the security stamp checked on every request (interval zero) instead of
/// once a minute: whatever would end the login a minute later ends it at once here.</summary>
public sealed class TwoFactorPageTests(TwoFactorPageTests.StampEveryRequest app) : IClassFixture<TwoFactorPageTests.StampEveryRequest>
{
    public sealed class StampEveryRequest : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override int People => 5;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.PostConfigure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task OpeningTheTwoFactorPageTwiceKeepsTheUserLoggedInPastTheSecurityStampCheck()
    {
        // A user who must use two-factor enrols in a login made through a reset link (or an invitation).
        var client = HtmlClient.For(app);
        await AccountSteps.ResetPasswordAsync(app, client, WijkbasisFactory.UserWithoutTwoFactor, WijkbasisFactory.Password);
        var stamp = await StampAsync();

        var first = (await client.GetPageAsync("/account/tweestapsverificatie")).QuerySelector("#sleutel")!.TextContent;
        var second = (await client.GetPageAsync("/account/tweestapsverificatie")).QuerySelector("#sleutel")!.TextContent;
        // The same key both times (a reload must not invalidate a scanned QR code), and the account is unchanged.
        Assert.Equal(first, second);
        Assert.Equal(stamp, await StampAsync());
        await Task.Delay(TimeSpan.FromMilliseconds(50));

        // Still logged in, and still allowed to enrol: the next request is sent to enrolment, not to the login page.
        var next = await client.Http.GetAsync("/");
        Assert.Equal("/account/tweestapsverificatie?ReturnUrl=%2F", next.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/tweestapsverificatie")).StatusCode);

        // Confirming with a code from that key turns two-factor on, and this login goes on.
        var enrol = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = Totp.Code(first.Replace(" ", "", StringComparison.Ordinal), TimeProvider.System.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        Assert.Equal(10, (await HtmlClient.ParseAsync(enrol)).QuerySelectorAll("ul.wb-code li").Length);
        await Task.Delay(TimeSpan.FromMilliseconds(50));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/tweestapsverificatie")).StatusCode);
    }

    private async Task<string?> StampAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Wijkbasis.Data.AppUser>>();
        return (await users.FindByEmailAsync(WijkbasisFactory.UserWithoutTwoFactor))!.SecurityStamp;
    }
}
