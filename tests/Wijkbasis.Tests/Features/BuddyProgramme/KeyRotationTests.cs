using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Budget;
using Wijkbasis.Infrastructure.Secrets;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

/// <summary>Rotating the field key: add a key, and every sealed field is sealed again with it, readable as before.</summary>
public sealed class KeyRotationTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task AfterAddingAKeyResealingMovesEverySealedFieldToItAndTheyStillRead()
    {
        var caseId = await CaseAsync(app, Hanneke, skip: 2);
        var hanneke = await HtmlClient.LoggedInAsync(app, Hanneke);
        await PostAsync(hanneke, $"/huiskamer/casussen/{caseId}", "Contact", new() { ["Contact.On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Visit", ["Contact.Text"] = "Voor de rotatie" });
        Assert.Equal("k1", (await app.AsCaseworkAsync(db => db.CaseContacts.SingleAsync(c => c.CaseId == caseId))).Note!.KeyId);

        await using var rotated = WijkbasisFactory.AfterKeyRotation(app);
        await rotated.InitializeAsync();
        await using (var scope = rotated.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<FieldResealing>().ResealAsync(default);
            Assert.True(rows > 0);
        }

        var keys = await rotated.AsCaseworkAsync(async db => new[]
        {
            (await db.Intakes.Where(i => i.Want != null).Select(i => i.Want!).ToListAsync()).Select(s => s.KeyId),
            (await db.CaseContacts.Select(c => c.Note!).ToListAsync()).Select(s => s.KeyId),
            (await db.LedgerEntries.Where(e => e.Note != null).Select(e => e.Note!).ToListAsync()).Select(s => s.KeyId),
        }.SelectMany(k => k).Distinct().ToList());
        Assert.Equal(["k2"], keys);
        var client = await HtmlClient.LoggedInAsync(rotated, Hanneke);
        Assert.Contains("Voor de rotatie", (await client.GetPageAsync($"/huiskamer/casussen/{caseId}")).QuerySelector("#contacten")!.TextContent);
        // Resealing changed only the sealed note of ledger lines; the ledger stays append-only otherwise.
        await Assert.ThrowsAnyAsync<Exception>(() => rotated.AsCaseworkAsync(async db =>
        {
            var line = await db.LedgerEntries.FirstAsync(e => e.Kind == LedgerKind.Spend);
            line.AmountCents -= 1;
            return await db.SaveChangesAsync();
        }));
    }
}
