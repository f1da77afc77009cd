using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.MoneyFlows;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Features.Talents;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Features.Volunteers;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Demo;

/// <summary>The city profile of the demo (Demo:Profile=city): one municipality with 60 enterprises of mixed kinds,
/// synthetic CBS buurten and PC6 postcodes, 200,000 persons and 5,000,000 named check-ins over three years ending today,
/// with volunteers and hours, the buddy programme (intakes, cases, contacts, pots), matches, time credits, rooms and money
/// in proportion. <see cref="DemoOptions.Scale"/> scales the persons and the history's volume (the tests use 0.001).
/// Written with <see cref="DemoBulk"/> (COPY on PostgreSQL) in one transaction; deterministic for a seed and a day
/// (the same figures; the ids are fresh).</summary>
public sealed class DemoCity(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher,
    IPasswordHasher<AppUser> hasher, ILogger<DemoCity> log)
{
    public const int EnterpriseCount = 60;
    public const int FullPeople = 200_000;
    public const long FullCheckIns = 5_000_000;
    public const string MunicipalityCode = "GM0202";

    private static readonly string[] WijkNames =
        ["Klarendal", "Presikhaaf", "Malburgen", "Geitenkamp", "Spijkerkwartier", "Elden", "Schuytgraaf", "Heijenoord", "Sint Marten", "Het Broek"];
    private static readonly string[] BuurtSuffixes = ["Noord", "Zuid", "Oost", "West", "Centrum", "Park", "Dorp", "Haven"];
    private static readonly (string Prefix, EnterpriseKind Kind)[] Kinds =
    [
        ("Huiskamer", EnterpriseKind.LivingRoom), ("Buurtkamer", EnterpriseKind.LivingRoom), ("Stadstuin", EnterpriseKind.Garden),
        ("Jongerenteam", EnterpriseKind.YouthTeam), ("Werkplaats", EnterpriseKind.WorkActivation), ("Wijkcentrum", EnterpriseKind.Other),
    ];
    /// <summary>The enterprises' names and address segments, biggest first ("huiskamer-klarendal" has about 14,000 persons).</summary>
    public static string NameOf(int index) => $"{Kinds[index / WijkNames.Length % Kinds.Length].Prefix} {WijkNames[index % WijkNames.Length]}";

    public static readonly IReadOnlyList<string> Slugs = Enumerable.Range(0, EnterpriseCount).Select(i => Slug(NameOf(i))).ToList();

    private static readonly (string Name, Recurrence Recurrence, TimeOnly Start, TimeOnly End)[] ActivityKinds =
    [
        ("Koffieochtend", Recurrence.Weekly, new(10, 0), new(12, 0)), ("Taalcafé", Recurrence.Weekly, new(14, 0), new(16, 0)),
        ("Samen eten", Recurrence.EveryOtherWeek, new(17, 30), new(19, 30)), ("Moestuin", Recurrence.Weekly, new(10, 0), new(13, 0)),
        ("Huiswerkbegeleiding", Recurrence.Weekly, new(15, 30), new(17, 30)), ("Sport op het plein", Recurrence.Weekly, new(16, 0), new(18, 0)),
        ("Repair café", Recurrence.EveryOtherWeek, new(13, 0), new(16, 0)), ("Breiclub", Recurrence.Weekly, new(13, 30), new(15, 30)),
        ("Computerhulp", Recurrence.Weekly, new(10, 0), new(12, 0)), ("Wandelgroep", Recurrence.Weekly, new(9, 30), new(11, 0)),
        ("Werkervaring", Recurrence.Weekly, new(9, 0), new(15, 0)), ("Spelletjesmiddag", Recurrence.Weekly, new(14, 0), new(16, 30)),
    ];
    private static readonly string[] RoleNames = ["Gastvrouw of gastheer", "Kok", "Klusser", "Chauffeur"];
    private static readonly string[] HelpTexts =
        ["Boodschappen doen", "Hulp met de computer", "Fiets repareren", "Samen koken", "Bijles Nederlands", "Tuin bijhouden", "Mee naar het gemeentehuis"];

    /// <summary>The logins printed at start: a coordinator and a volunteer of the first enterprises (every enterprise has
    /// both, same pattern), a caseworker of the first, the municipality analyst and the platform administrator.</summary>
    public static IReadOnlyList<DemoUser> PrintedUsers(IReadOnlyList<string> slugs) =>
    [
        new("beheer@wijkbasis.demo", "Bea Beheer", Roles.PlatformAdmin, null),
        new("analist@arnhem.demo", "Ali Analist", Roles.MunicipalityAnalyst, null),
        .. slugs.Take(5).SelectMany((s, i) => new DemoUser[]
        {
            new($"coordinator@{s}.demo", $"Coördinator {i + 1}", Roles.Coordinator, i),
            new($"vrijwilliger@{s}.demo", $"Vrijwilliger {i + 1}", Roles.Volunteer, i),
        }),
        new($"casusregisseur@{slugs[0]}.demo", "Cas Casusregisseur", Roles.Caseworker, 0),
    ];

    private sealed class Place
    {
        public required Data.Enterprise Row { get; init; }
        public int Index { get; init; }
        public EnterpriseKind Kind { get; init; }
        public int People { get; set; }
        public bool HasBuddyProgramme => Kind is EnterpriseKind.LivingRoom or EnterpriseKind.Other;
        public Guid CoordinatorId { get; set; }
        public string CoordinatorName { get; set; } = "";
        public Guid VolunteerUserId { get; set; }
        public string VolunteerName { get; set; } = "";
        public Resident[] Residents { get; set; } = [];
        public DateTime[] CreatedAts { get; set; } = [];
        public List<(Guid UserId, Buddy Buddy)> Buddies { get; } = [];
        public Guid WijkverbinderId { get; set; }
        public string WijkverbinderName { get; set; } = "";
    }

    private readonly record struct Resident(Guid Id, DateTime CreatedAt, bool Vrager, bool Drager, bool Email, bool Archived, string FirstName);

    /// <summary>Seeds the city when the database has no enterprise yet; false when it had one.</summary>
    public async Task<bool> SeedIfEmptyAsync(DemoOptions options, CancellationToken cancellationToken = default)
    {
        if (await db.Enterprises.AnyAsync(cancellationToken))
        {
            return false;
        }
        tenant.Leave();
        var bulk = new DemoBulk(db, line => log.LogInformation("Demo city: {Progress}", line));
        var clock = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await bulk.BeforeLoadAsync(cancellationToken);
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await GenerateAsync(bulk, options, cancellationToken);
                await bulk.RestoreDeferredAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            await bulk.AfterLoadAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        log.LogInformation("Demo city: {Rows:N0} rows in {Seconds:F1} s", bulk.TotalRows, clock.Elapsed.TotalSeconds);
        return true;
    }

    private async Task GenerateAsync(DemoBulk bulk, DemoOptions options, CancellationToken ct)
    {
        var scale = Math.Clamp(options.Scale, 0.0001, 10);
        var rng = new Random(options.RandomSeed);
        var now = time.UtcNow();
        var today = time.AmsterdamToday();
        var start = today.AddYears(-3);
        var startUtc = Clock.FromAmsterdam(start, TimeOnly.MinValue);
        var horizon = today.AddDays(SessionPlanner.WeeksAhead * 7);

        // Reference data: synthetic CBS-style wijken (WK0202ww) and buurten (BU0202wwbb), 20 PC6 postcodes each.
        var postcodes = new List<PostcodeArea>();
        for (var w = 0; w < WijkNames.Length; w++)
        {
            for (var b = 0; b < BuurtSuffixes.Length; b++)
            {
                var index = w * BuurtSuffixes.Length + b;
                var pc4 = 6811 + index / 2;
                var firsts = index % 2 == 0 ? "ABCE" : "GHJK";
                foreach (var f in firsts)
                {
                    foreach (var s in "ABCDE")
                    {
                        postcodes.Add(new PostcodeArea
                        {
                            Postcode = $"{pc4}{f}{s}", BuurtCode = $"BU0202{w + 1:00}{b + 1:00}", BuurtName = $"{WijkNames[w]}-{BuurtSuffixes[b]}",
                            WijkCode = $"WK0202{w + 1:00}", WijkName = WijkNames[w], GemeenteCode = MunicipalityCode,
                        });
                    }
                }
            }
        }
        await bulk.WriteAsync(postcodes, ct);

        var municipality = new Municipality { Name = "Arnhem", Code = MunicipalityCode };
        await bulk.WriteAsync([municipality], ct);
        var places = new List<Place>();
        var weights = Enumerable.Range(0, EnterpriseCount).Select(i => 1 / Math.Sqrt(1 + i)).ToArray();
        var totalPeople = (int)Math.Round(FullPeople * scale);
        for (var i = 0; i < EnterpriseCount; i++)
        {
            var kind = Kinds[i / WijkNames.Length % Kinds.Length].Kind;
            var name = NameOf(i);
            places.Add(new Place
            {
                Index = i, Kind = kind, People = Math.Max(3, (int)Math.Round(totalPeople * weights[i] / weights.Sum())),
                Row = new Data.Enterprise
                {
                    Name = name, Slug = Slug(name), Kind = kind, MunicipalityId = municipality.Id, CreatedAt = startUtc.AddDays(-30),
                },
            });
        }
        await bulk.WriteAsync(places.Select(p => p.Row), ct);

        // Logins: one password hash for all (the hash carries its own salt, so sharing it is valid and saves minutes).
        var users = new List<AppUser>();
        var memberships = new List<Membership>();
        var passwordHash = hasher.HashPassword(new AppUser(), options.Password);
        AppUser User(string email, string name, Guid? analystOf = null, bool admin = false)
        {
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = name, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, AnalystMunicipalityId = analystOf, IsPlatformAdmin = admin,
            };
            users.Add(user);
            return user;
        }
        void Member(Place place, AppUser user, string role) =>
            memberships.Add(new Membership { TenantId = place.Row.Id, UserId = user.Id, Role = role, CreatedAt = place.Row.CreatedAt });
        User("beheer@wijkbasis.demo", "Bea Beheer", admin: true);
        User("analist@arnhem.demo", "Ali Analist", municipality.Id);
        foreach (var place in places)
        {
            var first = DemoNeighbourhood.FirstNames[place.Index % DemoNeighbourhood.FirstNames.Length];
            var coordinator = User($"coordinator@{place.Row.Slug}.demo", $"{first} {DemoNeighbourhood.LastNames[place.Index % DemoNeighbourhood.LastNames.Length]}");
            Member(place, coordinator, Roles.Coordinator);
            (place.CoordinatorId, place.CoordinatorName) = (coordinator.Id, coordinator.DisplayName);
            var volunteer = User($"vrijwilliger@{place.Row.Slug}.demo", $"{DemoNeighbourhood.FirstNames[(place.Index + 7) % DemoNeighbourhood.FirstNames.Length]} {DemoNeighbourhood.LastNames[(place.Index + 3) % DemoNeighbourhood.LastNames.Length]}");
            Member(place, volunteer, Roles.Volunteer);
            (place.VolunteerUserId, place.VolunteerName) = (volunteer.Id, volunteer.DisplayName);
            if (place.Index == 0)
            {
                Member(place, User($"casusregisseur@{place.Row.Slug}.demo", "Cas Casusregisseur"), Roles.Caseworker);
            }
            if (!place.HasBuddyProgramme)
            {
                continue;
            }
            var wijkverbinder = User($"wijkverbinder@{place.Row.Slug}.demo", $"Wendy {DemoNeighbourhood.LastNames[(place.Index + 11) % DemoNeighbourhood.LastNames.Length]}");
            Member(place, wijkverbinder, Roles.Wijkverbinder);
            (place.WijkverbinderId, place.WijkverbinderName) = (wijkverbinder.Id, wijkverbinder.DisplayName);
            var buddies = 4 + (int)Math.Round(place.People / 250.0);
            for (var b = 0; b < buddies; b++)
            {
                var kind = b % 5 == 4 ? BuddyKind.Professional : (BuddyKind)(b % 3);
                var user = User($"buddy{b + 1}@{place.Row.Slug}.demo", $"{Pick(rng, DemoNeighbourhood.FirstNames)} {Pick(rng, DemoNeighbourhood.LastNames)}");
                Member(place, user, Roles.Buddy);
                var vog = kind == BuddyKind.Professional ? (DateOnly?)null : today.AddMonths(rng.Next(-3, 34) - 36);
                place.Buddies.Add((user.Id, new Buddy
                {
                    TenantId = place.Row.Id, UserId = user.Id, Name = user.DisplayName, Kind = kind,
                    Organisation = kind == BuddyKind.Professional ? "Sociaal wijkteam Arnhem" : null,
                    Skills = Pick(rng, DemoBuddyProgramme.NeedTagSets) + ";" + Pick(rng, DemoBuddyProgramme.NeedTagSets), Languages = "nederlands",
                    Availability = rng.Next(1, Availability.All), MaxResidents = kind == BuddyKind.Professional ? 8 : rng.Next(2, 5),
                    Postcode = FormatPostcode(Pick(rng, postcodes).Postcode), VogIssuedOn = vog, VogExpiresOn = vog?.AddYears(3), CreatedAt = startUtc.AddDays(-20),
                }));
            }
        }
        await bulk.WriteAsync(users, ct);
        await bulk.WriteAsync(memberships, ct);
        await bulk.WriteAsync(places.SelectMany(p => p.Buddies.Select(b => b.Buddy)), ct);

        // Persons: 45 % already around when the history starts, the others arrive over the three years.
        await bulk.WriteAsync(People(places, postcodes, rng, startUtc, now), ct);
        await bulk.WriteAsync(Consents(places, new Random(options.RandomSeed + 1), now), ct);

        await LogbookAsync(bulk, places, new Random(options.RandomSeed + 2), (long)Math.Round(FullCheckIns * scale), scale, start, today, horizon, now, ct);
        await VolunteersAsync(bulk, places, new Random(options.RandomSeed + 3), start, today, now, ct);
        await BuddyProgrammeAsync(bulk, places, new Random(options.RandomSeed + 4), start, today, now, ct);
        await MatchesAndTimeCreditsAsync(bulk, places, new Random(options.RandomSeed + 5), start, today, now, ct);
        await RoomsAndMoneyAsync(bulk, places, new Random(options.RandomSeed + 6), start, today, now, ct);
    }

    private static IEnumerable<Person> People(List<Place> places, List<PostcodeArea> postcodes, Random rng, DateTime startUtc, DateTime now)
    {
        var span = (now - startUtc).TotalDays;
        foreach (var place in places)
        {
            // An enterprise draws mostly from its own wijk and the next one.
            var wijk = place.Index % WijkNames.Length;
            var near = postcodes.Where(p => p.WijkCode == $"WK0202{wijk + 1:00}" || p.WijkCode == $"WK0202{(wijk + 1) % WijkNames.Length + 1:00}").ToList();
            var persons = new List<Person>(place.People);
            for (var i = 0; i < place.People; i++)
            {
                var first = Pick(rng, DemoNeighbourhood.FirstNames);
                var alias = rng.NextDouble() < 0.03;
                var name = alias ? first : $"{first} {Pick(rng, DemoNeighbourhood.LastNames)}";
                var roll = rng.NextDouble();
                var area = roll < 0.75 ? Pick(rng, near) : roll < 0.92 ? Pick(rng, postcodes) : null;
                var created = rng.NextDouble() < 0.45 ? startUtc.AddDays(-rng.Next(1, 730)) : startUtc.AddDays(rng.NextDouble() * span);
                var isVrager = rng.NextDouble() < 0.6;
                var birthYear = place.Kind == EnterpriseKind.YouthTeam ? now.Year - rng.Next(8, 24)
                    : now.Year - (int)Math.Clamp(18 + (rng.NextDouble() + rng.NextDouble() + rng.NextDouble()) / 3 * 75, 18, 95);
                var person = new Person
                {
                    TenantId = place.Row.Id, Name = name, IsAlias = alias, SearchName = SearchText.Normalize(name),
                    BirthYear = rng.NextDouble() < 0.9 ? birthYear : null, Postcode = area is null ? null : FormatPostcode(area.Postcode),
                    BuurtCode = area?.BuurtCode, Phone = rng.NextDouble() < 0.6 ? $"06 {rng.Next(10_000_000, 99_999_999)}" : null,
                    Languages = rng.NextDouble() < 0.3 ? $"Nederlands, {Pick(rng, DemoNeighbourhood.OtherLanguages)}" : "Nederlands",
                    IsVrager = isVrager, IsDrager = !isVrager || rng.NextDouble() < 0.35, CreatedAt = created, UpdatedAt = created,
                    ArchivedAt = rng.NextDouble() < 0.04 ? Min(created.AddDays(rng.Next(30, 400)), now) : null,
                };
                person.Email = !alias && rng.NextDouble() < 0.3 ? $"{person.SearchName.Replace(' ', '.').Replace("'", "", StringComparison.Ordinal)}{i}@voorbeeld.nl" : null;
                persons.Add(person);
            }
            persons.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
            place.Residents = persons.Select(p => new Resident(p.Id, p.CreatedAt, p.IsVrager, p.IsDrager, p.Email is not null, p.ArchivedAt is not null,
                p.Name.Split(' ')[0])).ToArray();
            place.CreatedAts = persons.Select(p => p.CreatedAt).ToArray();
            foreach (var person in persons)
            {
                yield return person;
            }
        }
    }

    private static IEnumerable<ConsentRecord> Consents(List<Place> places, Random rng, DateTime now)
    {
        foreach (var place in places)
        {
            foreach (var r in place.Residents)
            {
                ConsentRecord Record(ConsentPurpose purpose, bool given, DateTime at) => new()
                {
                    TenantId = place.Row.Id, PersonId = r.Id, Purpose = purpose, LegalBasis = LegalBasis.Consent, Given = given, RecordedAt = at,
                    RecordedByUserId = place.CoordinatorId, RecordedByName = place.CoordinatorName,
                };
                yield return Record(ConsentPurpose.Participation, true, r.CreatedAt);
                if (rng.NextDouble() < 0.5)
                {
                    yield return Record(ConsentPurpose.Reporting, true, r.CreatedAt);
                    if (rng.NextDouble() < 0.1)
                    {
                        yield return Record(ConsentPurpose.Reporting, false, Min(r.CreatedAt.AddDays(rng.Next(1, 100)), now));
                    }
                }
                if (r.Email && rng.NextDouble() < 0.7)
                {
                    yield return Record(ConsentPurpose.ContactByEmail, true, r.CreatedAt);
                }
                if (r.Vrager && rng.NextDouble() < 0.15)
                {
                    yield return Record(ConsentPurpose.BuddyProgramme, true, r.CreatedAt);
                }
            }
        }
    }

    private sealed class Series
    {
        public required Place Place { get; init; }
        public required Activity Activity { get; init; }
        public required string Host { get; init; }
        public List<Session> Sessions { get; } = [];
        public List<double> Weights { get; } = [];
    }

    /// <summary>Activities with weekly (or fortnightly) sessions from three years back to half a year ahead; the check-in
    /// budget is spread over the past sessions by the activity's popularity, the season and the enterprise's growth;
    /// each activity has its pool of regulars (who come once they are known), plus drop-ins from the whole enterprise.</summary>
    private async Task LogbookAsync(DemoBulk bulk, List<Place> places, Random rng, long budget, double scale, DateOnly start, DateOnly today,
        DateOnly horizon, DateTime now, CancellationToken ct)
    {
        var locations = new List<Location>();
        var series = new List<Series>();
        foreach (var place in places)
        {
            var home = new Location { TenantId = place.Row.Id, Name = place.Row.Name, Address = $"{WijkNames[place.Index % WijkNames.Length]}straat {place.Index + 1}, Arnhem", CreatedAt = place.Row.CreatedAt };
            var caravan = new Location { TenantId = place.Row.Id, Name = $"Plein {WijkNames[place.Index % WijkNames.Length]}", IsPopUp = true, Label = "caravan", CreatedAt = place.Row.CreatedAt };
            locations.Add(home);
            locations.Add(caravan);
            var count = Math.Max(1, (int)Math.Round((4 + place.People / (250.0 * scale)) * scale));
            count = Math.Min(count, 4 + place.People / 200 + 1);
            for (var a = 0; a < count; a++)
            {
                var kind = ActivityKinds[(a + place.Index) % ActivityKinds.Length];
                var first = rng.NextDouble() < 0.85 ? start.AddDays(rng.Next(0, 30)) : start.AddDays(rng.Next(60, 900));
                var byVolunteer = a % 3 == 0;
                var activity = new Activity
                {
                    TenantId = place.Row.Id, Name = a < ActivityKinds.Length ? kind.Name : $"{kind.Name} {a / ActivityKinds.Length + 1}",
                    Description = "Iedereen is welkom.", LocationId = a % 7 == 6 ? caravan.Id : home.Id, Recurrence = kind.Recurrence,
                    Day = (DayOfWeek)((a * 3 + place.Index) % 6 + 1), StartTime = kind.Start, EndTime = kind.End, FirstDate = first,
                    HostUserId = byVolunteer ? place.VolunteerUserId : null, PlannedUntil = horizon,
                    CreatedAt = Clock.FromAmsterdam(first.AddDays(-7), new TimeOnly(9, 0)), UpdatedAt = Clock.FromAmsterdam(first.AddDays(-7), new TimeOnly(9, 0)),
                };
                var s = new Series { Place = place, Activity = activity, Host = byVolunteer ? place.VolunteerName : place.CoordinatorName };
                var popularity = 0.4 + rng.NextDouble() * 1.6;
                var garden = place.Kind == EnterpriseKind.Garden;
                foreach (var date in RecurrenceRule.Dates(activity, first, horizon))
                {
                    var session = new Session
                    {
                        TenantId = place.Row.Id, ActivityId = activity.Id, OccurrenceDate = date, LocationId = activity.LocationId,
                        StartsAt = Clock.FromAmsterdam(date, activity.StartTime), EndsAt = Clock.FromAmsterdam(date, activity.EndTime),
                    };
                    var christmas = (date.Month == 12 && date.Day >= 24) || (date.Month == 1 && date.Day <= 1);
                    if (christmas || rng.NextDouble() < 0.02)
                    {
                        session.CancelledAt = session.StartsAt.AddDays(-rng.Next(1, 10));
                        session.CancelReason = christmas ? "Kerstvakantie" : "Geen vrijwilliger beschikbaar";
                    }
                    else if (session.EndsAt < now && date < today.AddDays(-2))
                    {
                        session.ClosedAt = session.EndsAt.AddHours(16);
                        session.ClosedByName = s.Host;
                    }
                    var season = garden ? date.Month switch { >= 4 and <= 9 => 1.0, 3 or 10 => 0.55, _ => 0.2 } : date.Month is 7 or 8 ? 0.7 : 1.0;
                    var growth = 0.7 + 0.3 * (date.DayNumber - start.DayNumber) / (double)(today.DayNumber - start.DayNumber);
                    s.Sessions.Add(session);
                    s.Weights.Add(session.IsCancelled || session.EndsAt >= now ? 0 : popularity * season * growth);
                }
                series.Add(s);
            }
        }
        await bulk.WriteAsync(locations, ct);
        await bulk.WriteAsync(series.Select(s => s.Activity), ct);
        await bulk.WriteAsync(series.SelectMany(s => s.Sessions), ct);

        var total = series.Sum(s => s.Weights.Sum());
        var headCounts = new List<HeadCount>();
        var entries = new List<LogEntry>();
        await bulk.WriteAsync(CheckIns(series, rng, budget / Math.Max(total, 1e-9), headCounts, entries), ct);
        await bulk.WriteAsync(headCounts, ct);
        await bulk.WriteAsync(entries, ct);
    }

    private static IEnumerable<CheckIn> CheckIns(List<Series> series, Random rng, double perWeight, List<HeadCount> headCounts, List<LogEntry> entries)
    {
        var chosen = new HashSet<int>();
        foreach (var s in series)
        {
            var residents = s.Place.Residents;
            if (residents.Length == 0)
            {
                continue;
            }
            var mean = s.Weights.Sum() * perWeight / Math.Max(1, s.Weights.Count(w => w > 0));
            var poolSize = Math.Clamp((int)Math.Round(mean * 2.5), Math.Min(3, residents.Length), residents.Length);
            // Regulars: a random set, in the order they became known (residents are sorted by that).
            var pool = Enumerable.Range(0, residents.Length).OrderBy(_ => rng.Next()).Take(poolSize).Where(i => !residents[i].Archived).Order().ToArray();
            var poolKnown = pool.Select(i => residents[i].CreatedAt).ToArray();
            for (var n = 0; n < s.Sessions.Count; n++)
            {
                var weight = s.Weights[n];
                if (weight <= 0)
                {
                    continue;
                }
                var session = s.Sessions[n];
                var expected = weight * perWeight;
                var k = (int)Math.Round(expected * (0.7 + 0.6 * rng.NextDouble()));
                var eligible = UpperBound(poolKnown, session.StartsAt);
                var everyone = UpperBound(s.Place.CreatedAts, session.StartsAt);
                chosen.Clear();
                for (var c = 0; c < k; c++)
                {
                    int index;
                    if (rng.NextDouble() < 0.1 || c >= eligible)
                    {
                        if (everyone == 0)
                        {
                            break;
                        }
                        index = rng.Next(everyone);
                        if (residents[index].Archived || !chosen.Add(index))
                        {
                            continue;
                        }
                    }
                    else
                    {
                        // Partial Fisher-Yates within the known part of the pool: the first c places are taken.
                        var swap = c + rng.Next(eligible - c);
                        (pool[c], pool[swap]) = (pool[swap], pool[c]);
                        (poolKnown[c], poolKnown[swap]) = (poolKnown[swap], poolKnown[c]);
                        index = pool[c];
                        if (!chosen.Add(index))
                        {
                            continue;
                        }
                    }
                    yield return new CheckIn
                    {
                        TenantId = session.TenantId, SessionId = session.Id, PersonId = residents[index].Id,
                        At = session.StartsAt.AddMinutes(rng.Next(0, 45)), ByName = s.Host,
                    };
                }
                // The swaps above keep the known part's members together, so the pool's known times stay a valid prefix.
                Array.Sort(poolKnown, pool, 0, eligible);
                if (rng.NextDouble() < 0.8)
                {
                    var walkIns = rng.Next(1, 4 + (int)Math.Round(expected / 5));
                    var count = new HeadCount { TenantId = session.TenantId, SessionId = session.Id, At = session.EndsAt.AddMinutes(-10), ByName = s.Host };
                    switch (s.Activity.Name.Split(' ')[0])
                    {
                        case "Huiswerkbegeleiding" or "Sport": count.Teens = walkIns; count.Children = rng.Next(0, 3); break;
                        case "Koffieochtend" or "Breiclub" or "Wandelgroep": count.Seniors = walkIns; count.Adults = rng.Next(0, 3); break;
                        default: count.Adults = walkIns; count.Children = rng.Next(0, 3); break;
                    }
                    headCounts.Add(count);
                }
                if (chosen.Count > 0 && rng.NextDouble() < 0.05)
                {
                    var teller = residents[chosen.First()];
                    entries.Add(new LogEntry
                    {
                        TenantId = session.TenantId, SessionId = session.Id, Kind = LogEntryKind.Story, Text = Pick(rng, DemoLogbook.Stories),
                        PersonId = teller.Id, ConsentToReport = rng.NextDouble() < 0.7, At = session.EndsAt.AddMinutes(-5), ByName = s.Host,
                    });
                }
                if (rng.NextDouble() < 0.06)
                {
                    entries.Add(new LogEntry
                    {
                        TenantId = session.TenantId, SessionId = session.Id, Kind = LogEntryKind.Note, Text = Pick(rng, DemoLogbook.Notes),
                        At = session.EndsAt, ByName = s.Host,
                    });
                }
            }
        }
    }

    /// <summary>Four roles per enterprise; about 4 % of the persons volunteer (mostly dragers), with VOG dates (some
    /// expired, some soon) and hours every one to three weeks while they are active; one is the volunteer's login.</summary>
    private async Task VolunteersAsync(DemoBulk bulk, List<Place> places, Random rng, DateOnly start, DateOnly today, DateTime now, CancellationToken ct)
    {
        var roles = new List<VolunteerRole>();
        var volunteers = new List<(Volunteer Row, Place Place, Resident Person)>();
        foreach (var place in places)
        {
            var mine = RoleNames.Select((n, i) => new VolunteerRole
            {
                TenantId = place.Row.Id, Name = n, Key = VolunteerRole.KeyOf(n), RequiresVog = i >= 2, CreatedAt = place.Row.CreatedAt,
            }).ToList();
            roles.AddRange(mine);
            var candidates = place.Residents.Where(r => r.Drager && !r.Archived).ToList();
            var count = Math.Min(candidates.Count, Math.Max(1, (int)Math.Round(place.People * 0.04)));
            var linked = false;
            foreach (var person in candidates.OrderBy(_ => rng.Next()).Take(count))
            {
                var issued = rng.NextDouble() < 0.85 ? today.AddDays(-rng.Next(0, 3 * 365 + 60)) : (DateOnly?)null;
                var volunteer = new Volunteer
                {
                    TenantId = place.Row.Id, PersonId = person.Id, UserId = linked ? null : place.VolunteerUserId,
                    VogIssuedOn = issued, VogExpiresOn = issued?.AddYears(Vog.DefaultYears), CreatedAt = Max(person.CreatedAt, Clock.FromAmsterdam(start, new(9, 0))),
                    ArchivedAt = rng.NextDouble() < 0.15 ? now.AddDays(-rng.Next(10, 300)) : null,
                };
                volunteers.Add((volunteer, place, person));
                linked = true;
            }
        }
        await bulk.WriteAsync(roles, ct);
        await bulk.WriteAsync(volunteers.Select(v => v.Row), ct);
        var rolesOf = roles.GroupBy(r => r.TenantId).ToDictionary(g => g.Key, g => g.ToArray());
        IEnumerable<VolunteerHours> Hours()
        {
            foreach (var (volunteer, place, person) in volunteers)
            {
                var role = Pick(rng, rolesOf[place.Row.Id]);
                var until = volunteer.ArchivedAt is { } a ? DateOnly.FromDateTime(a) : today;
                for (var day = DateOnly.FromDateTime(volunteer.CreatedAt).AddDays(rng.Next(1, 14)); day <= until; day = day.AddDays(rng.Next(7, 22)))
                {
                    yield return new VolunteerHours
                    {
                        TenantId = place.Row.Id, PersonId = person.Id, RoleId = role.Id, WorkedOn = day, Minutes = 30 * rng.Next(2, 9),
                        At = Clock.FromAmsterdam(day, new TimeOnly(17, 0)), ByName = place.CoordinatorName,
                    };
                }
            }
        }
        await bulk.WriteAsync(Hours(), ct);
        IEnumerable<Contribution> Contributions()
        {
            foreach (var (volunteer, place, person) in volunteers.Where((_, i) => i % 3 == 0))
            {
                var day = DateOnly.FromDateTime(volunteer.CreatedAt).AddDays(rng.Next(5, 200));
                if (day <= today)
                {
                    yield return new Contribution
                    {
                        TenantId = place.Row.Id, PersonId = person.Id, Kind = (ContributionKind)rng.Next(0, 4), Description = Pick(rng, HelpTexts),
                        GivenOn = day, At = Clock.FromAmsterdam(day, new TimeOnly(16, 0)), ByName = place.CoordinatorName,
                    };
                }
            }
        }
        await bulk.WriteAsync(Contributions(), ct);
    }

    /// <summary>In the living rooms and community centres: intakes (about 2.5 % of the persons a year) with sealed answers
    /// and ZRM scores, two thirds matched to a buddy; cases with goals and contacts, closed with an outcome and a closing
    /// ZRM after a few months, some losing touch; a pot per year fed by four sources, with spends within and above mandate.</summary>
    private async Task BuddyProgrammeAsync(DemoBulk bulk, List<Place> places, Random rng, DateOnly start, DateOnly today, DateTime now, CancellationToken ct)
    {
        var settings = new List<ProgrammeSettings>();
        var intakes = new List<Intake>();
        var offers = new List<BuddyOffer>();
        var cases = new List<Case>();
        var items = new List<CaseItem>();
        var contacts = new List<CaseContact>();
        var pots = new List<BudgetPot>();
        var ledger = new List<LedgerEntry>();
        var requests = new List<SpendRequest>();
        var mandates = new List<Mandate>();
        var years = today.DayNumber - start.DayNumber;
        foreach (var place in places.Where(p => p.HasBuddyProgramme && p.Buddies.Count > 0))
        {
            var tenantId = place.Row.Id;
            settings.Add(new ProgrammeSettings { TenantId = tenantId });
            var byYear = new Dictionary<int, BudgetPot>();
            for (var year = start.Year; year <= today.Year; year++)
            {
                var pot = new BudgetPot
                {
                    TenantId = tenantId, Name = $"Buurtpot {year}", StartsOn = new DateOnly(year, 1, 1), EndsOn = new DateOnly(year, 12, 31),
                    CreatedAt = Clock.FromAmsterdam(new DateOnly(year, 1, 1), new(9, 0)).AddDays(-20),
                };
                pots.Add(pot);
                byYear[year] = pot;
                foreach (var (source, name, amount) in new[]
                         {
                             (FundingSource.MunicipalityWmo, "Gemeente Arnhem (Wmo)", 5_000_00L), (FundingSource.HousingCorporation, "Volkshuisvesting Arnhem", 3_000_00L),
                             (FundingSource.NeighbourhoodBudget, "Wijkbudget", 2_000_00L), (FundingSource.Fund, "Oranje Fonds", 1_500_00L),
                         })
                {
                    ledger.Add(new LedgerEntry
                    {
                        TenantId = tenantId, PotId = pot.Id, Kind = LedgerKind.Contribution, AmountCents = amount * Math.Max(1, place.People / 2000),
                        At = Clock.FromAmsterdam(pot.StartsOn, new(9, 0)), BookedOn = pot.StartsOn, ByUserId = place.CoordinatorId,
                        ByName = place.CoordinatorName, Source = source, SourceName = name,
                    });
                }
            }
            foreach (var (userId, buddy) in place.Buddies)
            {
                mandates.Add(new Mandate
                {
                    TenantId = tenantId, UserId = userId, PerSpendCents = buddy.IsProfessional ? 150_00 : 50_00, PerMonthCents = buddy.IsProfessional ? 500_00 : 150_00,
                    SetByName = place.CoordinatorName, SetAt = place.Row.CreatedAt,
                });
            }
            var load = place.Buddies.ToDictionary(b => b.Buddy.Id, _ => 0);
            var vragers = place.Residents.Where(r => r.Vrager && !r.Archived).ToList();
            var count = Math.Min(vragers.Count, Math.Max(3, (int)Math.Round(place.People * 0.025 * years / 365.0)));
            foreach (var person in vragers.OrderBy(_ => rng.Next()).Take(count))
            {
                var earliest = Math.Max(start.DayNumber, DateOnly.FromDateTime(person.CreatedAt).DayNumber);
                if (earliest >= today.DayNumber - 1)
                {
                    continue;
                }
                var held = DateOnly.FromDayNumber(rng.Next(earliest, today.DayNumber));
                var scores = new ZrmScores();
                foreach (var domain in Zrm.Domains.OrderBy(_ => rng.Next()).Take(rng.Next(2, 6)))
                {
                    scores.Set(domain, rng.Next(1, 5));
                }
                var safety = rng.NextDouble() < 0.08;
                var proposal = TriageRule.Default.Propose(scores, safety);
                var goals = Pick(rng, DemoBuddyProgramme.GoalSets);
                var intake = new Intake
                {
                    TenantId = tenantId, PersonId = person.Id, HeldOn = held, ByUserId = place.WijkverbinderId, ByName = place.WijkverbinderName,
                    NeedTags = Pick(rng, DemoBuddyProgramme.NeedTagSets), SafetyConcern = safety, ProposedWeight = proposal.Weight,
                    RuleHeavyAtOrBelow = TriageRule.Default.HeavyAtOrBelow, RuleSafetyConcernIsHeavy = TriageRule.Default.SafetyConcernIsHeavy,
                    DecidedWeight = proposal.Weight, DecidedAt = Clock.FromAmsterdam(held, new(15, 0)), CreatedAt = Clock.FromAmsterdam(held, new(14, 0)),
                    Status = IntakeStatus.Open,
                };
                intake.Want = cipher.Seal(Pick(rng, DemoBuddyProgramme.Wants), intake, nameof(Intake.Want));
                intake.Can = cipher.Seal(Pick(rng, DemoBuddyProgramme.Cans), intake, nameof(Intake.Can));
                intake.Need = cipher.Seal(Pick(rng, DemoBuddyProgramme.Needs), intake, nameof(Intake.Need));
                intake.Goals = cipher.Seal(string.Join("\n", goals), intake, nameof(Intake.Goals));
                intake.Zrm = cipher.Seal(scores.ToJson(), intake, nameof(Intake.Zrm));
                intakes.Add(intake);
                if (held > today.AddDays(-10) || rng.NextDouble() < 0.3)
                {
                    if (rng.NextDouble() < 0.3)
                    {
                        intake.Status = IntakeStatus.Withdrawn;
                    }
                    continue;
                }
                var opened = intake.CreatedAt.AddDays(rng.Next(1, 8));
                var closes = opened < now.AddDays(-90) && rng.NextDouble() < 0.75;
                var fitting = place.Buddies.Where(b => BuddyMatching.KindFits(proposal.Weight, b.Buddy.Kind) && (closes || load[b.Buddy.Id] < b.Buddy.MaxResidents)).ToList();
                if (fitting.Count == 0)
                {
                    continue;
                }
                var (buddyUser, buddy) = Pick(rng, fitting);
                if (rng.NextDouble() < 0.15)
                {
                    var other = Pick(rng, place.Buddies);
                    offers.Add(new BuddyOffer
                    {
                        TenantId = tenantId, IntakeId = intake.Id, PersonId = person.Id, BuddyId = other.Buddy.Id, BuddyUserId = other.UserId,
                        OfferedByUserId = place.WijkverbinderId, OfferedByName = place.WijkverbinderName, OfferedAt = intake.CreatedAt.AddHours(1),
                        Status = OfferStatus.Declined, AnsweredAt = intake.CreatedAt.AddHours(20),
                    });
                }
                offers.Add(new BuddyOffer
                {
                    TenantId = tenantId, IntakeId = intake.Id, PersonId = person.Id, BuddyId = buddy.Id, BuddyUserId = buddyUser,
                    OfferedByUserId = place.WijkverbinderId, OfferedByName = place.WijkverbinderName, OfferedAt = intake.CreatedAt.AddHours(2),
                    Status = OfferStatus.Accepted, AnsweredAt = opened,
                });
                intake.Status = IntakeStatus.Matched;
                var c = new Case
                {
                    TenantId = tenantId, PersonId = person.Id, IntakeId = intake.Id, Weight = proposal.Weight, OwnerBuddyId = buddy.Id, OwnerUserId = buddyUser,
                    CreatedByUserId = place.WijkverbinderId, OpenedAt = opened, Status = CaseStatus.Open,
                };
                foreach (var goal in goals)
                {
                    var item = new CaseItem { TenantId = tenantId, CaseId = c.Id, PersonId = person.Id, IsGoal = true, ByName = place.WijkverbinderName, CreatedAt = opened };
                    item.Text = cipher.Seal(goal, item, nameof(CaseItem.Text));
                    items.Add(item);
                }
                var end = closes ? Min(opened.AddDays(rng.Next(60, 300)), now.AddDays(-3))
                    : rng.NextDouble() < 0.15 ? now.AddDays(-rng.Next(15, 40)) : now.AddDays(-rng.Next(0, 7));
                for (var at = opened.AddDays(rng.Next(1, 5)); at < end; at = at.AddDays(rng.Next(4, 14)))
                {
                    var contact = new CaseContact
                    {
                        TenantId = tenantId, CaseId = c.Id, PersonId = person.Id, On = DateOnly.FromDateTime(at.ToAmsterdam()), Kind = (ContactKind)rng.Next(0, 4),
                        ByUserId = buddyUser, ByName = buddy.Name, At = at,
                    };
                    contact.Note = cipher.Seal(Pick(rng, DemoBuddyProgramme.ContactNotes), contact, nameof(CaseContact.Note));
                    contacts.Add(contact);
                    c.LastContactAt = at;
                }
                if (closes)
                {
                    c.Close((CaseOutcome)rng.Next(0, 5), (c.LastContactAt ?? opened).AddDays(3));
                    var after = new ZrmScores();
                    foreach (var (domain, level) in scores.Scores)
                    {
                        after.Set(domain, Math.Clamp(level + rng.Next(-1, 3), Zrm.LowestLevel, Zrm.HighestLevel));
                    }
                    c.ClosingZrm = cipher.Seal(after.ToJson(), c, nameof(Case.ClosingZrm));
                }
                else
                {
                    load[buddy.Id]++;
                }
                cases.Add(c);
                if (rng.NextDouble() < 0.3 && opened.AddDays(2) < now && byYear.TryGetValue(opened.ToAmsterdam().Year, out var spendPot))
                {
                    var at = opened.AddDays(rng.Next(1, 20));
                    at = at > now ? now.AddHours(-1) : at;
                    var purpose = (SpendPurpose)rng.Next(0, 5);
                    var amount = rng.Next(15, 120) * 100L;
                    var above = amount > (buddy.IsProfessional ? 150_00 : 50_00);
                    var entry = new LedgerEntry
                    {
                        TenantId = tenantId, PotId = spendPot.Id, Kind = LedgerKind.Spend, AmountCents = -amount, At = at, BookedOn = DateOnly.FromDateTime(at.ToAmsterdam()),
                        ByUserId = buddyUser, ByName = buddy.Name, Purpose = purpose, CaseId = c.Id, RequestedByUserId = buddyUser,
                        OnOwnMandate = !above, ApprovedByName = above ? place.CoordinatorName : null,
                    };
                    entry.Note = cipher.Seal("Uitgave voor de bewoner", entry, nameof(LedgerEntry.Note));
                    if (above)
                    {
                        var request = new SpendRequest
                        {
                            TenantId = tenantId, PotId = spendPot.Id, CaseId = c.Id, AmountCents = amount, Purpose = purpose, RequestedByUserId = buddyUser,
                            RequestedByName = buddy.Name, RequestedAt = at.AddHours(-3), WhyApproval = "Boven het mandaat per uitgave.",
                            Status = SpendRequestStatus.Approved, DecidedByUserId = place.CoordinatorId, DecidedByName = place.CoordinatorName,
                            DecidedAt = at, LedgerEntryId = entry.Id,
                        };
                        request.Note = cipher.Seal("Uitgave voor de bewoner", request, nameof(SpendRequest.Note));
                        entry.SpendRequestId = request.Id;
                        requests.Add(request);
                    }
                    ledger.Add(entry);
                }
            }
        }
        await bulk.WriteAsync(settings, ct);
        await bulk.WriteAsync(intakes, ct);
        await bulk.WriteAsync(offers, ct);
        await bulk.WriteAsync(cases, ct);
        await bulk.WriteAsync(items, ct);
        await bulk.WriteAsync(contacts, ct);
        await bulk.WriteAsync(pots, ct);
        await bulk.WriteAsync(mandates, ct);
        // A spend and its request point at each other: the requests first with the entry's id, which has no foreign key.
        await bulk.WriteAsync(requests, ct);
        await bulk.WriteAsync(ledger, ct);
    }

    /// <summary>Matches between a drager and a vrager of the same enterprise (about 2 % of the persons a year) in every
    /// status; a time bank in every third enterprise, with accounts for about 3 % of the persons and transfers every
    /// few days, within the bank's bounds.</summary>
    private async Task MatchesAndTimeCreditsAsync(DemoBulk bulk, List<Place> places, Random rng, DateOnly start, DateOnly today, DateTime now, CancellationToken ct)
    {
        var matches = new List<Match>();
        var settings = new List<TimeCreditSettings>();
        var accounts = new List<TimeCreditAccount>();
        var transfers = new List<TimeCreditTransfer>();
        var movements = new List<TimeCreditMovement>();
        var days = today.DayNumber - start.DayNumber;
        foreach (var place in places)
        {
            var givers = place.Residents.Where(r => r.Drager && !r.Archived).ToArray();
            var receivers = place.Residents.Where(r => r.Vrager && !r.Archived).ToArray();
            var count = givers.Length == 0 || receivers.Length == 0 ? 0 : Math.Max(3, (int)Math.Round(place.People * 0.02 * days / 365.0));
            for (var i = 0; i < count; i++)
            {
                var giver = Pick(rng, givers);
                var receiver = Pick(rng, receivers);
                if (giver.Id == receiver.Id)
                {
                    continue;
                }
                var at = Max(Max(giver.CreatedAt, receiver.CreatedAt), Clock.FromAmsterdam(start, new(10, 0))).AddDays(rng.Next(1, 60));
                if (at > now.AddDays(-1))
                {
                    continue;
                }
                var (match, _) = Match.Suggest(giver.Id, receiver.Id, Pick(rng, HelpTexts), ["Woont in dezelfde buurt"], place.CoordinatorName, at);
                match!.TenantId = place.Row.Id;
                var step = at;
                DateTime Next() => step = Min(step.AddDays(rng.Next(1, 10)), now);
                var target = rng.Next(0, 10);
                if (target >= 1) { match.Introduce(place.CoordinatorName, Next()); }
                if (target >= 3) { match.Agree(Next()); }
                if (target >= 5) { match.Complete(Next()); }
                if (target >= 7) { match.Thank(Next()); }
                if (target == 2) { match.Fizzle("Het klikte niet.", Next()); }
                matches.Add(match);
            }
            if (place.Index % 3 != 0)
            {
                continue;
            }
            var bank = new TimeCreditSettings { TenantId = place.Row.Id, Enabled = true, UpdatedAt = place.Row.CreatedAt, UpdatedByName = place.CoordinatorName };
            settings.Add(bank);
            var opened = Clock.FromAmsterdam(start, new(10, 0));
            var house = new TimeCreditAccount { TenantId = place.Row.Id, Kind = AccountKind.Enterprise, Name = place.Row.Name, OpenedAt = opened };
            var mine = new List<TimeCreditAccount> { house };
            mine.AddRange(place.Residents.Where(r => !r.Archived).OrderBy(_ => rng.Next()).Take(Math.Max(2, place.People * 3 / 100))
                .Select(r => new TimeCreditAccount { TenantId = place.Row.Id, Kind = AccountKind.Person, PersonId = r.Id, Name = r.FirstName, OpenedAt = Max(opened, r.CreatedAt) }));
            accounts.AddRange(mine);
            var balances = mine.ToDictionary(a => a.Id, _ => 0L);
            var perDay = Math.Max(0.05, mine.Count / 60.0);
            for (var day = start.AddDays(1); day <= today; day = day.AddDays(1))
            {
                for (var t = rng.NextDouble() * 2 * perDay; t >= 1 || (t > 0 && rng.NextDouble() < t); t--)
                {
                    var fromHouse = rng.Next(5) == 0;
                    var from = fromHouse ? house : mine[rng.Next(1, mine.Count)];
                    var to = mine[rng.Next(1, mine.Count)];
                    var at = Clock.FromAmsterdam(day, new TimeOnly(rng.Next(9, 20), 0));
                    if (from.OpenedAt > at || to.OpenedAt > at)
                    {
                        continue;
                    }
                    var (transfer, moved, problem) = TimeCreditLedger.Transfer(bank, new(from, balances[from.Id]), new(to, balances[to.Id]),
                        rng.Next(1, 4), fromHouse ? "Gastvrouw of -heer" : Pick(rng, HelpTexts), null, place.CoordinatorName, at, day);
                    if (problem is not null)
                    {
                        continue;
                    }
                    transfers.Add(transfer!);
                    movements.AddRange(moved);
                    foreach (var m in moved)
                    {
                        balances[m.AccountId] += m.Points;
                    }
                }
            }
        }
        await bulk.WriteAsync(matches, ct);
        await bulk.WriteAsync(settings, ct);
        await bulk.WriteAsync(accounts, ct);
        await bulk.WriteAsync(transfers, ct);
        await bulk.WriteAsync(movements, ct);
    }

    /// <summary>One to three rooms per enterprise with fixed weekly renters (social, entrepreneur, commercial rates) over
    /// the three years, some cancelled; and income and spending lines from the usual sources, a good part local.</summary>
    private async Task RoomsAndMoneyAsync(DemoBulk bulk, List<Place> places, Random rng, DateOnly start, DateOnly today, DateTime now, CancellationToken ct)
    {
        var rooms = new List<Room>();
        var bookings = new List<RoomBooking>();
        var lines = new List<MoneyLine>();
        var parties = new[] { ("Buurtyoga", TariffCategory.Social), ("Kapsalon Amira", TariffCategory.Entrepreneur), ("Bewonersvereniging", TariffCategory.Social),
            ("Fysio De Wijk", TariffCategory.Commercial), ("Naaiatelier", TariffCategory.Entrepreneur), ("Koor De Buurtstem", TariffCategory.Social) };
        foreach (var place in places)
        {
            var size = 1 + place.People / 2500;
            var setups = new[] { ("Grote zaal", 60, TariffUnit.Hour, 15_00L, 25_00L, 45_00L), ("Spreekkamer", 8, TariffUnit.Hour, 5_00L, 10_00L, 20_00L),
                ("Keuken", 12, TariffUnit.PartOfDay, 25_00L, 40_00L, 75_00L) }.Take(Math.Min(3, size + 1)).ToList();
            foreach (var (name, capacity, unit, social, entrepreneur, commercial) in setups)
            {
                var room = new Room
                {
                    TenantId = place.Row.Id, Name = name, Capacity = capacity, Unit = unit, SocialRateCents = social, EntrepreneurRateCents = entrepreneur,
                    CommercialRateCents = commercial, Facilities = Facility.Wifi | Facility.Wheelchair, AcceptsRequests = true, CreatedAt = place.Row.CreatedAt,
                    OpenDays = RoomRules.Weekdays | (1 << (int)DayOfWeek.Saturday),
                };
                rooms.Add(room);
                var renters = rng.Next(1, 4);
                for (var r = 0; r < renters; r++)
                {
                    var (party, category) = Pick(rng, parties);
                    var day = (DayOfWeek)(r * 2 + 1);
                    var series = Guid.NewGuid();
                    var from = new TimeOnly(19, 0);
                    var to = new TimeOnly(21, 0);
                    var first = start.AddDays(rng.Next(0, 200));
                    for (var date = first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7); date <= today.AddDays(60); date = date.AddDays(7))
                    {
                        var startsAt = Clock.FromAmsterdam(date, from);
                        var endsAt = Clock.FromAmsterdam(date, to);
                        var cancelled = rng.NextDouble() < 0.03;
                        bookings.Add(new RoomBooking
                        {
                            TenantId = place.Row.Id, RoomId = room.Id, Kind = BookingKind.Booking, StartsAt = startsAt, EndsAt = endsAt, Title = party, Party = party,
                            Category = category, PriceCents = room.PriceFor(category, startsAt, endsAt), SeriesId = series,
                            CreatedAt = Clock.FromAmsterdam(first.AddDays(-7), new(10, 0)), CreatedByName = place.CoordinatorName,
                            CancelledAt = cancelled ? startsAt.AddDays(-2) : null, CancelledByName = cancelled ? place.CoordinatorName : null,
                            CancelReason = cancelled ? "Afgezegd door de huurder" : null,
                        });
                    }
                }
            }
            var factor = Math.Max(0.2, place.People / 3300.0);
            void Every(int stepDays, MoneyDirection direction, IncomeSource? source, SpendingCategory? category, string counterparty, LocalKind? local, long min, long max)
            {
                for (var day = start.AddDays(rng.Next(0, stepDays)); day <= today; day = day.AddDays(stepDays))
                {
                    var cents = (long)Math.Round(rng.NextInt64(min, max + 1) * factor / 100.0) * 100;
                    lines.Add(new MoneyLine
                    {
                        TenantId = place.Row.Id, Direction = direction, Source = source, Category = category, BookedOn = day, AmountCents = Math.Max(100, cents),
                        Counterparty = counterparty, Local = local, At = Clock.FromAmsterdam(day, new(16, 0)), ByUserId = place.CoordinatorId, ByName = place.CoordinatorName,
                    });
                }
            }
            Every(91, MoneyDirection.Income, IncomeSource.Subsidy, null, "Gemeente Arnhem", null, 11_250_00, 11_250_00);
            Every(30, MoneyDirection.Income, IncomeSource.CareContract, null, "Gemeente Arnhem (Wmo)", null, 2_500_00, 3_100_00);
            Every(30, MoneyDirection.Income, IncomeSource.Rent, null, "Huurders", null, 300_00, 700_00);
            Every(7, MoneyDirection.Income, IncomeSource.SalesLunch, null, "Lunchgasten", null, 140_00, 320_00);
            Every(45, MoneyDirection.Income, IncomeSource.Donation, null, "Giften van buurtbewoners", null, 10_00, 150_00);
            Every(365, MoneyDirection.Income, IncomeSource.Fund, null, "Oranje Fonds", null, 7_500_00, 7_500_00);
            Every(30, MoneyDirection.Spending, null, SpendingCategory.PaidWork, "Stichting Wijkwerk Arnhem", null, 3_900_00, 3_900_00);
            Every(30, MoneyDirection.Spending, null, SpendingCategory.VolunteerAllowances, "Vrijwilligers", LocalKind.ResidentPaidForWork, 450_00, 650_00);
            Every(7, MoneyDirection.Spending, null, SpendingCategory.FoodAndDrink, "Bakkerij in de wijk", LocalKind.LocalSupplier, 35_00, 70_00);
            Every(7, MoneyDirection.Spending, null, SpendingCategory.FoodAndDrink, "Jumbo Arnhem", null, 45_00, 130_00);
            Every(30, MoneyDirection.Spending, null, SpendingCategory.RentAndEnergy, "Volkshuisvesting Arnhem", null, 1_450_00, 1_450_00);
            Every(30, MoneyDirection.Spending, null, SpendingCategory.RentAndEnergy, "Vattenfall", null, 380_00, 560_00);
            Every(91, MoneyDirection.Spending, null, SpendingCategory.MaintenanceAndOddJobs, "Klusbedrijf Yilmaz", LocalKind.NeighbourhoodEntrepreneur, 180_00, 650_00);
            Every(91, MoneyDirection.Spending, null, SpendingCategory.Communication, "Drukkerij De Wijk", LocalKind.NeighbourhoodEntrepreneur, 90_00, 210_00);
            Every(30, MoneyDirection.Spending, null, SpendingCategory.AdministrationAndInsurance, "Rabobank", null, 14_50, 14_50);
        }
        await bulk.WriteAsync(rooms, ct);
        await bulk.WriteAsync(bookings, ct);
        await bulk.WriteAsync(lines, ct);
    }

    private static int UpperBound(DateTime[] sorted, DateTime value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }
        while (index < sorted.Length && sorted[index] <= value)
        {
            index++;
        }
        return index;
    }

    public static string Slug(string name) => new string(name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).Replace(' ', '-');

    private static string FormatPostcode(string pc6) => $"{pc6[..4]} {pc6[4..]}";

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
