using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.MoneyFlows;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.MoneyFlows;

public sealed class MoneyFlowsTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string New = "/huiskamer/geldstromen/nieuw";
    private static string Today => TimeProvider.System.AmsterdamToday().ToString("yyyy-MM-dd");

    private static Dictionary<string, string> Spending(string amount, string counterparty, string? local = "LocalSupplier", string category = "FoodAndDrink", string? on = null) => new()
    {
        ["Input.Direction"] = "Spending", ["Input.Category"] = category, ["Input.BookedOn"] = on ?? Today, ["Input.Amount"] = amount,
        ["Input.Counterparty"] = counterparty, ["Input.Description"] = "test", ["Input.Local"] = local ?? "",
    };

    private static Dictionary<string, string> Income(string amount, string counterparty, string source = "Fund") => new()
    {
        ["Input.Direction"] = "Income", ["Input.Source"] = source, ["Input.BookedOn"] = Today, ["Input.Amount"] = amount, ["Input.Counterparty"] = counterparty,
    };

    private Task<List<MoneyLine>> LinesOfAsync(string counterparty, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.MoneyLines.AsNoTracking().Where(l => l.Counterparty == counterparty).OrderBy(l => l.At).ToListAsync());

    [Fact]
    public async Task ACoordinatorBooksDutchAmountsToTheCentAndTheOverviewCountsThem()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var before = await coordinator.GetPageAsync("/huiskamer/geldstromen");
        var spentBefore = before.QuerySelector("#totalen")!.TextContent;

        var booked = await coordinator.SubmitAsync($"{New}?soort=inkomsten", Income("1.234,56", "Testfonds Eén"));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"{New}?soort=uitgaven", Spending("0,07", "Testbakker Eén"))).StatusCode);

        var line = Assert.Single(await LinesOfAsync("Testfonds Eén"));
        Assert.Equal((1_234_56L, (IncomeSource?)IncomeSource.Fund, MoneyDirection.Income, "Corrie Coördinator"), (line.AmountCents, line.Source, line.Direction, line.ByName));
        var spend = Assert.Single(await LinesOfAsync("Testbakker Eén"));
        Assert.Equal((7L, (LocalKind?)LocalKind.LocalSupplier), (spend.AmountCents, spend.Local));
        var page = await coordinator.GetPageAsync("/huiskamer/geldstromen");
        Assert.NotEqual(spentBefore, page.QuerySelector("#totalen")!.TextContent);
        Assert.Contains("Fonds", page.QuerySelector("#inkomsten")!.TextContent);
    }

    [Fact]
    public async Task TheOverviewOfAYearShowsEveryTotalAndTheLocalShareToTheCent()
    {
        // A year of its own, before the demo's: only these lines count.
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await app.InDbAsync("huiskamer", async db =>
        {
            MoneyLine L(MoneyDirection d, long cents, IncomeSource? s = null, SpendingCategory? c = null, LocalKind? local = null) => new()
            {
                Direction = d, Source = s, Category = c, Local = local, AmountCents = cents, BookedOn = new DateOnly(2019, 5, 1),
                Counterparty = "Test 2019", ByName = "test", At = TimeProvider.System.UtcNow(),
            };
            db.MoneyLines.AddRange(
                L(MoneyDirection.Income, 5_000_00, s: IncomeSource.Subsidy), L(MoneyDirection.Income, 123_45, s: IncomeSource.SalesLunch),
                L(MoneyDirection.Spending, 200_00, c: SpendingCategory.FoodAndDrink, local: LocalKind.LocalSupplier),
                L(MoneyDirection.Spending, 100_00, c: SpendingCategory.PaidWork, local: LocalKind.ResidentPaidForWork),
                L(MoneyDirection.Spending, 600_01, c: SpendingCategory.RentAndEnergy));
            return await db.SaveChangesAsync();
        });

        var page = await coordinator.GetPageAsync("/huiskamer/geldstromen?jaar=2019");

        Assert.Equal(["Inkomsten € 5.123,45", "Uitgaven € 900,01", "Resultaat € 4.223,44", "Blijft in de wijk 33,3% van de uitgaven (€ 300,00)"],
            page.QuerySelectorAll("#totalen dt").Select(dt => $"{dt.TextContent} {dt.NextElementSibling!.TextContent.Trim()}"));
        Assert.Equal(["Subsidie | € 5.000,00 | 97,6%", "Verkoop: lunch en koffie | € 123,45 | 2,4%", "Totaal | € 5.123,45 |"],
            page.QuerySelectorAll("#inkomsten tr").Skip(1).Select(Row));
        Assert.Equal(["Huur en energie | € 600,01 | 66,7%", "Eten en drinken | € 200,00 | 22,2%", "Betaald werk (loon en inhuur) | € 100,00 | 11,1%", "Totaal | € 900,01 |"],
            page.QuerySelectorAll("#uitgaven tr").Skip(1).Select(Row));
        Assert.Equal("2019", page.QuerySelector("#jaar option[selected]")!.TextContent);

        var csv = await coordinator.Http.GetAsync("/huiskamer/geldstromen?handler=Csv&jaar=2019");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, rows.Length);
        Assert.Contains("2019-05-01;uitgaven;Huur en energie;Test 2019;;600,01;nee;;;test", rows);
    }

    private static string Row(AngleSharp.Dom.IElement tr) => string.Join(" | ", tr.Children.Select(c => c.TextContent.Trim())).TrimEnd();

    [Theory]
    [InlineData("-5", "groter dan € 0,00")]
    [InlineData("0", "groter dan € 0,00")]
    [InlineData("12,345", "twee cijfers achter de komma")]
    [InlineData("12abc", "alleen uit cijfers")]
    [InlineData("", "Vul een bedrag in")]
    public async Task ABadAmountIsRefusedInDutchAndNothingIsSaved(string amount, string message)
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var counterparty = "Slecht bedrag " + amount.Length + amount.GetHashCode(StringComparison.Ordinal);

        var response = await coordinator.SubmitAsync($"{New}?soort=uitgaven", Spending(amount, counterparty));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Empty(await LinesOfAsync(counterparty));
        // What was typed stays in the form.
        Assert.Equal(counterparty, (await HtmlClient.ParseAsync(response)).QuerySelector("#Input_Counterparty")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AFutureDateAMissingCounterpartyOrAnUnknownCategoryIsRefusedAndNothingIsSaved()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var count = await app.InDbAsync("huiskamer", db => db.MoneyLines.CountAsync());

        var future = await coordinator.SubmitAsync(New, Spending("5", "Toekomst", on: TimeProvider.System.AmsterdamToday().AddDays(3).ToString("yyyy-MM-dd")));
        Assert.Contains("toekomst", await ErrorsAsync(future));
        var nobody = await coordinator.SubmitAsync(New, Spending("5", " "));
        Assert.Contains("aan wie", await ErrorsAsync(nobody));
        var unknown = await coordinator.SubmitAsync(New, Spending("5", "Onbekend", category: "Snoep"));
        Assert.Contains("soort uitgave", await ErrorsAsync(unknown));

        Assert.Equal(count, await app.InDbAsync("huiskamer", db => db.MoneyLines.CountAsync()));
    }

    [Fact]
    public async Task ATooLongCounterpartyIsRefusedInEnglishWithItsLimit()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync(New, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = New }, formAction: "/taal");
        var counterparty = "Lang " + new string('x', MoneyLine.CounterpartyMax);

        var response = await coordinator.SubmitAsync($"{New}?soort=uitgaven", Spending("5", counterparty));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains($"The name is too long (at most {MoneyLine.CounterpartyMax} characters).", errors);
        Assert.DoesNotContain("te lang", errors);
        Assert.DoesNotContain("hoogstens", errors);
        Assert.Empty(await LinesOfAsync(counterparty));
    }

    [Fact]
    public async Task ALineIsReversedOnceWithAReasonAndTheLinesThemselvesCannotBeChanged()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync(New, Spending("45,00", "Terug te boeken"));
        var line = Assert.Single(await LinesOfAsync("Terug te boeken"));
        const string lines = "/huiskamer/geldstromen/regels";

        var noReason = await PostAsync(coordinator, lines, "Reverse", new() { ["LineId"] = line.Id.ToString(), ["Reason"] = "" });
        Assert.Contains("waarom", await ErrorsAsync(noReason));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, lines, "Reverse", new() { ["LineId"] = line.Id.ToString(), ["Reason"] = "Verkeerd bonnetje" })).StatusCode);
        var twice = await PostAsync(coordinator, lines, "Reverse", new() { ["LineId"] = line.Id.ToString(), ["Reason"] = "Nog eens" });
        Assert.Contains("al teruggeboekt", await ErrorsAsync(twice));

        var both = await LinesOfAsync("Terug te boeken");
        Assert.Equal([45_00L, -45_00L], both.Select(l => l.AmountCents));
        Assert.Equal("Verkeerd bonnetje", both[1].Reason);
        await Assert.ThrowsAnyAsync<Exception>(() => app.InDbAsync("huiskamer", async db =>
        {
            var l = await db.MoneyLines.SingleAsync(x => x.Id == line.Id);
            l.AmountCents = 1;
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAnyAsync<Exception>(() => app.InDbAsync("huiskamer", db => db.MoneyLines.Where(x => x.Id == line.Id).ExecuteDeleteAsync()));
        Assert.Equal(45_00L, (await LinesOfAsync("Terug te boeken"))[0].AmountCents);
    }

    [Fact]
    public async Task ACorrectionReversesTheOldLineAndBooksTheRightOneInOneStep()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync(New, Spending("120,00", "Te corrigeren"));
        var line = Assert.Single(await LinesOfAsync("Te corrigeren"));
        var url = $"{New}?corrigeert={line.Id}";
        Assert.Equal("120,00", (await coordinator.GetPageAsync(url)).QuerySelector("#Input_Amount")!.GetAttribute("value"));

        var withoutReason = await coordinator.SubmitAsync(url, Spending("12,00", "Te corrigeren"));
        Assert.Contains("waarom", await ErrorsAsync(withoutReason));
        Assert.Single(await LinesOfAsync("Te corrigeren"));

        var form = Spending("12,00", "Te corrigeren");
        form["Input.Reason"] = "Een nul te veel";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(url, form)).StatusCode);
        Assert.Equal([120_00L, 12_00L, -120_00L], (await LinesOfAsync("Te corrigeren")).Select(l => l.AmountCents).OrderDescending());
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Http.GetAsync($"{New}?corrigeert={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ABudgetApproverMayKeepTheBooksButAVolunteerAWijkverbinderAndABuddySeeNoMoney()
    {
        var approver = await HtmlClient.LoggedInAsync(app, Approver);
        Assert.NotNull((await approver.GetPageAsync("/huiskamer/geldstromen")).QuerySelector("h1"));
        foreach (var email in new[] { Volunteer, Wijkverbinder, Bert })
        {
            var client = await HtmlClient.LoggedInAsync(app, email);
            foreach (var url in new[] { "/huiskamer/geldstromen", "/huiskamer/geldstromen/regels", New, "/huiskamer/geldstromen?handler=Csv" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(await client.Http.GetAsync(url))).StatusCode);
            }
        }
    }

    [Fact]
    public async Task AMunicipalityAnalystNeverSeesAnEnterprisesLines()
    {
        var analyst = await HtmlClient.LoggedInAsync(app, "analist@arnhem.demo");
        foreach (var url in new[] { "/huiskamer/geldstromen", "/huiskamer/geldstromen/regels", "/huiskamer/geldstromen?handler=Csv&jaar=2026" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await analyst.Http.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task ACoordinatorOfAnotherEnterpriseCannotReverseOrCorrectALine()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync(New, Spending("9,99", "Van de Huiskamer"));
        var line = Assert.Single(await LinesOfAsync("Van de Huiskamer"));
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/geldstromen/nieuw?corrigeert={line.Id}")).StatusCode);
        var reverse = await PostAsync(other, "/groene-spijker/geldstromen/regels", "Reverse", new() { ["LineId"] = line.Id.ToString(), ["Reason"] = "Inbraak" });
        Assert.Equal(HttpStatusCode.NotFound, reverse.StatusCode);
        Assert.Single(await LinesOfAsync("Van de Huiskamer"));
        Assert.DoesNotContain("Van de Huiskamer", (await other.GetPageAsync("/groene-spijker/geldstromen/regels?zoek=Huiskamer")).Body!.TextContent);
    }

    [Fact]
    public async Task TheDemoHasAYearOfMoneyWithABelievableLocalShare()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var year = TimeProvider.System.AmsterdamToday().Year - 1;
        var page = await coordinator.GetPageAsync($"/huiskamer/geldstromen?jaar={year}");
        var overview = await app.InDbAsync("huiskamer", async db => YearOverview.Compute(year, await db.MoneyLines.ToListAsync()));
        Assert.InRange(overview.LocalShareTenths!.Value, 250, 600);
        Assert.True(overview.IncomeBySource.Count >= 8);
        Assert.True(overview.SpendingByCategory.Count >= 8);
        Assert.Contains(YearOverview.FormatShare(overview.LocalShareTenths), page.QuerySelector("#totalen")!.TextContent);
        Assert.True(await app.InDbAsync("jongeren-malburgen", db => db.MoneyLines.AnyAsync()));
    }

    [Fact]
    public async Task HandWrittenSqlSeesOnlyThisEnterprisesMoneyAndTimeCreditsOnPostgres()
    {
#pragma warning disable EF1003 // table names from the list below, not from input
        Task<int> CountAsync(string? enterprise, string table) =>
            app.InDbAsync(enterprise, db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"").SingleAsync());
#pragma warning restore EF1003

        var own = await app.InDbAsync("huiskamer", db => db.MoneyLines.CountAsync());
        Assert.Equal(TestDatabase.IsPostgres ? own : await CountAsync(null, "MoneyLines"), await CountAsync("huiskamer", "MoneyLines"));
        Assert.True(await CountAsync(null, "MoneyLines") > own);
        // Only the first enterprise has a time bank in the demo.
        foreach (var table in new[] { "TimeCreditSettings", "TimeCreditAccounts", "TimeCreditTransfers", "TimeCreditMovements" })
        {
            Assert.Equal(TestDatabase.IsPostgres ? 0 : await CountAsync(null, table), await CountAsync("groene-spijker", table));
        }
    }
}
