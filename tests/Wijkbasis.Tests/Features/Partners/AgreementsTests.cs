using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Impact.Indicators;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.Partners;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Partners;

/// <summary>Agreements with funders (issue 17, docs/decisions/0029): targets against the registry's actuals on the agreement
/// page and in the report (a fixed report keeps its targets), reporting dates on the coordinator's Vandaag, bad input,
/// tenancy and roles; and editing and deleting partners' contacts, werkafspraken and organisations. One app for all.</summary>
public sealed class AgreementsTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(TimeProvider.System.GetUtcNow().UtcDateTime, "Europe/Amsterdam"));

    private async Task<HttpResponseMessage> PostAsync(HtmlClient client, string url, Dictionary<string, string> values, string? handler = null)
    {
        values["__RequestVerificationToken"] = await client.TokenAsync(url.Contains('?') ? url[..url.IndexOf('?')] : url);
        return await client.PostRawAsync(handler is null ? url : $"{url}?handler={handler}", values);
    }

    private Task<Guid> OrganisationAsync(string name) =>
        app.AsCaseworkAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    /// <summary>Adds an agreement through its form and answers its id (from the redirect to its page).</summary>
    private async Task<Guid> NewAgreementAsync(HtmlClient client, string title, DateOnly start, DateOnly? end, string kind = "Project")
    {
        var response = await PostAsync(client, "/huiskamer/partners/afspraken/nieuw", new()
        {
            ["Title"] = title, ["Kind"] = kind, ["FunderId"] = (await OrganisationAsync("Sociaal Wijkteam Klarendal")).ToString(),
            ["StartsOn"] = Day(start), ["EndsOn"] = end is { } e ? Day(e) : "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static string Agreement(Guid id) => $"/huiskamer/partners/afspraken/{id}";

    private async Task AddTargetAsync(HtmlClient client, Guid agreement, string indicator, string value, string per) =>
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, Agreement(agreement), new()
        {
            ["TargetIndicator"] = indicator, ["TargetValue"] = value, ["TargetPer"] = per,
        }, "Target")).StatusCode);

    /// <summary>Check-ins by hand in March and April 2019 (no other logbook lies that far back): March three different
    /// people (one of them twice), April two, May none.</summary>
    private Task<int> BuildVisitsAsync() => app.InDbAsync("huiskamer", async db =>
    {
        if (await db.Activities.AnyAsync(a => a.Name == "Doelproef"))
        {
            return 0;
        }
        var people = await db.People.Where(p => p.ArchivedAt == null).OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(20).Take(4).Select(p => p.Id).ToListAsync();
        var at = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var location = new Location { Name = "Doelproef-plek", CreatedAt = at };
        var activity = new Activity { Name = "Doelproef", LocationId = location.Id, Recurrence = Recurrence.Once, StartTime = new(10, 0), EndTime = new(12, 0),
            FirstDate = new(2019, 3, 5), LastDate = new(2019, 3, 5), PlannedUntil = new(2019, 4, 9), IsPublic = false, CreatedAt = at, UpdatedAt = at };
        db.AddRange(location, activity);
        Session S(int m, int d)
        {
            var s = new Session { ActivityId = activity.Id, LocationId = location.Id, OccurrenceDate = new(2019, m, d),
                StartsAt = Clock.FromAmsterdam(new(2019, m, d), new(10, 0)), EndsAt = Clock.FromAmsterdam(new(2019, m, d), new(12, 0)) };
            db.Add(s);
            return s;
        }
        var (march1, march2, april) = (S(3, 5), S(3, 19), S(4, 9));
        foreach (var (session, person) in new[] { (march1, 0), (march1, 1), (march2, 0), (march2, 2), (april, 0), (april, 3) })
        {
            db.Add(new CheckIn { SessionId = session.Id, PersonId = people[person], At = session.StartsAt, ByName = "Proef" });
        }
        return await db.SaveChangesAsync();
    });

    private Task<decimal?> RegistryAsync(string indicator, ImpactPeriod period) => app.InScopeAsync("huiskamer", async services =>
    {
        var tenant = services.GetRequiredService<Wijkbasis.Infrastructure.Tenancy.TenantContext>().TenantId;
        var i = IndicatorRegistry.Get(indicator);
        var figures = await services.GetRequiredService<ImpactCalculator>().ComputeAsync(ImpactScope.Enterprise(tenant), period, false, i, CancellationToken.None);
        return figures.Total.Shown(i);
    });

    [Fact]
    public async Task ATargetsActualPerMonthIsTheRegistrysFigureOnTheAgreementPageAndInTheReport()
    {
        await BuildVisitsAsync();
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewAgreementAsync(coordinator, "Bereik 2019", new(2019, 1, 1), new(2019, 12, 31));
        await AddTargetAsync(coordinator, id, Reach.Persons, "3", "Month");

        var page = await coordinator.GetPageAsync(Agreement(id));
        string Actual(AngleSharp.Dom.IParentNode node, string period) => node.QuerySelector($"tr[data-period='{period}'] .wb-actual")!.TextContent.Trim();
        // By hand: March three different people, April two, May none; the registry says the same.
        Assert.Equal(("3", "2", "0"), (Actual(page, "2019-03"), Actual(page, "2019-04"), Actual(page, "2019-05")));
        Assert.Equal((3m, 2m, 0m), ((await RegistryAsync(Reach.Persons, ImpactPeriod.Month(2019, 3)))!.Value,
            (await RegistryAsync(Reach.Persons, ImpactPeriod.Month(2019, 4)))!.Value, (await RegistryAsync(Reach.Persons, ImpactPeriod.Month(2019, 5)))!.Value));
        Assert.Equal(12, page.QuerySelectorAll($"section[data-target] tr[data-period]").Length);
        Assert.NotNull(page.QuerySelector("section[data-target] canvas[data-targets]"));
        Assert.Equal("ja", page.QuerySelector("tr[data-period='2019-03'] td:last-child")!.TextContent.Trim());
        Assert.Equal("nee", page.QuerySelector("tr[data-period='2019-04'] td:last-child")!.TextContent.Trim());

        var report = await coordinator.GetPageAsync("/huiskamer/rapportage?periode=2019-Q2");
        var rows = report.QuerySelector("#doelen-tabel")!;
        Assert.Equal(("2", "0"), (Actual(rows, "2019-04"), Actual(rows, "2019-05")));
        Assert.Null(rows.QuerySelector("tr[data-period='2019-03']"));

        // The PDF and the spreadsheet of the report carry the same targets and actuals.
        var csv = await (await coordinator.Http.GetAsync("/huiskamer/rapportage?periode=2019-Q2&handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("Doelen uit afspraken", csv);
        Assert.Contains("Bereik 2019", csv);
        var pdf = Wijkbasis.Tests.Features.Report.ReportTests.PdfText(
            await (await coordinator.Http.GetAsync("/huiskamer/rapportage?periode=2019-Q2&handler=Pdf")).Content.ReadAsByteArrayAsync());
        if (pdf is not null)
        {
            Assert.Contains("Doelen uit afspraken", pdf);
            Assert.Matches(@"\s3\s+2\s+nee", pdf);
        }
    }

    [Fact]
    public async Task AFixedReportKeepsTheTargetsItWasFixedWith()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewAgreementAsync(coordinator, "Verwijzen 2018", new(2018, 1, 1), new(2018, 12, 31));
        await AddTargetAsync(coordinator, id, Linking.Referrals, "7", "Year");
        var fixedUrl = (await coordinator.SubmitAsync("/huiskamer/rapportage/vaststellen?periode=2018", new Dictionary<string, string>())).Headers.Location!.OriginalString;
        string TargetOf(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector($"#doelen-tabel tr[data-target-indicator='{Linking.Referrals}'] .wb-target")!.TextContent.Trim();
        Assert.Equal("7", TargetOf(await coordinator.GetPageAsync(fixedUrl)));

        var target = await app.InDbAsync("huiskamer", db => db.AgreementTargets.Where(t => t.AgreementId == id).Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, Agreement(id), new() { ["ItemId"] = target.ToString(), ["Confirmed"] = "true" }, "DeleteTarget")).StatusCode);
        await AddTargetAsync(coordinator, id, Linking.Referrals, "9", "Year");

        Assert.Equal("9", TargetOf(await coordinator.GetPageAsync("/huiskamer/rapportage?periode=2018")));
        Assert.Equal("7", TargetOf(await coordinator.GetPageAsync(fixedUrl)));
    }

    [Fact]
    public async Task AReportingDateShowsOnTheCoordinatorsVandaagFromThirtyDaysAheadUntilItIsSubmitted()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewAgreementAsync(coordinator, "Herinneringen", Today.AddYears(-1), null, "Structural");
        foreach (var (days, what) in new[] { (30, "Verslag over dertig dagen"), (31, "Verslag over eenendertig dagen"), (-2, "Verslag dat te laat is") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, Agreement(id), new() { ["ReportDue"] = Day(Today.AddDays(days)), ["ReportWhat"] = what }, "ReportDate")).StatusCode);
        }

        var list = (await coordinator.GetPageAsync("/huiskamer/vandaag")).QuerySelector("#rapportages")!;
        Assert.Contains("Verslag over dertig dagen", list.TextContent);
        Assert.DoesNotContain("eenendertig", list.TextContent);
        var late = list.QuerySelectorAll("li").Single(li => li.TextContent.Contains("te laat is", StringComparison.Ordinal));
        Assert.NotNull(late.QuerySelector(".utrecht-status-badge--danger"));
        // Not the wijkverbinder's list: the coordinator answers to the funder.
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Null((await wijkverbinder.GetPageAsync("/huiskamer/vandaag")).QuerySelector("#rapportages"));

        var report = await app.InDbAsync("huiskamer", db => db.AgreementReportDates.Where(r => r.What == "Verslag dat te laat is").Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, Agreement(id), new() { ["ItemId"] = report.ToString() }, "Submitted")).StatusCode);

        var after = (await coordinator.GetPageAsync("/huiskamer/vandaag")).QuerySelector("#rapportages")!.TextContent;
        Assert.DoesNotContain("te laat is", after);
        Assert.Contains("Verslag over dertig dagen", after);
    }

    [Theory]
    [InlineData("end-before-start", "De einddatum ligt vóór de startdatum")]
    [InlineData("unknown-indicator", "Dit cijfer kennen we niet")]
    [InlineData("negative-amount", "Een bedrag kan niet negatief zijn")]
    [InlineData("year-outside", "2030 valt buiten de looptijd van de afspraak (2024 tot en met 2025)")]
    public async Task BadInputIsRefusedInDutchAndNothingIsSaved(string problem, string message)
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewAgreementAsync(coordinator, "Foutproef " + problem, new(2024, 1, 1), new(2025, 12, 31), "MultiYear");
        Task<int> RowsAsync() => app.InDbAsync("huiskamer", async db => await db.FundingAgreements.CountAsync()
            + await db.AgreementAmounts.CountAsync() + await db.AgreementTargets.CountAsync() + await db.AgreementReportDates.CountAsync());
        var before = await RowsAsync();

        var response = problem switch
        {
            "end-before-start" => await PostAsync(coordinator, "/huiskamer/partners/afspraken/nieuw", new()
            {
                ["Title"] = "Omgekeerd", ["Kind"] = "Project", ["FunderId"] = (await OrganisationAsync("Bibliotheek Rozet")).ToString(),
                ["StartsOn"] = "2024-06-01", ["EndsOn"] = "2024-05-31",
            }),
            "unknown-indicator" => await PostAsync(coordinator, Agreement(id), new() { ["TargetIndicator"] = "reach.nonsense", ["TargetValue"] = "5", ["TargetPer"] = "Year" }, "Target"),
            "negative-amount" => await PostAsync(coordinator, Agreement(id), new() { ["AmountYear"] = "2024", ["AmountEuros"] = "-100" }, "Amount"),
            _ => await PostAsync(coordinator, Agreement(id), new() { ["AmountYear"] = "2030", ["AmountEuros"] = "1.000" }, "Amount"),
        };

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task AnotherEnterpriseFindsNoneOfTheAgreementPages()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewAgreementAsync(coordinator, "Alleen voor de huiskamer", new(2025, 1, 1), new(2025, 12, 31));
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/partners/afspraken/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/partners/afspraken/{id}/wijzigen")).StatusCode);
        var token = await other.TokenAsync("/groene-spijker/partners/afspraken/nieuw");
        var post = await other.PostRawAsync($"/groene-spijker/partners/afspraken/{id}?handler=Amount",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["AmountYear"] = "2025", ["AmountEuros"] = "10" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Alleen voor de huiskamer", (await other.GetPageAsync("/groene-spijker/partners/afspraken")).Body!.TextContent);
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.AgreementAmounts.CountAsync(a => a.AgreementId == id)));
    }

    [Fact]
    public async Task AVolunteerIsRefusedTheAgreementPagesAndAWijkverbinderMayKeepThem()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewAgreementAsync(coordinator, "Rollenproef", new(2025, 1, 1), new(2025, 12, 31));
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        foreach (var url in new[] { "/huiskamer/partners/afspraken", "/huiskamer/partners/afspraken/nieuw", Agreement(id), $"{Agreement(id)}/wijzigen" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(url))).StatusCode);
        }
        Assert.Null((await volunteer.GetPageAsync("/huiskamer/partners")).QuerySelector("#naar-afspraken"));
        // The funder's page names the agreements it funds, but not to a volunteer.
        var funder = $"/huiskamer/partners/{await OrganisationAsync("Sociaal Wijkteam Klarendal")}";
        Assert.Null((await volunteer.GetPageAsync(funder)).QuerySelector("#financiert"));
        Assert.Contains("Rollenproef", (await coordinator.GetPageAsync(funder)).QuerySelector("#financiert")!.TextContent);

        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, Agreement(id), new() { ["AmountYear"] = "2025", ["AmountEuros"] = "12.500,50" }, "Amount")).StatusCode);
        var amount = await app.InDbAsync("huiskamer", db => db.AgreementAmounts.SingleAsync(a => a.AgreementId == id));
        Assert.Equal(12_500_50, amount.Cents);
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AgreementAmount) && a.EntityId == amount.Id.ToString() && a.Action == AuditActions.Create)));
    }

    [Fact]
    public async Task DeletingAnAgreementAsksFirstThenRemovesItWithItsRows()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewAgreementAsync(coordinator, "Weg ermee", new(2025, 1, 1), new(2025, 12, 31));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, Agreement(id), new() { ["AmountYear"] = "2025", ["AmountEuros"] = "100" }, "Amount")).StatusCode);

        var asked = await PostAsync(coordinator, Agreement(id), new(), "Delete");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Weet u zeker", (await HtmlClient.ParseAsync(asked)).QuerySelector("#bevestigen")!.TextContent);
        Assert.True(await app.InDbAsync("huiskamer", db => db.FundingAgreements.AnyAsync(a => a.Id == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, Agreement(id), new() { ["Confirmed"] = "true" }, "Delete")).StatusCode);
        Assert.False(await app.InDbAsync("huiskamer", db => db.FundingAgreements.AnyAsync(a => a.Id == id)));
        Assert.False(await app.InDbAsync("huiskamer", db => db.AgreementAmounts.AnyAsync(a => a.AgreementId == id)));
    }

    [Fact]
    public async Task ContactsAndWorkAgreementsAreEditedAndDeletedAfterAConfirmation()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, "/huiskamer/partners/nieuw", new() { ["Name"] = "Buurtsportcoach Oost", ["Kind"] = "Association" })).StatusCode);
        var organisation = await OrganisationAsync("Buurtsportcoach Oost");
        var details = $"/huiskamer/partners/{organisation}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, details, new() { ["ContactName"] = "Sam Sport" }, "Contact")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, details, new() { ["AgreementWhat"] = "Sport op woensdag", ["AgreementFrom"] = Day(Today) }, "Agreement")).StatusCode);
        var contact = await app.InDbAsync("huiskamer", db => db.OrganisationContacts.Where(c => c.OrganisationId == organisation).Select(c => c.Id).SingleAsync());
        var work = await app.InDbAsync("huiskamer", db => db.WorkAgreements.Where(c => c.OrganisationId == organisation).Select(c => c.Id).SingleAsync());

        // The edit form opens filled in, and saving changes the one row.
        var form = await coordinator.GetPageAsync($"{details}?contact={contact}");
        Assert.Equal("Sam Sport", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name=ContactName]")!).Value);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, details, new() { ["contact"] = contact.ToString(), ["ContactName"] = "Sam Sportief", ["ContactRole"] = "coach" }, "Contact")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, details, new() { ["afspraak"] = work.ToString(), ["AgreementWhat"] = "Sport op donderdag", ["AgreementFrom"] = Day(Today) }, "Agreement")).StatusCode);
        var edited = await app.InDbAsync("huiskamer", db => db.OrganisationContacts.SingleAsync(c => c.OrganisationId == organisation));
        Assert.Equal(("Sam Sportief", "coach"), (edited.Name, edited.Role));
        Assert.Equal("Sport op donderdag", await app.InDbAsync("huiskamer", db => db.WorkAgreements.Where(c => c.OrganisationId == organisation).Select(c => c.What).SingleAsync()));

        var asked = await PostAsync(coordinator, details, new() { ["ItemId"] = contact.ToString() }, "DeleteContact");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Sam Sportief", (await HtmlClient.ParseAsync(asked)).QuerySelector("#bevestigen")!.TextContent);
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.OrganisationContacts.CountAsync(c => c.OrganisationId == organisation)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, details, new() { ["ItemId"] = contact.ToString(), ["Confirmed"] = "true" }, "DeleteContact")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, details, new() { ["ItemId"] = work.ToString(), ["Confirmed"] = "true" }, "DeleteWorkAgreement")).StatusCode);
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.OrganisationContacts.CountAsync(c => c.OrganisationId == organisation)));
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.WorkAgreements.CountAsync(c => c.OrganisationId == organisation)));

        // A volunteer reads the partner but deletes nothing.
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await PostAsync(volunteer, details, new() { ["Confirmed"] = "true" }, "Delete"))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, details, new() { ["Confirmed"] = "true" }, "Delete")).StatusCode);
        Assert.False(await app.InDbAsync("huiskamer", db => db.Organisations.AnyAsync(o => o.Id == organisation)));
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Organisation) && a.EntityId == organisation.ToString() && a.Action == AuditActions.Delete)));
    }

    [Fact]
    public async Task AnOrganisationWithReferralsOrAgreementsIsNotDeletedAndThePageSaysWhy()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var organisation = await OrganisationAsync("Schuldhulpmaatje Arnhem");

        var response = await PostAsync(coordinator, $"/huiskamer/partners/{organisation}", new() { ["Confirmed"] = "true" }, "Delete");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Schuldhulpmaatje Arnhem kan niet worden verwijderd: er staan", await ErrorsAsync(response));
        Assert.True(await app.InDbAsync("huiskamer", db => db.Organisations.AnyAsync(o => o.Id == organisation)));
        Assert.True(await app.InDbAsync("huiskamer", db => db.OrganisationContacts.AnyAsync(c => c.OrganisationId == organisation)));
    }
}
