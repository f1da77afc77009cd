using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Features.People;

/// <summary>Erasure on request (AVG art. 17, docs/decisions/0023).</summary>
public sealed class EraseTests(EraseTests.App app) : IClassFixture<EraseTests.App>
{
    /// <summary>One app, two seeded residents: one to refuse erasing, one to erase.</summary>
    public sealed class App : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public AvgSamples.Seeded Kept { get; private set; } = null!;
        public AvgSamples.Seeded Erased { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Kept = await AvgSamples.SeedAsync(this, 0);
            Erased = await AvgSamples.SeedAsync(this, 1);
        }
    }

    private static string Url(Guid id) => $"/huiskamer/mensen/{id}/wissen";

    private static Dictionary<string, string> Form(string confirmName) => new()
    {
        ["Input.RequestedOn"] = TimeProvider.System.AmsterdamToday().ToString("yyyy-MM-dd"),
        ["Input.Reason"] = "Verzoek per brief",
        ["Input.ConfirmName"] = confirmName,
    };

    private Task<(string Name, int Consents, int Audit)> StateAsync(Guid id) => app.InDbAsync("huiskamer", async db =>
        (await db.People.Where(p => p.Id == id).Select(p => p.Name).SingleAsync(), await db.Consents.CountAsync(c => c.PersonId == id),
            await db.AuditEntries.CountAsync(a => a.Action == PersonErasure.EraseAction)));

    [Fact]
    public async Task WithoutTheNameTypedNothingIsErasedAndAnotherEnterpriseCannotErase()
    {
        var person = app.Kept;
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var plan = await client.GetPageAsync(Url(person.PersonId));
        Assert.Contains("fiscale bewaarplicht", plan.QuerySelector("#blijft-bewaard")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("7 jaar", plan.QuerySelector("#blijft-bewaard")!.TextContent, StringComparison.Ordinal);
        var before = await StateAsync(person.PersonId);

        var refused = await client.SubmitAsync(Url(person.PersonId), Form("Iemand anders"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Typ de naam", await ErrorsAsync(refused), StringComparison.Ordinal);
        var noDate = await client.SubmitAsync(Url(person.PersonId), new Dictionary<string, string>(Form(person.Name)) { ["Input.RequestedOn"] = "9999-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Equal(before, await StateAsync(person.PersonId));

        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(Url(person.PersonId))).StatusCode);
        var token = await other.TokenAsync("/groene-spijker/mensen");
        var post = await other.Http.PostAsync(Url(person.PersonId), new FormUrlEncodedContent(new Dictionary<string, string>(Form(person.Name)) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, await StateAsync(person.PersonId));

        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Forbidden, (await wijkverbinder.FollowAsync(await wijkverbinder.Http.GetAsync(Url(person.PersonId)))).StatusCode);
    }

    [Fact]
    public async Task AnErasedPersonIsGoneEverywhereWhileTheFiguresAndTheMoneyStay()
    {
        var person = app.Erased;
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var today = TimeProvider.System.AmsterdamToday();
        var (period, _) = ImpactPeriod.Custom(today.AddMonths(-3), today.AddDays(-1));
        var figuresBefore = await FiguresAsync(period);
        Assert.Contains("reach.", figuresBefore, StringComparison.Ordinal);
        var csvUrl = $"/huiskamer/uren/overzicht?handler=Csv&jaar={today.Year}&maand={today.AddDays(-4).Month}&doel=administratie";
        Assert.Contains(person.Name, await client.Http.GetStringAsync(csvUrl), StringComparison.Ordinal);

        // The form is sent twice (a double click): one erasure.
        var page = await client.GetPageAsync(Url(person.PersonId));
        var form = HtmlClient.FindForm(page, null);
        var values = new Dictionary<string, string>(Form(person.Name)) { ["__RequestVerificationToken"] = HtmlClient.TokenOf(form) };
        var first = await client.Http.PostAsync(Url(person.PersonId), new FormUrlEncodedContent(values));
        var second = await client.Http.PostAsync(Url(person.PersonId), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.Action == PersonErasure.EraseAction && a.PersonId == person.PersonId)));

        // Gone: the page, the list, search, the export, the names on the matches, the logbook and the time bank.
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/mensen/{person.PersonId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/mensen/{person.PersonId}/inzage?handler=Json")).StatusCode);
        Assert.DoesNotContain(person.Name, (await client.GetPageAsync($"/huiskamer/mensen?q={Uri.EscapeDataString(person.Name)}")).Body!.TextContent, StringComparison.Ordinal);
        var archived = (await client.GetPageAsync("/huiskamer/mensen?archief=true&q=verwijderde")).Body!.TextContent;
        Assert.DoesNotContain(PersonErasure.TombstoneName, archived, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Name, await client.Http.GetStringAsync(csvUrl), StringComparison.Ordinal);
        // The volunteer record and the hours stay for the counts, but their pages do not find the person.
        var (volunteerId, hoursId) = await app.InDbAsync("huiskamer", async db => (
            await db.Volunteers.Where(v => v.PersonId == person.PersonId).Select(v => v.Id).SingleAsync(),
            await db.VolunteerHours.Where(h => h.PersonId == person.PersonId).Select(h => h.Id).FirstAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/vrijwilligers/{volunteerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/uren/{hoursId}")).StatusCode);
        Assert.DoesNotContain(person.Name, (await client.GetPageAsync("/huiskamer/koppelingen")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Name, (await client.GetPageAsync("/huiskamer/tijdbank")).Body!.TextContent, StringComparison.Ordinal);
        var session = await app.InDbAsync("huiskamer", db => db.CheckIns.Where(c => c.PersonId == person.PersonId).Select(c => c.SessionId).FirstAsync());
        Assert.DoesNotContain(person.Name, (await client.GetPageAsync($"/huiskamer/sessies/{session}")).Body!.TextContent, StringComparison.Ordinal);

        var state = await app.InDbAsync("huiskamer", async db => new
        {
            Person = await TenantBypass.ErasedOrNot(db).SingleAsync(p => p.Id == person.PersonId),
            FoundInRegister = await db.People.AnyAsync(p => p.Id == person.PersonId),
            Consents = await db.Consents.CountAsync(c => c.PersonId == person.PersonId),
            Cards = await db.TalentCards.CountAsync(c => c.PersonId == person.PersonId),
            Stories = await db.LogEntries.Where(e => e.PersonId == person.PersonId).Select(e => e.Text).ToListAsync(),
            Spend = await db.LedgerEntries.SingleAsync(e => e.Id == person.LedgerEntryId),
            Account = await db.TimeCreditAccounts.Where(a => a.PersonId == person.PersonId).Select(a => a.Name).SingleAsync(),
            OpenCases = await TenantBypass.OwnersOfOpenCases(db).CountAsync(),
            Case = await TenantBypass.RowsToErase<Case>(db).SingleAsync(c => c.Id == person.CaseId),
            Intakes = await TenantBypass.RowsToErase<Wijkbasis.Features.Intakes.Intake>(db).Where(i => i.PersonId == person.PersonId).ToListAsync(),
        });
        Assert.False(state.FoundInRegister);
        Assert.Equal(PersonErasure.TombstoneName, state.Person.Name);
        Assert.Null(state.Person.Email);
        Assert.Null(state.Person.Phone);
        Assert.NotNull(state.Person.ErasedAt);
        Assert.Equal("Verzoek per brief", state.Person.ErasureReason);
        Assert.Equal(0, state.Consents);
        Assert.Equal(0, state.Cards);
        Assert.NotEmpty(state.Stories);
        Assert.All(state.Stories, s => Assert.Equal(PersonErasure.Removed, s));
        // Money kept with its amount, without the words about the resident.
        Assert.Equal(-1250, state.Spend.AmountCents);
        Assert.Null(state.Spend.Note);
        Assert.Equal(PersonErasure.TombstoneName, state.Account);
        // Sealed fields destroyed; the case closed, so no buddy holds it in the pool any more.
        Assert.All(state.Intakes, i => Assert.True(i.Want is null && i.Can is null && i.Need is null && i.Goals is null && i.Zrm is null));
        Assert.Equal(CaseStatus.Closed, state.Case.Status);
        Assert.Null(state.Case.TransferReason);
        Assert.False(await app.InDbAsync("huiskamer", db => TenantBypass.RowsToErase<Case>(db).AnyAsync(c => c.PersonId == person.PersonId && c.Status == CaseStatus.Open)));

        // Figures already reported keep their counts. (The ZRM average is worked out from sealed scores, which are destroyed.)
        Assert.Equal(figuresBefore, await FiguresAsync(period));
    }

    private Task<string> FiguresAsync(ImpactPeriod period) => app.InScopeAsync("huiskamer", async services =>
    {
        var calculator = services.GetRequiredService<ImpactCalculator>();
        var tenant = services.GetRequiredService<TenantContext>().TenantId;
        var all = await calculator.ComputeAllAsync(ImpactScope.Enterprise(tenant), period, byMonth: true, CancellationToken.None);
        var text = new StringBuilder();
        foreach (var f in all.Where(f => f.Indicator.Id != Wijkbasis.Features.Impact.Indicators.BuddyProgramme.ZrmChange))
        {
            foreach (var r in f.Rows.OrderBy(r => r.Month).ThenBy(r => r.BuurtCode).ThenBy(r => r.Part, StringComparer.Ordinal))
            {
                text.Append(f.Indicator.Id).Append('|').Append(r.Month).Append('|').Append(r.BuurtCode).Append('|').Append(r.Part).Append('|')
                    .Append(r.Value).Append('|').Append(r.Of).Append('|').Append(r.Base).Append('\n');
            }
        }
        return text.ToString();
    });
}
