using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.Surveys;
using Wijkbasis.Infrastructure.Secrets;
using A = Wijkbasis.Features.Surveys.LonelinessAnswer;

namespace Wijkbasis.Tests.Features.Surveys;

/// <summary>Surveys (issue 16): a worker takes an instrument with a resident, the results appear only at group level (5 or
/// more), another enterprise gets 404, a volunteer is refused, anonymous single-use links, custom surveys. One app for all
/// (each test uses its own round names and residents).</summary>
public sealed class SurveysTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static string Today => DateTime.Today.ToString("yyyy-MM-dd");

    private async Task<HttpResponseMessage> PostAsync(HtmlClient client, string url, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await client.TokenAsync(url);
        return await client.PostRawAsync(url, values);
    }

    private static Dictionary<string, string> Six(string round, params string[] answers)
    {
        var values = new Dictionary<string, string> { ["TakenOn"] = Today, ["Round"] = round };
        for (var i = 0; i < answers.Length; i++)
        {
            values[$"Input.Item[{i}]"] = answers[i];
        }
        return values;
    }

    private Task<int> ResponsesAsync(Guid person) => app.InDbAsync("huiskamer", db => db.SurveyResponses.CountAsync(r => r.PersonId == person));

    /// <summary>Stores a response as the pages would (sealed), without the form: for group figures that need many.</summary>
    private Task<int> SeedAsync(Instrument instrument, string round, Guid? person, AnswerSet answers) => app.InScopeAsync("huiskamer", async services =>
    {
        var db = services.GetRequiredService<WijkbasisDb>();
        var cipher = services.GetRequiredService<FieldCipher>();
        var response = new SurveyResponse
        {
            Instrument = instrument, PersonId = person, Round = round, TakenOn = DateOnly.FromDateTime(DateTime.Today),
            ByName = "test", CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime, Answers = null!,
        };
        response.Answers = cipher.Seal(answers.ToJson(), response, SurveyResponse.AnswersField)!;
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync();
        return 0;
    });

    private static AnswerSet SixAnswers(params A?[] answers) => new() { Items = [.. answers] };

    private static string Cell(AngleSharp.Html.Dom.IHtmlDocument page, string round, string figure) =>
        page.QuerySelector($"#per-ronde tr[data-round='{round}'] [data-figure='{figure}']")!.TextContent.Trim();

    [Fact]
    public async Task AWijkverbinderTakesTheScaleWithAResidentAndThePersonsPageShowsNoScore()
    {
        var person = await PersonIdAsync(app, 1);
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var details = await client.GetPageAsync($"/huiskamer/mensen/{person}");
        Assert.NotNull(details.QuerySelector("#meting-link"));
        var url = $"/huiskamer/mensen/{person}/meting?instrument=DeJongGierveld6";

        var saved = await PostAsync(client, url, Six("Voormeting", "Ja", "MinOfMeer", "Nee", "Ja", "MinOfMeer", "Nee"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/huiskamer/mensen/{person}", saved.Headers.Location!.ToString());
        var stored = await app.InDbAsync("huiskamer", db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.PersonId == person));
        Assert.Equal("Voormeting", stored.Round);
        Assert.DoesNotContain("MinOfMeer", stored.Answers.Stored, StringComparison.Ordinal);
        var after = await client.FollowAsync(saved);
        var html = await after.Content.ReadAsStringAsync();
        Assert.Contains("alleen als groepscijfer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("eenzaam", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("score", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MissingOutOfRangeAndUnreadableAnswersAreRefusedInDutchAndNothingIsSaved()
    {
        var person = await PersonIdAsync(app, 2);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/mensen/{person}/meting?instrument=DeJongGierveld6";

        var missing = await PostAsync(client, url, Six("", "Ja", "", "Bogus", "Ja", "Nee", "Nee"));
        var errors = await ErrorsAsync(missing);
        var ladder = await PostAsync(client, $"/huiskamer/mensen/{person}/meting?instrument=Participatieladder",
            new() { ["TakenOn"] = Today, ["Input.Rung"] = "7" });
        var future = await PostAsync(client, url, new(Six("", "Ja", "Ja", "Ja", "Ja", "Ja", "Ja")) { ["TakenOn"] = DateTime.Today.AddDays(3).ToString("yyyy-MM-dd") });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Kies bij vraag 2 een antwoord", errors, StringComparison.Ordinal);
        Assert.Contains("Kies bij vraag 3 een antwoord uit de lijst", errors, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, ladder.StatusCode);
        Assert.Contains("Kies een trede van 1 tot en met 6", await ErrorsAsync(ladder), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(0, await ResponsesAsync(person));
    }

    [Fact]
    public async Task ADoubleSubmittedFormSavesOnceAndNoAnswerCountsAsMissing()
    {
        var person = await PersonIdAsync(app, 3);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/mensen/{person}/meting?instrument=DeJongGierveld6";
        var page = await client.GetPageAsync(url);
        var values = Six("", "Ja", "Geen", "Nee", "Ja", "Ja", "Ja");
        values["FormKey"] = page.QuerySelector("input[name=FormKey]")!.GetAttribute("value")!;
        values["__RequestVerificationToken"] = HtmlClient.TokenOf(page);

        var first = await client.PostRawAsync(url, values);
        var second = await client.PostRawAsync(url, values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await ResponsesAsync(person));
    }

    [Fact]
    public async Task FourAnswersShowLessThanFiveAndTheFifthShowsTheGroupFigures()
    {
        var round = "Groep-" + Guid.NewGuid().ToString("N")[..6];
        // Totals 4, 0, 6, 2 (the fifth: 3): mean of five = 15 / 5 = 3.00; lonely (≥ 2): 4 of 5 = 80%.
        await SeedAsync(Instrument.DeJongGierveld6, round, null, SixAnswers(A.Ja, A.MinOfMeer, A.Nee, A.Ja, A.MinOfMeer, A.Nee));
        await SeedAsync(Instrument.DeJongGierveld6, round, null, SixAnswers(A.Nee, A.Nee, A.Nee, A.Ja, A.Ja, A.Ja));
        await SeedAsync(Instrument.DeJongGierveld6, round, null, SixAnswers(A.Ja, A.Ja, A.Ja, A.Nee, A.Nee, A.Nee));
        await SeedAsync(Instrument.DeJongGierveld6, round, null, SixAnswers(A.Ja, A.Ja, A.Nee, A.Ja, A.Ja, A.Ja));
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var four = await coordinator.GetPageAsync("/huiskamer/metingen?instrument=DeJongGierveld6");
        Assert.Equal("< 5", Cell(four, round, "total"));
        Assert.Equal("< 5", Cell(four, round, "social"));
        Assert.Equal("< 5", Cell(four, round, "emotional"));
        Assert.Equal("< 5", Cell(four, round, "lonely"));

        await SeedAsync(Instrument.DeJongGierveld6, round, null, SixAnswers(A.Ja, A.Ja, A.Ja, A.Ja, A.Ja, A.Ja));
        var five = await coordinator.GetPageAsync("/huiskamer/metingen?instrument=DeJongGierveld6");
        Assert.Equal(3.00m.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), Cell(five, round, "total"));
        Assert.Equal("80%", Cell(five, round, "lonely"));
        // Social: 2 + 0 + 3 + 0 + 0 = 5 → 1,00; emotional: 2 + 0 + 3 + 2 + 3 = 10 → 2,00.
        Assert.Equal("1,00", Cell(five, round, "social"));
        Assert.Equal("2,00", Cell(five, round, "emotional"));
    }

    [Fact]
    public async Task PrePostIsShownForFivePeopleWithLadderMovesAndNotForFour()
    {
        var (before, after) = ("Voor-" + Guid.NewGuid().ToString("N")[..6], "Na-" + Guid.NewGuid().ToString("N")[..6]);
        int[] from = [1, 2, 3, 3, 4], to = [2, 2, 4, 1, 4];
        for (var i = 0; i < from.Length; i++)
        {
            var person = await PersonIdAsync(app, 6 + i);
            await SeedAsync(Instrument.Participatieladder, before, person, new AnswerSet { Rung = from[i] });
            if (i < 4)
            {
                await SeedAsync(Instrument.Participatieladder, after, person, new AnswerSet { Rung = to[i] });
            }
        }
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/metingen?instrument=Participatieladder&van={before}&naar={after}";

        var four = await coordinator.GetPageAsync(url);
        Assert.Equal("< 5", four.QuerySelector("[data-figure=pairs]")!.TextContent.Trim());
        Assert.Equal("< 5", four.QuerySelector("[data-figure=moves]")!.TextContent.Trim());
        Assert.Equal("< 5", four.QuerySelector("[data-figure=change]")!.TextContent.Trim());

        await SeedAsync(Instrument.Participatieladder, after, await PersonIdAsync(app, 10), new AnswerSet { Rung = to[4] });
        var five = await coordinator.GetPageAsync(url);
        Assert.Equal("5", five.QuerySelector("[data-figure=pairs]")!.TextContent.Trim());
        // Up 2 (1→2, 3→4), same 2, down 1 (3→1); mean change (1 + 0 + 1 − 2 + 0) / 5 = 0,00; up 2 of 5 = 40%.
        Assert.Equal("2 · 2 · 1", five.QuerySelector("[data-figure=moves]")!.TextContent.Trim());
        Assert.Equal("0,00", five.QuerySelector("[data-figure=change]")!.TextContent.Trim());
        Assert.Equal("40%", five.QuerySelector("[data-figure=improved]")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnotherEnterpriseGets404AndAVolunteerIsRefused()
    {
        var person = await PersonIdAsync(app, 4);
        var survey = await SurveysSamples.SurveyAsync(app);
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/mensen/{person}/meting?instrument=DeJongGierveld6")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/metingen/vragenlijsten/{survey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/metingen?instrument=Custom&vragenlijst={survey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/metingen/links?instrument=Custom&vragenlijst={survey}")).StatusCode);

        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync($"/huiskamer/mensen/{person}/meting"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync("/huiskamer/metingen"))).StatusCode);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Forbidden, (await wijkverbinder.FollowAsync(await wijkverbinder.Http.GetAsync("/huiskamer/metingen"))).StatusCode);
    }

    [Fact]
    public async Task AnAnonymousLinkWorksOnceRefusesBadInputAndExpiredLinksAndShowsNoOtherAnswers()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var made = await PostAsync(coordinator, "/huiskamer/metingen/links?instrument=DeJongGierveld6", new() { ["Count"] = "2", ["Days"] = "14", ["Round"] = "Buurtfeest" });
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var sheet = await HtmlClient.ParseAsync(made);
        var urls = sheet.QuerySelectorAll("#qr-codes a").Select(a => new Uri(a.GetAttribute("href")!).PathAndQuery).ToList();
        Assert.Equal(2, urls.Count);
        Assert.Equal(2, sheet.QuerySelectorAll("#qr-codes svg").Length);
        var resident = HtmlClient.For(app);
        var count = () => app.InDbAsync("huiskamer", db => db.SurveyResponses.CountAsync(r => r.Round == "Buurtfeest"));

        var form = await resident.GetPageAsync(urls[0]);
        Assert.Equal(6, form.QuerySelectorAll("fieldset").Length);
        Assert.DoesNotContain("Buurtfeest", form.Body!.TextContent, StringComparison.Ordinal);
        var token = HtmlClient.TokenOf(form);
        var bad = await resident.PostRawAsync(urls[0], new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Item[0]"] = "Ja" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Kies bij vraag 2 een antwoord", await ErrorsAsync(bad), StringComparison.Ordinal);
        Assert.Equal(0, await count());

        var good = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        for (var i = 0; i < 6; i++)
        {
            good[$"Input.Item[{i}]"] = "Nee";
        }
        var first = await resident.PostRawAsync(urls[0], good);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var thanks = await resident.FollowAsync(first);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Contains("Dank u wel", await thanks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await resident.PostRawAsync(urls[0], good);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("al gebruikt", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await resident.Http.GetAsync(urls[0])).StatusCode);
        var stored = await app.InDbAsync("huiskamer", db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.Round == "Buurtfeest"));
        Assert.Null(stored.PersonId);
        Assert.NotNull(stored.LinkId);

        await app.InDbAsync("huiskamer", db => db.SurveyLinks.Where(l => l.UsedAt == null && l.Round == "Buurtfeest")
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.Gone, (await resident.Http.GetAsync(urls[1])).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await resident.PostRawAsync(urls[1], good)).StatusCode);
        Assert.Equal(1, await count());
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.GetAsync("/enquete/huiskamer/ditisgeengeldigetoken")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.GetAsync(urls[1].Replace("/huiskamer/", "/groene-spijker/", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task ACoordinatorBuildsASurveyInDutchAndEnglishAndAWorkerTakesIt()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = "/huiskamer/metingen/vragenlijsten/nieuw";
        var refused = await PostAsync(coordinator, url, new()
        {
            ["TitleNl"] = "Buurtpeiling", ["Questions[0].Kind"] = "Number", ["Questions[0].TextNl"] = "Hoeveel buren kent u?",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("het laagste en hoogste getal", await ErrorsAsync(refused), StringComparison.Ordinal);
        Assert.False(await app.InDbAsync("huiskamer", db => db.Surveys.AnyAsync(s => s.TitleNl == "Buurtpeiling")));

        var made = await PostAsync(coordinator, url, new()
        {
            ["TitleNl"] = "Buurtpeiling", ["TitleEn"] = "Neighbourhood poll",
            ["Questions[0].Kind"] = "Number", ["Questions[0].TextNl"] = "Hoeveel buren kent u?", ["Questions[0].Min"] = "0", ["Questions[0].Max"] = "50", ["Questions[0].Required"] = "true",
            ["Questions[1].Kind"] = "SeveralChoices", ["Questions[1].TextNl"] = "Waar ziet u ze?", ["Questions[1].TextEn"] = "Where do you see them?",
            ["Questions[1].ChoicesNl"] = "Straat\nHuiskamer\nSchool", ["Questions[1].ChoicesEn"] = "Street\nLiving room\nSchool",
            ["Questions[2].Kind"] = "ShortText", ["Questions[2].TextNl"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var survey = await app.InDbAsync("huiskamer", db => db.Surveys.SingleAsync(s => s.TitleNl == "Buurtpeiling"));
        var questions = await app.InDbAsync("huiskamer", db => db.SurveyQuestions.Where(q => q.SurveyId == survey.Id).OrderBy(q => q.Position).ToListAsync());
        Assert.Equal(2, questions.Count);
        Assert.Equal("Neighbourhood poll", survey.TitleEn);

        var person = await PersonIdAsync(app, 5);
        var take = $"/huiskamer/mensen/{person}/meting?instrument=Custom&vragenlijst={survey.Id}";
        var outOfRange = await PostAsync(coordinator, take, new() { ["TakenOn"] = Today, [$"Input.Answer[{questions[0].Id}]"] = "51", [$"Input.Answer[{questions[1].Id}]"] = "7" });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        var errors = await ErrorsAsync(outOfRange);
        Assert.Contains("Vul bij vraag 1 een heel getal in van 0 tot en met 50", errors, StringComparison.Ordinal);
        Assert.Contains("Kies bij vraag 2 uit de keuzes", errors, StringComparison.Ordinal);
        Assert.Equal(0, await ResponsesAsync(person));
        var ok = await PostAsync(coordinator, take, new() { ["TakenOn"] = Today, [$"Input.Answer[{questions[0].Id}]"] = "12", [$"Input.Answer[{questions[1].Id}]"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(1, await ResponsesAsync(person));

        var results = await coordinator.GetPageAsync($"/huiskamer/metingen?instrument=Custom&vragenlijst={survey.Id}");
        Assert.Contains("< 5", results.QuerySelector("#per-vraag")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("12", results.QuerySelector("#per-vraag tbody")!.TextContent.Replace("1 ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
