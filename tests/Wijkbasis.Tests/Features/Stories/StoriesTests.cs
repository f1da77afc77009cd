using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Stories;

namespace Wijkbasis.Tests.Features.Stories;

/// <summary>Most Significant Change stories (issue 16): taking a logbook story over once, the group's choice per domain per
/// period in the report with its reasons (a story without consent for publication never in full), bad input, tenancy and
/// roles. One app for all; each test keeps to its own period in 2019 (the demo's stories are of the last months).</summary>
public sealed class StoriesTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HtmlClient client, string url, Dictionary<string, string> values, string? handler = null)
    {
        values["__RequestVerificationToken"] = await client.TokenAsync(url);
        var target = handler is null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return await client.PostRawAsync(target, values);
    }

    private static Dictionary<string, string> Story(string text, string domain, string day, bool intern = true, bool publish = false)
    {
        var form = new Dictionary<string, string> { ["Text"] = text, ["Domain"] = domain, ["ToldOn"] = day, ["FormKey"] = Guid.NewGuid().ToString() };
        if (intern)
        {
            form["ConsentInternal"] = "true";
        }
        if (publish)
        {
            form["ConsentPublication"] = "true";
        }
        return form;
    }

    private Task<Guid> StoryIdAsync(string text) =>
        app.InDbAsync("huiskamer", db => db.ChangeStories.Where(s => s.Text == text).Select(s => s.Id).SingleAsync());

    private async Task<Guid> WriteAsync(HtmlClient client, string text, string domain, string day, bool intern = true, bool publish = false)
    {
        var response = await PostAsync(client, "/huiskamer/verhalen/nieuw", Story(text, domain, day, intern, publish));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await StoryIdAsync(text);
    }

    private static Task<HttpResponseMessage> ChooseAsync(HtmlClient client, string period, string domain, Guid story, string reasons, string? group = null) =>
        PostAsync(client, $"/huiskamer/verhalen/kiezen?periode={period}", new()
        {
            ["Domain"] = domain, ["StoryId"] = story.ToString(), ["Reasons"] = reasons, ["Group"] = group ?? "", ["FormKey"] = Guid.NewGuid().ToString(),
        }, "Choose");

    [Fact]
    public async Task AWorkerTakesOverALogbookStoryOnceWithItsTextAndTellerAndADoubleSubmitSavesOnce()
    {
        // A story told at the last session that took place, by someone in the register, kept in the logbook.
        var entry = await app.InDbAsync("huiskamer", async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var session = await db.Sessions.Where(s => s.StartsAt < now && s.CancelledAt == null).OrderByDescending(s => s.StartsAt).FirstAsync();
            var teller = await db.People.Where(p => p.ArchivedAt == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var story = new LogEntry
            {
                SessionId = session.Id, Kind = LogEntryKind.Story, Text = $"Sinds de moestuin groet de buurman mij weer ({Guid.NewGuid():N}).",
                PersonId = teller, ConsentToReport = true, At = session.StartsAt, ByName = "test",
            };
            db.LogEntries.Add(story);
            await db.SaveChangesAsync();
            return story;
        });
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var url = $"/huiskamer/verhalen/nieuw?uitLogboek={entry.Id}";
        var page = await wijkverbinder.GetPageAsync(url);
        Assert.Equal(entry.Text, page.QuerySelector("textarea[name='Text']")!.TextContent.Trim());
        // The day the story was told comes from its session.
        var day = page.QuerySelector("input[name='ToldOn']")!.GetAttribute("value")!;

        var form = Story(entry.Text, "Contact", day, publish: entry.ConsentToReport);
        var first = await PostAsync(wijkverbinder, url, new(form));
        var again = await PostAsync(wijkverbinder, url, new(form));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var taken = await app.InDbAsync("huiskamer", db => db.ChangeStories.AsNoTracking().Where(s => s.LogEntryId == entry.Id).ToListAsync());
        var story = Assert.Single(taken);
        Assert.Equal((entry.Text, entry.PersonId, ChangeDomain.Contact), (story.Text, story.PersonId, story.Domain));

        // A second take-over with a new form is refused: a logbook story becomes one story of change.
        form["FormKey"] = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(wijkverbinder, url, form)).StatusCode);
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.ChangeStories.CountAsync(s => s.LogEntryId == entry.Id)));
    }

    [Fact]
    public async Task TheGroupsChoicePerDomainIsInTheReportWithItsReasonsButAStoryWithoutConsentForPublicationNeverInFull()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var open = await WriteAsync(coordinator, "OPENBAAR: ik ken nu mijn buren bij naam.", "Contact", "2019-07-10", publish: true);
        var inner = await WriteAsync(coordinator, "BINNENSKAMERS: mijn rug doet minder pijn sinds het wandelen.", "Health", "2019-08-02");
        // A story told with consent for publication, about a resident who later withdrew consent for photos and stories.
        var person = await PersonIdAsync(app, 12);
        var withdrawn = await WriteAsync(coordinator, "INGETROKKEN: ik heb mijn schulden op een rij.", "Money", "2019-08-20", publish: true);
        await app.InDbAsync("huiskamer", async db =>
        {
            var s = await db.ChangeStories.SingleAsync(x => x.Id == withdrawn);
            s.PersonId = person;
            db.Consents.Add(new ConsentRecord
            {
                PersonId = person, Purpose = ConsentPurpose.PhotosAndStories, LegalBasis = LegalBasis.Consent, Given = false,
                RecordedAt = TimeProvider.System.GetUtcNow().UtcDateTime, RecordedByName = "test",
            });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(coordinator, "2019-Q3", "Contact", open, "REDEN-CONTACT: buren leren elkaar kennen", "Corrie en vier bewoners")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(coordinator, "2019-Q3", "Health", inner, "REDEN-GEZONDHEID: bewegen helpt")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(coordinator, "2019-Q3", "Money", withdrawn, "REDEN-GELD: rust in het hoofd")).StatusCode);

        var report = (await coordinator.GetPageAsync("/huiskamer/rapportage?periode=2019-Q3")).QuerySelector("#msc-keuzes")!.TextContent;
        Assert.Contains("OPENBAAR: ik ken nu mijn buren bij naam.", report);
        Assert.Contains("Corrie en vier bewoners", report);
        foreach (var reason in new[] { "REDEN-CONTACT", "REDEN-GEZONDHEID", "REDEN-GELD" })
        {
            Assert.Contains(reason, report);
        }
        Assert.DoesNotContain("BINNENSKAMERS", report);
        Assert.DoesNotContain("INGETROKKEN", report);
        Assert.Contains(StoryRules.NotPublishable, report);

        var csv = await (await coordinator.Http.GetAsync("/huiskamer/rapportage?periode=2019-Q3&handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("OPENBAAR: ik ken nu mijn buren bij naam.", csv);
        Assert.Contains("REDEN-GEZONDHEID", csv);
        Assert.DoesNotContain("BINNENSKAMERS", csv);
        Assert.DoesNotContain("INGETROKKEN", csv);
        var pdf = Wijkbasis.Tests.Features.Report.ReportTests.PdfText(
            await (await coordinator.Http.GetAsync("/huiskamer/rapportage?periode=2019-Q3&handler=Pdf")).Content.ReadAsByteArrayAsync());
        if (pdf is not null)
        {
            Assert.Contains("REDEN-GELD", pdf);
            Assert.Contains("OPENBAAR", pdf);
            Assert.DoesNotContain("BINNENSKAMERS", pdf);
            Assert.DoesNotContain("INGETROKKEN", pdf);
        }

        // A second choice for a domain is refused until the first is undone, and undoing asks to confirm.
        Assert.Equal(HttpStatusCode.BadRequest, (await ChooseAsync(coordinator, "2019-Q3", "Contact", open, "nog eens")).StatusCode);
        var select = "/huiskamer/verhalen/kiezen?periode=2019-Q3";
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coordinator, select, new() { ["Domain"] = "Contact" }, "Undo")).StatusCode);
        Assert.Equal(3, await app.InDbAsync("huiskamer", db => db.StorySelections.CountAsync(s => s.PeriodKey == "2019-Q3")));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, select, new() { ["Domain"] = "Contact", ["Confirm"] = "true" }, "Undo")).StatusCode);
        Assert.False(await app.InDbAsync("huiskamer", db => db.StorySelections.AnyAsync(s => s.PeriodKey == "2019-Q3" && s.Domain == ChangeDomain.Contact)));
    }

    [Fact]
    public async Task BadInputIsRefusedAndSavesNothing()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var before = await app.InDbAsync("huiskamer", db => db.ChangeStories.CountAsync());
        var future = DateOnly.FromDateTime(DateTime.Today.AddDays(5)).ToString("yyyy-MM-dd");
        foreach (var form in new[]
        {
            Story("", "Contact", "2019-05-01"),
            Story("Een verhaal", "Nonsense", "2019-05-01"),
            Story("Een verhaal", "Contact", future),
            Story("Een verhaal", "Contact", "9999-12-31"),
            Story(new string('x', ChangeStory.TextMax + 1), "Contact", "2019-05-01"),
            Story("Publiek maar niet intern", "Contact", "2019-05-01", intern: false, publish: true),
        })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coordinator, "/huiskamer/verhalen/nieuw", form)).StatusCode);
        }
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.ChangeStories.CountAsync()));

        // A choice must be a story of that domain, told in that period, with consent for internal use.
        var work = await WriteAsync(coordinator, "WERK-2019-Q2: ik heb een baan gevonden.", "Work", "2019-05-03");
        var secret = await WriteAsync(coordinator, "NIET-INTERN-2019-Q2: alleen voor mij.", "Work", "2019-05-04", intern: false);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChooseAsync(coordinator, "2019-Q2", "Contact", work, "verkeerd domein")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChooseAsync(coordinator, "2019-Q3", "Work", work, "verkeerde periode")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChooseAsync(coordinator, "2019-Q2", "Work", secret, "geen toestemming")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChooseAsync(coordinator, "2019-Q2", "Work", work, "")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChooseAsync(coordinator, "2019-Q2", "Nonsense", work, "onleesbaar")).StatusCode);
        Assert.False(await app.InDbAsync("huiskamer", db => db.StorySelections.AnyAsync(s => s.PeriodKey == "2019-Q2" || s.PeriodKey == "2019-Q3" && s.Domain == ChangeDomain.Work)));
    }

    [Fact]
    public async Task AnotherEnterprisesStoryIsNotFound()
    {
        var story = await app.InDbAsync("huiskamer", db => db.ChangeStories.Select(s => s.Id).FirstAsync());
        var entry = await app.InDbAsync("huiskamer", db => db.LogEntries.Where(e => e.Kind == LogEntryKind.Story).Select(e => e.Id).FirstAsync());
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/verhalen/{story}/wijzigen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/verhalen/nieuw?uitLogboek={entry}")).StatusCode);
        var choose = await PostAsync(other, "/groene-spijker/verhalen/kiezen?periode=2019-Q1", new()
        {
            ["Domain"] = "Contact", ["StoryId"] = story.ToString(), ["Reasons"] = "stiekem", ["FormKey"] = Guid.NewGuid().ToString(),
        }, "Choose");
        Assert.Equal(HttpStatusCode.NotFound, choose.StatusCode);
        Assert.DoesNotContain(story.ToString(), (await other.GetPageAsync("/groene-spijker/verhalen")).Body!.InnerHtml);
    }

    [Fact]
    public async Task AVolunteerKeepsToTheLogbookAndOnlyTheCoordinatorChooses()
    {
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync("/huiskamer/verhalen"))).StatusCode);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.OK, (await wijkverbinder.Http.GetAsync("/huiskamer/verhalen")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wijkverbinder.FollowAsync(await wijkverbinder.Http.GetAsync("/huiskamer/verhalen/kiezen"))).StatusCode);
        Assert.Null((await wijkverbinder.GetPageAsync("/huiskamer/verhalen")).QuerySelector("#naar-kiezen"));
    }
}
