using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using Availability = Wijkbasis.Features.Buddies.Availability;

namespace Wijkbasis.Bench.W4;

internal sealed record W4Tenant(Guid Id, string Slug, string Name, Guid MunicipalityId)
{
    /// <summary>As the tenant middleware does for a request: the scope acts for this enterprise.</summary>
    public void EnterIn(IServiceProvider scope) =>
        scope.GetRequiredService<TenantContext>().Enter(new EnterpriseRef(Id, Slug, Name, MunicipalityId), [Wijkbasis.Infrastructure.Auth.Roles.Wijkverbinder]);
}

/// <summary>One enterprise with a large buddy pool, written through the app's own DbContext (so its interceptors
/// stamp the tenant and write the audit rows, as for any row the app writes), in batches with the change tracker
/// cleared in between. Random but repeatable (fixed seed).</summary>
internal static class Seed
{
    private const int Batch = 2_000;

    public static readonly string[] Skills =
        ["administratie", "boodschappen", "fietsen", "schulden", "wonen", "gezondheid", "computer", "taal", "huiswerk",
         "luisteren", "wandelen", "koken", "vervoer", "koffie", "klussen", "tuin", "formulieren", "sport"];

    /// <summary>Besides Dutch; the first ones are the most common.</summary>
    public static readonly string[] Languages =
        ["engels", "arabisch", "turks", "tamazight", "pools", "sranantongo", "papiaments", "somalisch", "tigrinya", "oekraiens", "duits", "spaans"];

    private static readonly string[] FirstNames =
        ["Anouk", "Bram", "Chaima", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ibrahim", "Jasmijn", "Kees", "Lotte", "Mohamed",
         "Noor", "Olga", "Pieter", "Rachid", "Sanne", "Tim", "Yara", "Zeynep", "Wim", "Ilse", "Marek"];

    private static readonly string[] LastNames =
        ["de Vries", "Jansen", "van den Berg", "Bakker", "El Amrani", "Yilmaz", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
         "Kowalski", "de Graaf", "Bouali", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "Öztürk"];

    public static async Task<W4Tenant> EnterpriseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var municipality = new Municipality { Name = "Arnhem", Code = "GM0202" };
        var enterprise = new Enterprise
        {
            Name = "W4 buddypool", Slug = "w4-buddypool", Kind = EnterpriseKind.Other, MunicipalityId = municipality.Id,
            CreatedAt = TimeProvider.System.UtcNow(),
        };
        db.AddRange(municipality, enterprise);
        await db.SaveChangesAsync(cancellationToken);
        return new W4Tenant(enterprise.Id, enterprise.Slug, enterprise.Name, municipality.Id);
    }

    /// <summary>The buddies, each with a login (AppUser), and the people, intakes and cases that give them a load.</summary>
    public static async Task<(int OpenCases, int BuddiesWithCases)> PoolAsync(IServiceProvider services, W4Tenant tenant, int buddies,
        int openCases, int closedCases, CancellationToken cancellationToken)
    {
        var rng = new Random(4_242);
        var now = TimeProvider.System.UtcNow();
        var today = TimeProvider.System.AmsterdamToday();
        var pool = new List<(Guid Id, Guid UserId, BuddyKind Kind)>(buddies);
        for (var start = 0; start < buddies; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            tenant.EnterIn(scope.ServiceProvider);
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + Batch, buddies); i++)
            {
                var (user, buddy) = NewBuddy(rng, i, now, today);
                db.Users.Add(user);
                db.Buddies.Add(buddy);
                pool.Add((buddy.Id, user.Id, buddy.Kind));
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        // Open cases go to random buddies (some end up full, which the matcher then leaves out); closed ones make the
        // status filter do some work.
        var owners = new HashSet<Guid>();
        var total = openCases + closedCases;
        for (var start = 0; start < total; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            tenant.EnterIn(scope.ServiceProvider);
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + Batch, total); i++)
            {
                var owner = pool[rng.Next(pool.Count)];
                var open = i < openCases;
                if (open)
                {
                    owners.Add(owner.Id);
                }
                var weight = owner.Kind == BuddyKind.Professional ? CaseWeight.Heavy : CaseWeight.Light;
                var opened = now.AddDays(-rng.Next(1, 700));
                var person = new Person
                {
                    Name = $"Bewoner {i}", SearchName = $"bewoner {i}", Postcode = Postcode(rng), Languages = LanguagesOf(rng),
                    IsVrager = true, CreatedAt = opened, UpdatedAt = opened,
                };
                var intake = new Intake
                {
                    PersonId = person.Id, HeldOn = DateOnly.FromDateTime(opened), ByUserId = pool[0].UserId, ByName = "W4 wijkverbinder",
                    NeedTags = SkillsOf(rng), ProposedWeight = weight, DecidedWeight = weight, DecidedAt = opened, RuleHeavyAtOrBelow = 2,
                    RuleSafetyConcernIsHeavy = true, Status = IntakeStatus.Matched, CreatedAt = opened,
                };
                db.AddRange(person, intake, new Case
                {
                    PersonId = person.Id, IntakeId = intake.Id, Weight = weight, OwnerBuddyId = owner.Id, OwnerUserId = owner.UserId,
                    CreatedByUserId = pool[0].UserId, OpenedAt = opened, Status = open ? CaseStatus.Open : CaseStatus.Closed,
                    ClosedAt = open ? null : opened.AddDays(rng.Next(30, 300)), Outcome = open ? null : CaseOutcome.GoalsReached,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return (openCases, owners.Count);
    }

    private static (AppUser User, Buddy Buddy) NewBuddy(Random rng, int i, DateTime now, DateOnly today)
    {
        var name = $"{FirstNames[rng.Next(FirstNames.Length)]} {LastNames[rng.Next(LastNames.Length)]}";
        var email = $"buddy{i:D5}@w4.bench";
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, DisplayName = name, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        var roll = rng.Next(100);
        var kind = roll < 55 ? BuddyKind.Volunteer : roll < 70 ? BuddyKind.Student : roll < 85 ? BuddyKind.LivedExperience : BuddyKind.Professional;
        var professional = kind == BuddyKind.Professional;
        // A VOG is valid for three years here; about one in ten has expired, one in twenty never had one.
        DateOnly? issued = professional || rng.Next(20) == 0 ? null : today.AddMonths(-rng.Next(0, 40));
        var buddy = new Buddy
        {
            UserId = user.Id, Name = name, Kind = kind, Organisation = professional ? "Sociaal wijkteam" : null,
            Skills = SkillsOf(rng), Languages = LanguagesOf(rng), Availability = rng.Next(1, Availability.All + 1),
            MaxResidents = professional ? rng.Next(4, 11) : rng.Next(1, 5), Postcode = Postcode(rng),
            VogIssuedOn = issued, VogExpiresOn = issued?.AddYears(3), CreatedAt = now.AddDays(-rng.Next(0, 1500)),
        };
        return (user, buddy);
    }

    /// <summary>One to four practical skills, stored as the app stores tags.</summary>
    public static string SkillsOf(Random rng) =>
        Tags.Normalize(string.Join(';', Enumerable.Range(0, rng.Next(1, 5)).Select(_ => Skills[rng.Next(Skills.Length)])));

    /// <summary>Dutch nearly always, plus none, one or two others (the common ones more often).</summary>
    public static string LanguagesOf(Random rng)
    {
        var languages = new List<string>();
        if (rng.Next(20) != 0)
        {
            languages.Add("nederlands");
        }
        var others = rng.Next(100) switch { < 45 => 0, < 85 => 1, _ => 2 };
        for (var i = 0; i < others || languages.Count == 0; i++)
        {
            languages.Add(Languages[Math.Min(rng.Next(Languages.Length), rng.Next(Languages.Length))]);
        }
        return Tags.Normalize(string.Join(';', languages));
    }

    /// <summary>Mostly Arnhem (6800–6846), some of the region, a few from anywhere in the country.</summary>
    public static string Postcode(Random rng)
    {
        var roll = rng.Next(100);
        var number = roll < 70 ? rng.Next(6800, 6847) : roll < 90 ? rng.Next(6500, 7400) : rng.Next(1000, 10_000);
        return $"{number} {(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}";
    }
}
