using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.Logbook.LogbookApp;

namespace Wijkbasis.Tests.Features.Logbook;

public sealed class CheckInTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static Dictionary<string, string> Person(Guid id) => new() { ["PersonId"] = id.ToString() };

    [Fact]
    public async Task ACoordinatorChecksInAPersonWithOneTapAndTheAuditRowIsInTheSameSave()
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(client, session, "CheckIn", Person(person));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var checkIn = await app.InDbAsync("huiskamer", db => db.CheckIns.SingleAsync(c => c.SessionId == session));
        Assert.Equal(person, checkIn.PersonId);
        var audit = await app.InDbAsync("huiskamer", db => db.AuditEntries.SingleAsync(a => a.EntityId == checkIn.Id.ToString()));
        Assert.Equal(("CheckIn", "create", person), (audit.EntityType, audit.Action, audit.PersonId!.Value));
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("is aangemeld", page.Body!.TextContent);
        Assert.Contains("1 aangemeld", page.QuerySelector("#totaal")!.TextContent);
    }

    [Fact]
    public async Task CheckingInTheSamePersonTwiceIsRefusedWithAClearMessage()
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 1);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await PostAsync(client, session, "CheckIn", Person(person));

        var again = await PostAsync(client, session, "CheckIn", Person(person));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("is al aangemeld voor deze sessie", await AlertTextAsync(again));
        Assert.Equal(1, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task AnEnglishReaderIsToldInEnglishWhoIsAlreadyCheckedIn()
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 4);
        var name = await app.InDbAsync("huiskamer", db => db.People.Where(p => p.Id == person).Select(p => p.Name).SingleAsync());
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/sessies/{session}";
        await client.SubmitAsync(url, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = url }, formAction: "/taal");
        await PostAsync(client, session, "CheckIn", Person(person));

        var again = await PostAsync(client, session, "CheckIn", Person(person));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var alert = await AlertTextAsync(again);
        Assert.Contains($"{name} is already checked in for this session.", alert);
        Assert.DoesNotContain("is al aangemeld", alert);
    }

    [Fact]
    public async Task TwentySimultaneousCheckInsOfOnePersonStoreExactlyOne()
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 2);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/sessies/{session}";
        var token = await TokenAsync(client, url);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostRawAsync($"{url}?handler=CheckIn",
            new Dictionary<string, string> { ["PersonId"] = person.ToString(), ["__RequestVerificationToken"] = token })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        var stored = await app.InDbAsync("huiskamer", db => db.CheckIns.SingleAsync(c => c.SessionId == session));
        // The refused attempts rolled back with their audit rows: one check-in, one audit row.
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityId == stored.Id.ToString())));
    }

    [Fact]
    public async Task UndoRemovesTheCheckInAndIsAudited()
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 3);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await PostAsync(client, session, "CheckIn", Person(person));
        var checkIn = await app.InDbAsync("huiskamer", db => db.CheckIns.SingleAsync(c => c.SessionId == session));

        var undo = await PostAsync(client, session, "Undo", new() { ["RecordId"] = checkIn.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal(0, await CheckInsAsync(app, session));
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityId == checkIn.Id.ToString() && a.Action == "delete")));
        // The person can be checked in again after an undo.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, session, "CheckIn", Person(person))).StatusCode);
    }

    [Theory]
    [InlineData("cancelled", "Deze sessie is afgelast")]
    [InlineData("future", "Deze sessie is nog niet begonnen")]
    public async Task CheckingInToACancelledOrFutureSessionIsRefused(string kind, string message)
    {
        var session = kind == "cancelled"
            ? await NewSessionAsync(app, cancelled: true)
            : await NewSessionAsync(app, startedAgo: TimeSpan.FromHours(-3));
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(client, session, "CheckIn", Person(await PersonIdAsync(app)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await AlertTextAsync(response) + (await HtmlClient.ParseAsync(response)).Body!.TextContent);
        Assert.Equal(0, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task APersonOfAnotherEnterpriseCannotBeCheckedIn()
    {
        var session = await NewSessionAsync(app);
        var stranger = await PersonIdAsync(app, 0, "groene-spijker");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(client, session, "CheckIn", Person(stranger));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Deze persoon staat niet in het register.", await AlertTextAsync(response));
        Assert.Equal(0, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task AnotherEnterprisesSessionIdIsNotFoundAndTheAttemptIsAudited()
    {
        var theirs = await NewSessionAsync(app, "groene-spijker");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var token = await TokenAsync(client, "/huiskamer/vandaag");

        var get = await client.Http.GetAsync($"/huiskamer/sessies/{theirs}");
        var post = await client.PostRawAsync($"/huiskamer/sessies/{theirs}?handler=CheckIn", new Dictionary<string, string>
        {
            ["PersonId"] = (await PersonIdAsync(app)).ToString(), ["__RequestVerificationToken"] = token,
        });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await CheckInsAsync(app, theirs, "groene-spijker"));
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityId == theirs.ToString() && a.Outcome == "not-found")));
    }

    [Fact]
    public async Task TypeAheadFindsPeopleByNameOrPostcodeAndMarksWhoIsAlreadyIn()
    {
        var session = await NewSessionAsync(app);
        var person = await app.InDbAsync("huiskamer", db => db.People.Where(p => p.Postcode != null && p.ArchivedAt == null).OrderBy(p => p.Name).ThenBy(p => p.Id).FirstAsync());
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await PostAsync(client, session, "CheckIn", Person(person.Id));

        var byName = await client.Http.GetStringAsync($"/huiskamer/sessies/{session}?handler=Search&q={Uri.EscapeDataString(person.Name.ToUpperInvariant())}");
        var byPostcode = await client.Http.GetStringAsync($"/huiskamer/sessies/{session}?handler=Search&q={person.Postcode!.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}");

        Assert.Contains(person.Name, byName);
        Assert.Contains("aangemeld", byName);
        Assert.Contains(person.Name, byPostcode);
        Assert.DoesNotContain("<html", byName);
    }

    [Fact]
    public async Task LookingAtALogbookIsAudited()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.GetPageAsync($"/huiskamer/sessies/{session}");
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityType == "Session" && a.EntityId == session.ToString() && a.Action == "view")));
    }

    [Fact]
    public async Task ANewPersonIsAddedOnTheSpotWithConsentAndCheckedIn()
    {
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        var hosted = await NewSessionAsync(app, hostEmail: Volunteer);

        var response = await PostAsync(client, hosted, "NewPerson", new()
        {
            ["NewPerson.Name"] = "Nadia Nieuwkomer", ["NewPerson.BirthYear"] = "1988", ["NewPerson.Postcode"] = "6822aa", ["NewPerson.Consent"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = Assert.Single(await FindAsync(app, "Nadia Nieuwkomer"));
        Assert.Equal("6822 AA", person.Postcode);
        Assert.Equal(1, await CheckInsAsync(app, hosted));
        Assert.True(await app.InDbAsync("huiskamer", db => db.Consents.AnyAsync(c => c.PersonId == person.Id && c.Given)));
    }

    [Fact]
    public async Task ANewPersonWithoutConsentIsNotRegistered()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(client, session, "NewPerson", new() { ["NewPerson.Name"] = "Zonder Toestemming" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vraag eerst of het goed is", await AlertTextAsync(response));
        Assert.Empty(await FindAsync(app, "Zonder Toestemming"));
        Assert.Equal(0, await CheckInsAsync(app, session));
    }
}
