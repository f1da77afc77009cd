using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Admin;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Demo;

public sealed class DemoOptions
{
    /// <summary>Seed the demo neighbourhood when the database has no enterprises yet.</summary>
    public bool Seed { get; set; }
    /// <summary>How many people in total; benchmarks scale this up.</summary>
    public int People { get; set; } = 1500;
    public int RandomSeed { get; set; } = 20261122;
    /// <summary>How many intakes the buddy programme of the first enterprise has had (about two thirds got a buddy).</summary>
    public int BuddyIntakes { get; set; } = 60;
    public string Password { get; set; } = "Wijkbasis-demo-2026";
    /// <summary>How far back the logbook history goes; tests keep it short.</summary>
    public int LogbookMonths { get; set; } = 24;
    /// <summary>"small" (the default: three enterprises, see <see cref="DemoNeighbourhood"/>) or "city" (see <see cref="DemoCity"/>).</summary>
    public string Profile { get; set; } = "small";
    /// <summary>The city profile's size: 1 is 200,000 persons and 5,000,000 check-ins; the tests use 0.001.</summary>
    public double Scale { get; set; } = 1;

    public bool IsCity => string.Equals(Profile, "city", StringComparison.OrdinalIgnoreCase);
}

/// <param name="Enterprise">Index into <see cref="DemoNeighbourhood.Enterprises"/>; null for roles outside one.</param>
public sealed record DemoUser(string Email, string Name, string Role, int? Enterprise);

/// <summary>A deterministic demo municipality (same seed, same people): three enterprises of the kinds
/// in the seeds, a user for every role, and residents with Dutch-looking names and real-format postcodes.</summary>
public sealed class DemoNeighbourhood(WijkbasisDb db, TenantContext tenant, UserManager<AppUser> users,
    TimeProvider time, DemoLogbook logbook, DemoBuddyProgramme buddyProgramme, DemoTalents talents,
    DemoMoneyAndTimeCredits moneyAndTimeCredits, DemoRooms rooms, DemoVolunteers volunteers, DemoPartners partners,
    Stories.DemoStories stories, Ownership.DemoOwnership ownership,
    ILogger<DemoNeighbourhood> log)
{
    public static readonly (string Name, string Slug, EnterpriseKind Kind, double Share)[] Enterprises =
    [
        ("De Huiskamer Klarendal", "huiskamer", EnterpriseKind.LivingRoom, 0.5),
        ("Stadstuin De Groene Spijker", "groene-spijker", EnterpriseKind.Garden, 0.3),
        ("Jongerenteam Malburgen", "jongeren-malburgen", EnterpriseKind.YouthTeam, 0.2),
    ];

    internal static readonly string[] FirstNames =
    [
        "Anna", "Bram", "Carla", "Daan", "Emma", "Fatima", "Gerrit", "Hanneke", "Ibrahim", "Joke", "Kees", "Lotte",
        "Mohammed", "Nadia", "Olga", "Pieter", "Quinten", "Rosa", "Sanne", "Thijs", "Umut", "Vera", "Willem", "Yasmina",
        "Zeynep", "Ahmed", "Bep", "Cor", "Dewi", "Ellen", "Fleur", "Gijs", "Henk", "Ilse", "Jan", "Karin", "Lars",
        "Marieke", "Noor", "Otto", "Priya", "Riet", "Sem", "Tineke", "Wim", "Youssef", "Ans", "Bart", "Chantal",
        "Dirk", "Esra", "Frank", "Greet", "Hamza", "Inge", "Jesse", "Kim", "Leen", "Mila", "Nico", "Oussama",
        "Petra", "Ruud", "Sophie", "Tom", "Wilma", "Aisha", "Bas", "Demi", "Joost", "Lieke", "Milan", "Sara",
    ];

    internal static readonly string[] LastNames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan",
        "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden",
        "Schouten", "van Beek", "Willems", "van Vliet", "Hoekstra", "Maas", "Verhoeven", "Koster", "Prins",
        "Yilmaz", "Kaya", "El Amrani", "Bouzid", "Öztürk", "Demir", "Pinas", "Tjon", "Nguyen", "Kowalski",
        "Geurts", "Hesselink", "Wijdeveld", "Klaassen", "Stoffelen", "Hamaker", "van Gaans", "Derksen", "Arts",
    ];

    internal static readonly string[] OtherLanguages = ["Arabisch", "Turks", "Tamazight", "Pools", "Engels", "Somalisch", "Tigrinya", "Papiaments", "Sranantongo", "Oekraïens"];

    public static readonly DemoUser[] Users =
    [
        new("beheer@wijkbasis.demo", "Bea Beheer", Roles.PlatformAdmin, null),
        new("analist@arnhem.demo", "Ali Analist", Roles.MunicipalityAnalyst, null),
        new("coordinator@huiskamer.demo", "Corrie Coördinator", Roles.Coordinator, 0),
        new("vrijwilliger@huiskamer.demo", "Vincent Vrijwilliger", Roles.Volunteer, 0),
        new("wijkverbinder@huiskamer.demo", "Wendy Wijkverbinder", Roles.Wijkverbinder, 0),
        new("wijkverbinder2@huiskamer.demo", "Wessel Wijkverbinder", Roles.Wijkverbinder, 0),
        new("buddy@huiskamer.demo", "Bert Buddy", Roles.Buddy, 0),
        new("budget@huiskamer.demo", "Bianca Budget", Roles.BudgetApprover, 0),
        new("casusregisseur@huiskamer.demo", "Cas Casusregisseur", Roles.Caseworker, 0),
        new("professional@huiskamer.demo", "Priya Prins", Roles.Buddy, 0),
        new("student@huiskamer.demo", "Stijn Student", Roles.Buddy, 0),
        new("ervaring@huiskamer.demo", "Erik Ervaring", Roles.Buddy, 0),
        new("buddy2@huiskamer.demo", "Hanneke Visser", Roles.Buddy, 0),
        new("buddy3@huiskamer.demo", "Youssef El Amrani", Roles.Buddy, 0),
        new("buddy4@huiskamer.demo", "Riet Mulder", Roles.Buddy, 0),
        new("buddy5@huiskamer.demo", "Olga Kowalski", Roles.Buddy, 0),
        new("buddy6@huiskamer.demo", "Gijs Hendriks", Roles.Buddy, 0),
        new("wijkteam@huiskamer.demo", "Tom Tjon", Roles.Buddy, 0),
        new("coordinator@groene-spijker.demo", "Gert Groen", Roles.Coordinator, 1),
        new("coordinator@jongeren-malburgen.demo", "Jamal Jeugd", Roles.Coordinator, 2),
    ];

    public async Task<bool> SeedIfEmptyAsync(DemoOptions options, CancellationToken cancellationToken = default)
    {
        if (await db.Enterprises.AnyAsync(cancellationToken))
        {
            return false;
        }
        // All or nothing: an interrupted first start must not leave a half-seeded database behind.
        return await db.InTransactionAsync(async () =>
        {
            await GenerateAsync(options, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>On a start of a demo seeded on an earlier day: each volunteer again has a session to keep today.</summary>
    public async Task KeepTodayOpenAsync(CancellationToken cancellationToken = default)
    {
        foreach (var enterprise in await db.Enterprises.AsNoTracking().ToListAsync(cancellationToken))
        {
            await logbook.KeepTodayOpenAsync(enterprise, cancellationToken);
        }
    }

    public async Task GenerateAsync(DemoOptions options, CancellationToken cancellationToken = default)
    {
        var rng = new Random(options.RandomSeed);
        var now = time.UtcNow();

        log.LogInformation("Demo: postcode table");
        using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "postcode-buurt-demo.csv")))
        {
            await PostcodeImport.ImportAsync(db, reader, cancellationToken);
        }
        var postcodes = await db.PostcodeAreas.Select(a => a.Postcode).OrderBy(p => p).ToListAsync(cancellationToken);

        var arnhem = new Municipality { Name = "Arnhem", Code = "GM0202" };
        db.Municipalities.Add(arnhem);
        var enterprises = Enterprises.Select(e => new Wijkbasis.Data.Enterprise
            { Name = e.Name, Slug = e.Slug, Kind = e.Kind, MunicipalityId = arnhem.Id, CreatedAt = now }).ToList();
        db.Enterprises.AddRange(enterprises);
        await db.SaveChangesAsync(cancellationToken);

        log.LogInformation("Demo: users for every role");
        foreach (var u in Users)
        {
            await AddUserAsync(options, u, u.Enterprise is { } index ? enterprises[index] : null, arnhem.Id);
        }

        var remaining = options.People;
        for (var i = 0; i < enterprises.Count; i++)
        {
            var count = i == enterprises.Count - 1 ? remaining : (int)Math.Round(options.People * Enterprises[i].Share);
            remaining -= count;
            await AddPeopleAsync(enterprises[i], Enterprises[i].Kind, count, postcodes, rng, now, cancellationToken);
        }
        foreach (var enterprise in enterprises)
        {
            await logbook.GenerateAsync(enterprise, rng, options.LogbookMonths, cancellationToken);
        }
        await buddyProgramme.GenerateAsync(enterprises[0], rng, options.BuddyIntakes, cancellationToken);
        await talents.GenerateAsync(enterprises, options.RandomSeed, cancellationToken);
        await moneyAndTimeCredits.GenerateAsync(enterprises, options.RandomSeed, cancellationToken);
        foreach (var enterprise in enterprises)
        {
            await rooms.GenerateAsync(enterprise, rng, options.LogbookMonths, cancellationToken);
        }
        await volunteers.GenerateAsync(enterprises, options.RandomSeed, cancellationToken);
        await partners.GenerateAsync(enterprises[0], options.RandomSeed, cancellationToken);
        await stories.GenerateAsync(enterprises[0], options.RandomSeed, cancellationToken);
        await ownership.GenerateAsync(enterprises[0], options.RandomSeed, cancellationToken);
        tenant.Leave();
    }

    private async Task AddUserAsync(DemoOptions options, DemoUser demoUser, Wijkbasis.Data.Enterprise? enterprise, Guid municipalityId)
    {
        var user = new AppUser
        {
            UserName = demoUser.Email, Email = demoUser.Email, EmailConfirmed = true, DisplayName = demoUser.Name,
            IsPlatformAdmin = demoUser.Role == Roles.PlatformAdmin,
            AnalystMunicipalityId = demoUser.Role == Roles.MunicipalityAnalyst ? municipalityId : null,
        };
        var result = await users.CreateAsync(user, options.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        if (enterprise is not null)
        {
            tenant.Leave();
            tenant.Enter(enterprise, []);
            db.Memberships.Add(new Membership { UserId = user.Id, Role = demoUser.Role, CreatedAt = time.UtcNow() });
            await db.SaveChangesAsync();
        }
    }

    private async Task AddPeopleAsync(Wijkbasis.Data.Enterprise enterprise, EnterpriseKind kind, int count,
        List<string> postcodes, Random rng, DateTime now, CancellationToken cancellationToken)
    {
        tenant.MoveTo(enterprise, [], "demo-generator");
        var buurtOf = await db.PostcodeAreas.ToDictionaryAsync(a => a.Postcode, a => a.BuurtCode, cancellationToken);
        var recorder = await db.Memberships.Where(m => m.Role == Roles.Coordinator).Select(m => m.UserId).FirstAsync(cancellationToken);
        for (var done = 0; done < count;)
        {
            var batch = Math.Min(500, count - done);
            for (var i = 0; i < batch; i++)
            {
                var person = NewPerson(kind, postcodes, buurtOf, rng, now);
                db.People.Add(person);
                AddConsents(person, recorder, rng, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch;
            log.LogInformation("Demo: {Enterprise}: {Done}/{Count} people", enterprise.Name, done, count);
        }
    }

    private static Person NewPerson(EnterpriseKind kind, List<string> postcodes, Dictionary<string, string> buurtOf, Random rng, DateTime now)
    {
        var name = $"{Pick(rng, FirstNames)} {Pick(rng, LastNames)}";
        var alias = rng.NextDouble() < 0.03;
        if (alias)
        {
            name = Pick(rng, FirstNames);
        }
        var roll = rng.NextDouble();
        string? postcode = roll < 0.8
            ? Pick(rng, postcodes)
            : roll < 0.9 ? $"68{rng.Next(10, 99)}{(char)('E' + rng.Next(0, 10))}{(char)('E' + rng.Next(0, 10))}" : null;
        var birthYear = kind == EnterpriseKind.YouthTeam
            ? now.Year - rng.Next(8, 24)
            : now.Year - (int)Math.Clamp(18 + (rng.NextDouble() + rng.NextDouble() + rng.NextDouble()) / 3 * 75, 18, 95);
        var languages = rng.NextDouble() < 0.3 ? $"Nederlands, {Pick(rng, OtherLanguages)}" : "Nederlands";
        var isVrager = rng.NextDouble() < 0.6;
        var isDrager = !isVrager || rng.NextDouble() < 0.35;
        var created = now.AddDays(-rng.Next(1, 730));
        var person = new Person
        {
            Name = name,
            IsAlias = alias,
            SearchName = SearchText.Normalize(name),
            BirthYear = rng.NextDouble() < 0.9 ? birthYear : null,
            Postcode = PostcodeRules.Normalize(postcode),
            Phone = rng.NextDouble() < 0.6 ? $"06 {rng.Next(10_000_000, 99_999_999)}" : null,
            Languages = languages,
            IsVrager = isVrager,
            IsDrager = isDrager,
            CreatedAt = created,
            UpdatedAt = created,
            ArchivedAt = rng.NextDouble() < 0.04 ? created.AddDays(rng.Next(1, 200)) : null,
        };
        person.Email = rng.NextDouble() < 0.3 && !alias ? $"{person.SearchName.Replace(' ', '.').Replace("'", "", StringComparison.Ordinal)}@voorbeeld.nl" : null;
        person.BuurtCode = postcode is null ? null : buurtOf.GetValueOrDefault(postcode);
        return person;
    }

    private void AddConsents(Person person, Guid recorder, Random rng, DateTime now)
    {
        ConsentRecord Record(ConsentPurpose purpose, LegalBasis basis, bool given, DateTime at) => new()
        {
            PersonId = person.Id, Purpose = purpose, LegalBasis = basis, Given = given, RecordedAt = at,
            RecordedByUserId = recorder, RecordedByName = "Corrie Coördinator",
        };
        var at = person.CreatedAt;
        db.Consents.Add(Record(ConsentPurpose.Participation, LegalBasis.Consent, true, at));
        if (rng.NextDouble() < 0.5)
        {
            db.Consents.Add(Record(ConsentPurpose.Reporting, LegalBasis.Consent, true, at));
            if (rng.NextDouble() < 0.1)
            {
                db.Consents.Add(Record(ConsentPurpose.Reporting, LegalBasis.Consent, false, at.AddDays(rng.Next(1, 100)) is var w && w < now ? w : now));
            }
        }
        if (person.Email is not null && rng.NextDouble() < 0.7)
        {
            db.Consents.Add(Record(ConsentPurpose.ContactByEmail, LegalBasis.Consent, true, at));
        }
        if (person.IsVrager && rng.NextDouble() < 0.15)
        {
            db.Consents.Add(Record(ConsentPurpose.BuddyProgramme, LegalBasis.PublicTask, true, at));
        }
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
