using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Tests.Features.Enterprise;

public sealed class UsersTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Url = "/huiskamer/gebruikers";

    [Fact]
    public async Task ACoordinatorInvitesAVolunteerWhoCreatesAnAccountAndLogsIn()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var path = await InviteSteps.InviteAsync(app, coordinator, "huiskamer", "nieuw@huiskamer.demo", "Volunteer");

        var accepted = await InviteSteps.AcceptAsNewAsync(app, path, "Nina Nieuw", "een lange zin als wachtwoord");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var guest = HtmlClient.For(app);
        await guest.SubmitAsync("/account/inloggen", new Dictionary<string, string> { ["Input.Email"] = "nieuw@huiskamer.demo", ["Input.Password"] = "een lange zin als wachtwoord" });
        Assert.Equal(HttpStatusCode.OK, (await guest.Http.GetAsync("/huiskamer/mensen")).StatusCode);

        var mail = app.MailTo("nieuw@huiskamer.demo");
        Assert.Contains("Subject: Uitnodiging voor De Huiskamer Klarendal in Wijkbasis", mail);
        Assert.Contains("Corrie Coördinator nodigt u uit", mail);
        // The inviter never sees the link.
        Assert.DoesNotContain("/uitnodiging/", (await coordinator.GetPageAsync(Url)).Body!.TextContent);

        // The link works once.
        var again = await HtmlClient.For(app).GetPageAsync(path);
        Assert.Contains("werkt niet meer", again.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedInDutchAndNoAccountIsMade()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var path = await InviteSteps.InviteAsync(app, coordinator, "huiskamer", "zwak@huiskamer.demo", "Buddy");
        var response = await InviteSteps.AcceptAsNewAsync(app, path, "Zwak", "kort");
        Assert.Contains("minstens 12 tekens", (await HtmlClient.ParseAsync(response)).Body!.TextContent);
        Assert.False(await app.InDbAsync(null, db => db.Users.AnyAsync(u => u.Email == "zwak@huiskamer.demo")));
    }

    [Fact]
    public async Task InvitingAnExistingAccountGivesNoRoleUntilThatPersonAcceptsAndRevealsNothing()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        const string gert = "coordinator@groene-spijker.demo";
        var path = await InviteSteps.InviteAsync(app, coordinator, "huiskamer", gert, "Volunteer");
        Assert.DoesNotContain("Gert Groen", (await coordinator.GetPageAsync(Url)).QuerySelector("table")!.TextContent);

        // Someone else who opens the link cannot make an account for that address.
        var stranger = HtmlClient.For(app);
        var strangerPage = await stranger.GetPageAsync(path);
        Assert.Contains("Log in om de uitnodiging aan te nemen", strangerPage.Body!.TextContent);
        Assert.Null(strangerPage.QuerySelector("input[name=Password]"));

        var owner = await HtmlClient.LoggedInAsync(app, gert);
        var accepted = await owner.SubmitAsync(path, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("Gert Groen", (await coordinator.GetPageAsync(Url)).QuerySelector("table")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync("/huiskamer/mensen")).StatusCode);
    }

    [Fact]
    public async Task AnAddressWithAnApostropheCanAcceptItsInvitation()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var path = await InviteSteps.InviteAsync(app, coordinator, "huiskamer", "o'brien@huiskamer.demo", "Volunteer");
        var response = await InviteSteps.AcceptAsNewAsync(app, path, "Olga O'Brien", "een lange zin als wachtwoord");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task RevokingARoleAsksFirstThenTakesEffect()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var page = await coordinator.GetPageAsync(Url);
        var action = page.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Bianca Budget")).QuerySelector("form")!.GetAttribute("action")!;
        await coordinator.SubmitAsync(Url, new Dictionary<string, string>(), formAction: action);
        Assert.True(await app.InDbAsync("huiskamer", db => db.Memberships.AnyAsync(m => m.Role == "BudgetApprover")));
        await coordinator.SubmitAsync(Url, new Dictionary<string, string> { ["confirmed"] = "true" }, formAction: action);
        Assert.False(await app.InDbAsync("huiskamer", db => db.Memberships.AnyAsync(m => m.Role == "BudgetApprover")));
    }

    [Fact]
    public async Task AWithdrawnInvitationNoLongerWorks()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var path = await InviteSteps.InviteAsync(app, coordinator, "huiskamer", "verkeerd@huiskamer.demo", "Coordinator");
        var page = await coordinator.GetPageAsync(Url);
        var action = page.QuerySelectorAll("form[action*=Withdraw]").Single(f => f.ParentElement!.TextContent.Contains("verkeerd@huiskamer.demo")).GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(Url, new Dictionary<string, string>(), formAction: action)).StatusCode);
        Assert.Contains("werkt niet meer", (await HtmlClient.For(app).GetPageAsync(path)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task AnInvalidEmailIsRefused()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var response = await coordinator.SubmitAsync(Url, new Dictionary<string, string> { ["Email"] = "geen-adres", ["Role"] = "Volunteer" });
        Assert.Contains("geldig e-mailadres", (await HtmlClient.ParseAsync(response)).Body!.TextContent);
    }

    [Theory]
    [InlineData("a@b.nl,c@d.nl")]
    [InlineData("Jan <jan@b.nl>")]
    [InlineData("geen-adres")]
    public async Task OnlyOnePlainAddressCanBeInvited(string email)
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var before = await app.InDbAsync("huiskamer", db => db.Invitations.CountAsync());
        var response = await coordinator.SubmitAsync(Url, new Dictionary<string, string> { ["Email"] = email, ["Role"] = "Volunteer" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("e-mailadres", (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task AVolunteerCannotManageUsers()
    {
        var volunteer = await HtmlClient.LoggedInAsync(app, "vrijwilliger@huiskamer.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(Url))).StatusCode);
    }

    [Fact]
    public async Task AnotherEnterprisesCoordinatorGets404()
    {
        var other = await HtmlClient.LoggedInAsync(app, "coordinator@groene-spijker.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task TheLastCoordinatorCannotBeRemoved()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@jongeren-malburgen.demo");
        var page = await coordinator.GetPageAsync("/jongeren-malburgen/gebruikers");
        var action = page.QuerySelector("form[action*=Revoke]")!.GetAttribute("action")!;
        var confirm = await coordinator.SubmitAsync("/jongeren-malburgen/gebruikers", new Dictionary<string, string>(), formAction: action);
        Assert.Contains("Weet u zeker", (await HtmlClient.ParseAsync(confirm)).QuerySelector("#bevestigen")!.TextContent);
        var response = await coordinator.SubmitAsync("/jongeren-malburgen/gebruikers", new Dictionary<string, string> { ["confirmed"] = "true" }, formAction: action);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.InDbAsync("jongeren-malburgen", db => db.Memberships.CountAsync(m => m.Role == "Coordinator")));
    }
}

public sealed class UnreachableMailTests(UnreachableMailTests.NoMailServer app) : IClassFixture<UnreachableMailTests.NoMailServer>
{
    /// <summary>An SMTP server that refuses connections (nothing listens on port 9 here).</summary>
    public sealed class NoMailServer : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override int People => 5;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
            builder.UseSetting("Mail:SmtpPort", "9");
            builder.UseSetting("Mail:SmtpSsl", "false");
            builder.UseSetting("Mail:TimeoutSeconds", "5");
        }
    }

    [Fact]
    public async Task WhenTheMailCannotGoTheCoordinatorIsToldAndNothingIsSaved()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var response = await coordinator.SubmitAsync("/huiskamer/gebruikers", new Dictionary<string, string> { ["Email"] = "postloos@huiskamer.demo", ["Role"] = "Volunteer" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Contains("De e-mail kon niet worden verstuurd", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("postloos@huiskamer.demo", page.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task AForgottenPasswordRequestLooksTheSameWhenTheMailCannotGo()
    {
        var response = await HtmlClient.For(app).SubmitAsync("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Email"] = "coordinator@huiskamer.demo" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Als dit e-mailadres bij ons bekend is", (await HtmlClient.ParseAsync(response)).Body!.TextContent);
    }

    [Theory]
    [InlineData("Caseworker")]
    [InlineData("BudgetApprover")]
    public async Task ACoordinatorCannotGiveThemselvesARoleThatSeesEveryCaseOrApprovesMoney(string role)
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");

        var response = await coordinator.SubmitAsync("/huiskamer/gebruikers", new Dictionary<string, string> { ["Email"] = "Coordinator@huiskamer.demo", ["Role"] = role });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("U kunt uzelf deze rol niet geven", await response.Content.ReadAsStringAsync());
        Assert.False(await app.InDbAsync("huiskamer", db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Invitations, i => i.Role == role && i.Email == "Coordinator@huiskamer.demo")));
    }
}
