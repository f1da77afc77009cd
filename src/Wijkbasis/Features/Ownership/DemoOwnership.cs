using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Ownership;

/// <summary>Two rounds of the trap van eigenaarschap for De Huiskamer, half a year apart, each scored by five partners; the
/// residents climb a little between them, and the partners disagree most about a few ingrediënten. Its own random stream.</summary>
public sealed class DemoOwnership(WijkbasisDb db, TenantContext tenant, TimeProvider time)
{
    private static readonly (string Name, PartnerRole Role, int Base)[] Partners =
    [
        ("Bewonersgroep Klarendal", PartnerRole.Resident, 2),
        ("De Huiskamer Klarendal", PartnerRole.Enterprise, 3),
        ("Gemeente Arnhem, wijkteam", PartnerRole.Municipality, 3),
        ("Woonbedrijf Volkshuisvesting", PartnerRole.HousingCorporation, 2),
        ("Zorggroep Arnhem", PartnerRole.CareOrganisation, 2),
    ];

    public async Task GenerateAsync(Data.Enterprise enterprise, int randomSeed, CancellationToken ct)
    {
        var rng = new Random(randomSeed + 33);
        tenant.MoveTo(enterprise, [Roles.Coordinator], "demo-generator", "Corrie Coördinator");
        var now = time.UtcNow();
        var today = time.AmsterdamToday();
        var rounds = new[]
        {
            new OwnershipRound { Name = "Voorjaar", HeldOn = today.AddMonths(-7), ByName = "Corrie Coördinator", CreatedAt = now },
            new OwnershipRound { Name = "Najaar", HeldOn = today.AddMonths(-1), ByName = "Corrie Coördinator", CreatedAt = now },
        };
        rounds[0].Name += " " + rounds[0].HeldOn.Year;
        rounds[1].Name += " " + rounds[1].HeldOn.Year;
        db.OwnershipRounds.AddRange(rounds);
        for (var r = 0; r < rounds.Length; r++)
        {
            foreach (var p in Partners)
            {
                var rungs = new int?[Trap.Count];
                for (var i = 0; i < Trap.Count; i++)
                {
                    rungs[i] = rng.NextDouble() < 0.08 ? null : Math.Clamp(p.Base + r + rng.Next(-1, 2) + (i % 7 == 3 && p.Role == PartnerRole.Resident ? -1 : 0), 1, 5);
                }
                db.OwnershipScorings.Add(new OwnershipScoring
                {
                    RoundId = rounds[r].Id, Role = p.Role, PartnerName = p.Name, PartnerKey = Trap.KeyOf(p.Name), Rungs = Trap.Encode(rungs),
                    ByName = "Corrie Coördinator", CreatedAt = now, UpdatedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
