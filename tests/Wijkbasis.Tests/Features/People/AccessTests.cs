using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Infrastructure.Time;
using Microsoft.EntityFrameworkCore.Metadata;
using Wijkbasis.Features.People;
using Wijkbasis.Tests.Features.Report;

namespace Wijkbasis.Tests.Features.People;

/// <summary>Subject access (AVG art. 15, docs/decisions/0023): everything about one person as a page, a PDF and JSON.</summary>
public sealed class AccessTests(AccessTests.App app) : IClassFixture<AccessTests.App>
{
    /// <summary>One app and one seeded resident for the class.</summary>
    public sealed class App : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public AvgSamples.Seeded Seeded { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Seeded = await AvgSamples.SeedAsync(this);
        }
    }

    private string Url(string? handler = null) =>
        $"/huiskamer/mensen/{app.Seeded.PersonId}/inzage" + (handler is null ? "" : $"?handler={handler}");

    [Fact]
    public async Task ThePageShowsEveryKindOfRecordAndTheWijkverbinderSeesTheIntakeSheMade()
    {
        var page = await (await HtmlClient.LoggedInAsync(app, Wijkverbinder)).GetPageAsync(Url());
        var text = page.Body!.TextContent;
        foreach (var expected in new[]
                 {
                     app.Seeded.Name, app.Seeded.Email, AvgSamples.Story, AvgSamples.IntakeWant, AvgSamples.ContactNote, AvgSamples.SpendNote,
                     AvgSamples.Offer, AvgSamples.MatchNote, AvgSamples.HoursNote, AvgSamples.Contribution,
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.NotEmpty(page.QuerySelectorAll("#bezoeken tbody tr"));
        Assert.NotEmpty(page.QuerySelectorAll("#toestemming tbody tr"));
        Assert.NotEmpty(page.QuerySelectorAll("#tijdcredits tbody tr"));
        Assert.NotEmpty(page.QuerySelectorAll("#inzage tbody tr"));
    }

    [Fact]
    public async Task TheCoordinatorIsToldThereIsAnIntakeAndACaseButNotWhatTheySay()
    {
        var page = await (await HtmlClient.LoggedInAsync(app, Coordinator)).GetPageAsync(Url());
        var text = page.Body!.TextContent;
        Assert.DoesNotContain(AvgSamples.IntakeWant, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AvgSamples.ContactNote, text, StringComparison.Ordinal);
        var hidden = page.QuerySelector("#niet-getoond")!.TextContent;
        Assert.Contains("intake", hidden, StringComparison.Ordinal);
        Assert.Contains("casus", hidden, StringComparison.Ordinal);
        Assert.Contains("casusregisseur", hidden, StringComparison.Ordinal);
        // The rest of the file is there.
        Assert.Contains(AvgSamples.Story, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJsonParsesAndHoldsEveryKindOfRecordUnderStableNames()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var response = await client.Http.GetAsync(Url("Json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var root = json.RootElement;
        Assert.Equal(SubjectAccess.Format, root.GetProperty("format").GetString());
        Assert.Equal(app.Seeded.Name, root.GetProperty("person").GetProperty("name").GetString());
        Assert.Equal(app.Seeded.Email, root.GetProperty("person").GetProperty("email").GetString());
        Assert.True(root.GetProperty("consents").GetArrayLength() > 0);
        Assert.True(root.GetProperty("visits").GetArrayLength() > 0);
        Assert.Contains(root.GetProperty("stories").EnumerateArray(), s => s.GetProperty("text").GetString() == AvgSamples.Story);
        Assert.Contains(root.GetProperty("intakes").EnumerateArray(), i => i.GetProperty("want").GetString() == AvgSamples.IntakeWant);
        var @case = root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("potBookings").EnumerateArray().Any(b => b.GetProperty("amountCents").GetInt64() == -1250));
        Assert.Equal(AvgSamples.ContactNote, @case.GetProperty("contacts")[0].GetProperty("note").GetString());
        Assert.Equal(AvgSamples.Offer, root.GetProperty("talentCard").GetProperty("offerText").GetString());
        Assert.Contains(root.GetProperty("matches").EnumerateArray(), m => m.GetProperty("notes").EnumerateArray().Any(n => n.GetProperty("text").GetString() == AvgSamples.MatchNote));
        Assert.Equal(JsonValueKind.Object, root.GetProperty("volunteer").ValueKind);
        Assert.Contains(root.GetProperty("volunteerHours").EnumerateArray(), h => h.GetProperty("minutes").GetInt32() == 90);
        Assert.Contains(root.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("description").GetString() == AvgSamples.Contribution);
        Assert.Equal(1, root.GetProperty("timeCredits").GetArrayLength());
        Assert.True(root.GetProperty("auditTrail").GetArrayLength() > 0);
        // What she may not open (another wijkverbinder's intake, say) is only counted, with who may open it.
        Assert.All(root.GetProperty("notShown").EnumerateArray(), h => Assert.True(h.GetProperty("count").GetInt32() > 0 && h.GetProperty("onlyFor").GetString()!.Length > 0));
    }

    [Fact]
    public async Task ThePdfHasTheTextAndEveryDownloadIsAuditedAndShownInTheAccessView()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var before = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.PersonId == app.Seeded.PersonId && a.UserName == Coordinator
            && (a.Action == SubjectAccess.PdfAction || a.Action == SubjectAccess.JsonAction || a.Action == SubjectAccess.ViewAction)));
        var response = await client.Http.GetAsync(Url("Pdf"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var pdf = ReportTests.PdfText(await response.Content.ReadAsByteArrayAsync());
        if (pdf is not null)
        {
            Assert.Contains(app.Seeded.Name, pdf, StringComparison.Ordinal);
            Assert.Contains(AvgSamples.Story, pdf, StringComparison.Ordinal);
            Assert.Contains("Wie heeft deze gegevens gezien of gewijzigd", pdf, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(Url("Json"))).StatusCode);
        var page = await client.GetPageAsync(Url());

        var rows = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.PersonId == app.Seeded.PersonId && a.UserName == Coordinator
            && (a.Action == SubjectAccess.PdfAction || a.Action == SubjectAccess.JsonAction || a.Action == SubjectAccess.ViewAction))
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(before + 3, rows.Count);
        Assert.Contains(SubjectAccess.PdfAction, rows);
        Assert.Contains(SubjectAccess.JsonAction, rows);
        var looks = page.QuerySelector("#inzage")!.TextContent;
        Assert.Contains("inzage als PDF gedownload", looks, StringComparison.Ordinal);
        Assert.Contains("inzage als JSON gedownload", looks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherEnterpriseGets404ForThePageAndTheDownloads()
    {
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        foreach (var url in new[] { Url(), Url("Pdf"), Url("Json") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(url)).StatusCode);
        }
        var theirs = await AnyPersonIdAsync(app, "groene-spijker");
        var ours = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await ours.Http.GetAsync($"/huiskamer/mensen/{theirs}/inzage?handler=Json")).StatusCode);
    }

    [Fact]
    public async Task AVolunteerIsRefused()
    {
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        foreach (var url in new[] { Url(), Url("Json") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(await client.Http.GetAsync(url))).StatusCode);
        }
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.UserName == Volunteer && a.Outcome == "success"
            && (a.Action == SubjectAccess.ViewAction || a.Action == SubjectAccess.JsonAction))));
    }

    /// <summary>A new table that points at a person must be added to the export and the erasure, or this fails.</summary>
    [Fact]
    public void EveryColumnThatPointsAtAPersonIsCoveredByTheExportAndTheErasure()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<Wijkbasis.Data.WijkbasisDb>().Model;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var fk in entity.GetForeignKeys().Where(f => f.PrincipalEntityType.ClrType == typeof(Person)))
            {
                found.UnionWith(fk.Properties.Select(p => $"{entity.ClrType.Name}.{p.Name}"));
            }
            // Columns that name a person without a foreign key (audit rows, records that outlive a row).
            found.UnionWith(entity.GetProperties().Where(p => p.Name.EndsWith("PersonId", StringComparison.Ordinal) || p.Name.EndsWith("PersonIds", StringComparison.Ordinal))
                .Where(p => entity.ClrType != typeof(Person)).Select(p => $"{entity.ClrType.Name}.{p.Name}"));
        }
        Assert.Equal(found.Order(StringComparer.Ordinal), SubjectAccess.Covered.Order(StringComparer.Ordinal));
        Assert.Equal(found.Order(StringComparer.Ordinal), PersonErasure.Covered.Order(StringComparer.Ordinal));
    }
}
