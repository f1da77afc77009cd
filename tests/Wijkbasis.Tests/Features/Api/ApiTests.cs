using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Api;

namespace Wijkbasis.Tests.Features.Api;

/// <summary>The app for the API tests: the seeded template, with a low limit per key so the 429 is cheap to reach.</summary>
public sealed class ApiApp : WijkbasisFactory
{
    public const int PerMinute = 25;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:RequestsPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The public API /api/v1 (issue 18, docs/decisions/0033): keys per enterprise with scopes, the same tenancy,
/// rules and audit rows as the pages, problem details in Dutch and English, and an OpenAPI document an independent
/// validator accepts. One app for the class; each test makes the keys and sessions it needs.</summary>
public sealed class ApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Root = "/api/v1";

    /// <summary>A key of the enterprise with these scopes, stored as the page stores it (only the hash).</summary>
    private Task<string> KeyAsync(string enterprise = "huiskamer", params string[] scopes) => app.InDbAsync(enterprise, async db =>
    {
        var key = ApiKeys.New();
        db.ApiTokens.Add(new ApiToken
        {
            Name = "Test " + Guid.NewGuid().ToString("N")[..6], Prefix = ApiKeys.PrefixOf(key)!, Hash = ApiKeys.HashOf(key),
            Scopes = string.Join(' ', scopes.Length == 0 ? ApiScopes.All.Select(s => s.Scope) : scopes), CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime, CreatedByName = "test",
        });
        await db.SaveChangesAsync();
        return key;
    });

    private HttpClient Client(string? key, string? language = null)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task ARequestWithoutAKeyOrWithAMadeUpKeyAnswers401InDutch()
    {
        var none = await ProblemAsync(await Client(null).GetAsync($"{Root}/activities"), HttpStatusCode.Unauthorized);
        Assert.Equal("Geen geldige API-sleutel.", none.GetProperty("title").GetString());

        var madeUp = await Client(ApiKeys.New()).GetAsync($"{Root}/activities");
        await ProblemAsync(madeUp, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", madeUp.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task TheCoordinatorMakesAKeyThatIsShownOnceAndWorksAndARevokedKeyAnswers401()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = await coordinator.GetPageAsync("/huiskamer/api-sleutels");
        var form = HtmlClient.FindForm(page, null);
        var made = await coordinator.PostRawAsync("/huiskamer/api-sleutels", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlClient.TokenOf(form), ["FormKey"] = form.QuerySelector("[name=FormKey]")!.GetAttribute("value")!,
            ["Name"] = "Gemeentedashboard", ["Scopes"] = ApiScopes.LogbookRead,
        });
        var shown = await HtmlClient.ParseAsync(made);
        var key = shown.QuerySelector("#nieuwe-sleutel code")!.TextContent.Trim();
        Assert.StartsWith(ApiKeys.Marker, key);
        // Only the hash is kept, and the list never shows the key again.
        var stored = await app.InDbAsync("huiskamer", db => db.ApiTokens.SingleAsync(t => t.Name == "Gemeentedashboard"));
        Assert.Equal(ApiKeys.HashOf(key), stored.Hash);
        Assert.DoesNotContain(key, (await coordinator.GetPageAsync("/huiskamer/api-sleutels")).Body!.InnerHtml);
        Assert.Equal(HttpStatusCode.OK, (await Client(key).GetAsync($"{Root}/activities")).StatusCode);
        Assert.NotNull(await app.InDbAsync("huiskamer", db => db.ApiTokens.Where(t => t.Id == stored.Id).Select(t => t.LastUsedAt).SingleAsync()));

        var list = await coordinator.GetPageAsync("/huiskamer/api-sleutels");
        var revoke = HtmlClient.FindForm(list, stored.Id.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostRawAsync(revoke.Action, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlClient.TokenOf(revoke),
        })).StatusCode);

        await ProblemAsync(await Client(key).GetAsync($"{Root}/activities"), HttpStatusCode.Unauthorized);
        var audited = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.EntityType == nameof(ApiToken) && a.EntityId == stored.Id.ToString())
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(["create", "update"], audited.Order());
    }

    [Fact]
    public async Task AVolunteerCannotOpenThePageOfKeys()
    {
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        var response = await volunteer.FollowAsync(await volunteer.Http.GetAsync("/huiskamer/api-sleutels"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AKeyWithoutTheScopeAnswers403InTheLanguageAsked()
    {
        var key = await KeyAsync("huiskamer", ApiScopes.TalentsRead);
        Assert.Equal(HttpStatusCode.OK, (await Client(key).GetAsync($"{Root}/talents")).StatusCode);

        var dutch = await ProblemAsync(await Client(key).GetAsync($"{Root}/sessions"), HttpStatusCode.Forbidden);
        Assert.Equal("Niet toegestaan.", dutch.GetProperty("title").GetString());
        var english = await ProblemAsync(await PostJsonAsync(Client(key, "en-GB,en;q=0.9"), $"{Root}/sessions/{Guid.NewGuid()}/head-counts", "{\"adults\":1}"),
            HttpStatusCode.Forbidden);
        Assert.Equal("Not allowed.", english.GetProperty("title").GetString());
        Assert.Contains("not allowed", english.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnotherEnterprisesIdsAnswer404AndItsRowsAreNotListed()
    {
        var theirs = await app.NewSessionAsync("groene-spijker", name: "Hun ochtend");
        var theirActivity = await app.InDbAsync("groene-spijker", db => db.Sessions.Where(s => s.Id == theirs).Select(s => s.ActivityId).SingleAsync());
        var person = await PersonIdAsync(app, 20);
        var client = Client(await KeyAsync());

        await ProblemAsync(await client.GetAsync($"{Root}/sessions/{theirs}"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync($"{Root}/activities/{theirActivity}"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync($"{Root}/sessions/{theirs}/check-ins"), HttpStatusCode.NotFound);
        await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{theirs}/check-ins", $"{{\"personId\":\"{person}\"}}"), HttpStatusCode.NotFound);
        await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{theirs}/head-counts", "{\"adults\":2}"), HttpStatusCode.NotFound);

        var day = await app.InDbAsync("groene-spijker", db => db.Sessions.Where(s => s.Id == theirs).Select(s => s.OccurrenceDate).SingleAsync());
        var listed = await client.GetStringAsync($"{Root}/sessions?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&pageSize=100");
        Assert.DoesNotContain(theirs.ToString(), listed);
        Assert.Equal(0, await app.InDbAsync("groene-spijker", db => db.CheckIns.CountAsync(c => c.SessionId == theirs)));
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityId == theirs.ToString() && a.Outcome == "not-found")));
    }

    [Fact]
    public async Task ACheckInThroughTheApiWritesTheSameRowsAsThePageAndARepeatAnswers409()
    {
        var session = await app.NewSessionAsync();
        var person = await PersonIdAsync(app, 21);
        var client = Client(await KeyAsync("huiskamer", ApiScopes.LogbookRead, ApiScopes.LogbookWrite));

        var made = await PostJsonAsync(client, $"{Root}/sessions/{session}/check-ins", $"{{\"personId\":\"{person}\"}}");

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var checkIn = await app.InDbAsync("huiskamer", db => db.CheckIns.SingleAsync(c => c.SessionId == session));
        Assert.Equal(person, checkIn.PersonId);
        Assert.StartsWith("API-sleutel Test", checkIn.ByName);
        var audit = await app.InDbAsync("huiskamer", db => db.AuditEntries.SingleAsync(a => a.EntityId == checkIn.Id.ToString()));
        Assert.Equal(("CheckIn", "create", person), (audit.EntityType, audit.Action, audit.PersonId!.Value));
        Assert.StartsWith("API-sleutel Test", audit.UserName);

        var again = await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{session}/check-ins", $"{{\"personId\":\"{person}\"}}"),
            HttpStatusCode.Conflict);
        Assert.Contains("is al aangemeld voor deze sessie", again.GetProperty("detail").GetString());
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.CheckIns.CountAsync(c => c.SessionId == session)));

        // Reading who came is a look at people, logged as on the page.
        var list = JsonDocument.Parse(await client.GetStringAsync($"{Root}/sessions/{session}/check-ins")).RootElement;
        Assert.Equal(person, list.GetProperty("items")[0].GetProperty("personId").GetGuid());
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityId == session.ToString() && a.Action == "view" && a.PersonId == person)));
    }

    [Fact]
    public async Task TheApiRefusesWhatThePageRefuses()
    {
        var cancelled = await app.NewSessionAsync(cancelled: true);
        var future = await app.NewSessionAsync(startedAgo: TimeSpan.FromDays(-2));
        var person = await PersonIdAsync(app, 22);
        var client = Client(await KeyAsync("huiskamer", ApiScopes.LogbookWrite));

        var refusedCheckIn = await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{cancelled}/check-ins", $"{{\"personId\":\"{person}\"}}"),
            HttpStatusCode.BadRequest);
        Assert.Contains("afgelast", refusedCheckIn.GetProperty("detail").GetString());
        var refusedCount = await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{future}/head-counts", "{\"adults\":3}"), HttpStatusCode.BadRequest);
        Assert.Contains("nog niet begonnen", refusedCount.GetProperty("detail").GetString());
        var open = await app.NewSessionAsync();
        var unknownPerson = await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{open}/check-ins", $"{{\"personId\":\"{Guid.NewGuid()}\"}}"),
            HttpStatusCode.BadRequest);
        Assert.Contains("staat niet in het register", unknownPerson.GetProperty("detail").GetString());

        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.CheckIns.CountAsync(c => c.SessionId == cancelled || c.SessionId == future || c.SessionId == open)));
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.HeadCounts.CountAsync(h => h.SessionId == cancelled || h.SessionId == future)));
    }

    [Fact]
    public async Task AHeadCountIsCheckedAsOnThePageWithTheErrorsPerFieldInEnglishWhenAsked()
    {
        var session = await app.NewSessionAsync();
        var client = Client(await KeyAsync("huiskamer", ApiScopes.LogbookWrite, ApiScopes.LogbookRead), "en");

        var bad = await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{session}/head-counts", "{\"children\":0,\"adults\":501}"), HttpStatusCode.BadRequest);
        Assert.Equal("For 18–64 years, enter a number from 0 to 500.", bad.GetProperty("errors").GetProperty("adults")[0].GetString());
        var empty = await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{session}/head-counts", "{}"), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("children", out _));
        var unreadable = await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{session}/head-counts", "{\"teens\":\"veel\"}"), HttpStatusCode.BadRequest);
        Assert.True(unreadable.GetProperty("errors").TryGetProperty("teens", out _));
        var unknownField = await ProblemAsync(await PostJsonAsync(client, $"{Root}/sessions/{session}/head-counts", "{\"adluts\":3}"), HttpStatusCode.BadRequest);
        Assert.True(unknownField.GetProperty("errors").TryGetProperty("adluts", out _));
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.HeadCounts.CountAsync(h => h.SessionId == session)));

        var made = await PostJsonAsync(client, $"{Root}/sessions/{session}/head-counts", "{\"children\":2,\"seniors\":1}");

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var count = await app.InDbAsync("huiskamer", db => db.HeadCounts.SingleAsync(h => h.SessionId == session));
        Assert.Equal((2, 0, 0, 1), (count.Children, count.Teens, count.Adults, count.Seniors));
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityType == "HeadCount" && a.EntityId == count.Id.ToString() && a.Action == "create")));
        var listed = JsonDocument.Parse(await client.GetStringAsync($"{Root}/sessions/{session}/head-counts")).RootElement;
        Assert.Equal(3, listed.GetProperty("items")[0].GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListsArePagedAndReadAsTheEnterprisesOwn()
    {
        var client = Client(await KeyAsync("huiskamer", ApiScopes.LogbookRead, ApiScopes.BookingsRead, ApiScopes.TalentsRead));

        var first = JsonDocument.Parse(await client.GetStringAsync($"{Root}/activities?pageSize=2")).RootElement;
        var second = JsonDocument.Parse(await client.GetStringAsync($"{Root}/activities?pageSize=2&page=2")).RootElement;

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("id").GetGuid(), second.GetProperty("items")[0].GetProperty("id").GetGuid());
        var bad = await ProblemAsync(await client.GetAsync($"{Root}/activities?pageSize=1000"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("pageSize", out _));
        var unreadable = await ProblemAsync(await client.GetAsync($"{Root}/sessions?from=2026-02-30&page=abc"), HttpStatusCode.BadRequest);
        Assert.True(unreadable.GetProperty("errors").TryGetProperty("from", out _));
        Assert.True(unreadable.GetProperty("errors").TryGetProperty("page", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Root}/bookings?from=2026-01-01&to=2026-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Root}/matches")).StatusCode);
        await ProblemAsync(await client.GetAsync($"{Root}/nergens"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheIndicatorsAreTheEnterprisesRowOfTheMunicipalViewWithTheSameHiddenCells()
    {
        var client = Client(await KeyAsync("huiskamer", ApiScopes.AggregatesRead));
        var year = TimeProvider.System.GetUtcNow().Year;

        var set = JsonDocument.Parse(await client.GetStringAsync($"{Root}/indicators?period={year}")).RootElement;

        var cube = await app.InScopeAsync(null, async services =>
        {
            var loader = services.GetRequiredService<Wijkbasis.Features.MunicipalView.MunicipalCubeLoader>();
            var municipality = await services.GetRequiredService<Wijkbasis.Data.WijkbasisDb>().Enterprises.Where(e => e.Slug == "huiskamer")
                .Select(e => e.MunicipalityId).SingleAsync();
            return (await loader.LoadAsync(municipality, year, CancellationToken.None)).Ready;
        });
        var unit = cube.FindUnit(Wijkbasis.Features.MunicipalView.UnitKind.Enterprise, "huiskamer")!;
        foreach (var item in set.GetProperty("indicators").EnumerateArray())
        {
            var indicator = Wijkbasis.Features.Impact.IndicatorRegistry.Get(item.GetProperty("id").GetString()!);
            var cell = cube.Cell(indicator, unit, Wijkbasis.Features.Impact.ImpactPeriod.Year(year));
            Assert.Equal(cell.State != Wijkbasis.Features.Impact.CellState.Shown, item.GetProperty("hidden").GetBoolean());
        }
        Assert.Equal(Wijkbasis.Features.Impact.IndicatorRegistry.All.Count, set.GetProperty("indicators").GetArrayLength());
        await ProblemAsync(await client.GetAsync($"{Root}/indicators?period=gisteren"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AKeyThatCallsTooOftenAnswers429AsAProblem()
    {
        var client = Client(await KeyAsync("huiskamer", ApiScopes.TalentsRead));
        for (var i = 0; i < ApiApp.PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Root}/talents")).StatusCode);
        }

        var refused = await ProblemAsync(await client.GetAsync($"{Root}/talents"), HttpStatusCode.TooManyRequests);

        Assert.Equal("Te veel verzoeken.", refused.GetProperty("title").GetString());
        // Another key of the same enterprise is not held back.
        Assert.Equal(HttpStatusCode.OK, (await Client(await KeyAsync("huiskamer", ApiScopes.TalentsRead)).GetAsync($"{Root}/talents")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentPassesAnIndependentValidatorAndTheDocsPageListsEveryOperation()
    {
        var document = await Client(null).GetStringAsync($"{Root}/openapi.json");
        var file = Path.Combine(Path.GetTempPath(), $"wijkbasis-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var (code, output) = Validate(file);
            Assert.True(code == 0, output);
        }
        finally
        {
            File.Delete(file);
        }
        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty($"{Root}/sessions/{{id}}/check-ins", out var checkIns) && checkIns.TryGetProperty("post", out _));

        var docs = await HtmlClient.For(app).GetPageAsync("/api-documentatie");
        var rows = docs.QuerySelectorAll("#bewerkingen tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()), rows.Count);
        Assert.Contains(rows, r => r.Contains("POST") && r.Contains("/check-ins") && r.Contains(ApiScopes.LogbookWrite));
    }

    /// <summary>@apidevtools/swagger-parser (a devDependency of the app's package.json, installed by the build's npm ci),
    /// run with node: exit code 0 when the document is valid OpenAPI.</summary>
    private static (int Code, string Output) Validate(string file)
    {
        var folder = AppFolder();
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "@apidevtools", "swagger-parser")), $"Run 'npm ci' in {folder} first (the build does).");
        using var node = Process.Start(new ProcessStartInfo("node")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
            ArgumentList =
            {
                "-e",
                "require('@apidevtools/swagger-parser').validate(process.argv[1]).then(api => console.log('valid ' + api.openapi), e => { console.error(e.message); process.exit(1); })",
                file,
            },
        })!;
        var output = node.StandardOutput.ReadToEnd() + node.StandardError.ReadToEnd();
        node.WaitForExit();
        return (node.ExitCode, output);
    }

    private static string AppFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Wijkbasis");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("src/Wijkbasis not found above " + AppContext.BaseDirectory);
    }
}
