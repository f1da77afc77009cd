using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.MoneyFlows;
using Wijkbasis.Features.Partners;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Features.Talents;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Features.Volunteers;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Impact;

/// <summary>A small enterprise built by hand ("Cijferproef": a dozen people, sessions, volunteers, matches, cases, pot,
/// time bank, a room and money lines), with every indicator of the registry computed by hand. The period is the first
/// quarter of 2025 (months 2025-01 … 2025-03), the previous period the last quarter of 2024.</summary>
public sealed class IndicatorFixture : WijkbasisFactory
{
    public const string Slug = "cijferproef";
    public Guid TenantId { get; private set; }
    public Guid OtherTenantId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (TenantId, OtherTenantId) = await InDbAsync(null, async db =>
        {
            var other = await db.Enterprises.SingleAsync(e => e.Slug == "huiskamer");
            var mine = new Wijkbasis.Data.Enterprise { Name = "Cijferproef", Slug = Slug, MunicipalityId = other.MunicipalityId, CreatedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
            db.Enterprises.Add(mine);
            await db.SaveChangesAsync();
            return (mine.Id, other.Id);
        });
        var userId = await InDbAsync(null, db => db.Users.Select(u => u.Id).FirstAsync());
        await InScopeAsync(Slug, async services =>
        {
            var db = services.GetRequiredService<WijkbasisDb>();
            var cipher = services.GetRequiredService<FieldCipher>();
            await BuildAsync(db, cipher, TenantId, userId);
            return 0;
        });
        // The other enterprise holds a session at the same hour as ours on 4 Feb 2025, with three of its own people: they
        // must never join this enterprise's network.
        await InDbAsync("huiskamer", async db =>
        {
            var location = await db.Locations.OrderBy(l => l.Id).FirstAsync();
            var people = await db.People.OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToArrayAsync();
            var created = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
            var activity = new Activity { Name = "Buurtkoffie", LocationId = location.Id, StartTime = new(10, 0), EndTime = new(12, 0), FirstDate = new(2025, 2, 4), CreatedAt = created, UpdatedAt = created };
            db.Add(activity);
            var session = new Session { ActivityId = activity.Id, LocationId = location.Id, OccurrenceDate = new(2025, 2, 4), StartsAt = At(2025, 2, 4), EndsAt = At(2025, 2, 4, 12) };
            db.Add(session);
            foreach (var person in people)
            {
                db.Add(new CheckIn { SessionId = session.Id, PersonId = person, At = session.StartsAt, ByName = "Proef" });
            }
            return await db.SaveChangesAsync();
        });
    }

    private static DateTime At(int y, int m, int d, int hour = 10, int minute = 0) => Clock.FromAmsterdam(new DateOnly(y, m, d), new TimeOnly(hour, minute));

    private static async Task BuildAsync(WijkbasisDb db, FieldCipher cipher, Guid t, Guid userId)
    {
        const string by = "Proef";
        var registered = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        Person P(string name, string? buurt, int? born, bool vrager = false, bool drager = false) =>
            new() { TenantId = t, Name = name, SearchName = name.ToLowerInvariant(), BuurtCode = buurt, BirthYear = born, IsVrager = vrager, IsDrager = drager, CreatedAt = registered, UpdatedAt = registered };
        const string a = "BU99990001", b = "BU99990002";
        var anna = P("Anna", a, 1950, drager: true);
        var bram = P("Bram", a, 1990, vrager: true);
        var cor = P("Cor", b, 2015);
        var dina = P("Dina", b, 2010, vrager: true, drager: true);
        var eva = P("Eva", a, 1985, vrager: true);
        var fenna = P("Fenna", b, 1960, drager: true);
        var gert = P("Gert", null, null, vrager: true);
        var hans = P("Hans", a, 1970, drager: true);
        var ilse = P("Ilse", b, 1980, vrager: true);
        var joop = P("Joop", a, 1975);
        var kees = P("Kees", b, 2000, vrager: true);
        var lot = P("Lot", a, 1995, drager: true);
        db.People.AddRange(anna, bram, cor, dina, eva, fenna, gert, hans, ilse, joop, kees, lot);
        // CBS inhabitants: buurt a counted in 2024 and 2025, buurt b only in 2023 (its latest year is used).
        var imported = registered;
        db.BuurtPopulations.AddRange(
            new BuurtPopulation { BuurtCode = a, Year = 2024, Inhabitants = 1000, ImportedAt = imported },
            new BuurtPopulation { BuurtCode = a, Year = 2025, Inhabitants = 1200, ImportedAt = imported },
            new BuurtPopulation { BuurtCode = b, Year = 2023, Inhabitants = 400, ImportedAt = imported });

        // Logbook: one activity, sessions in Aug and Nov 2024, Feb (2) and Mar (1 held, 1 cancelled) 2025.
        var location = new Location { TenantId = t, Name = "Buurthuis", CreatedAt = registered };
        var activity = new Activity { TenantId = t, Name = "Koffieochtend", LocationId = location.Id, StartTime = new(10, 0), EndTime = new(12, 0), FirstDate = new(2024, 8, 6), CreatedAt = registered, UpdatedAt = registered };
        db.Add(location);
        db.Add(activity);
        Session S(int y, int m, int d, bool cancelled = false)
        {
            var s = new Session
            {
                TenantId = t, ActivityId = activity.Id, LocationId = location.Id, OccurrenceDate = new(y, m, d),
                StartsAt = At(y, m, d), EndsAt = At(y, m, d, 12), CancelledAt = cancelled ? At(y, m, 1) : null,
            };
            db.Add(s);
            return s;
        }
        var s5 = S(2024, 8, 6);
        var s0 = S(2024, 11, 12);
        var s1 = S(2025, 2, 4);
        var s2 = S(2025, 2, 18);
        var s3 = S(2025, 3, 11);
        S(2025, 3, 25, cancelled: true);
        void Visit(Session s, params Person[] people)
        {
            foreach (var p in people)
            {
                db.Add(new CheckIn { TenantId = t, SessionId = s.Id, PersonId = p.Id, At = s.StartsAt, ByName = by });
            }
        }
        Visit(s5, anna, bram);
        Visit(s0, anna, cor, eva);
        Visit(s1, anna, bram, cor, dina);
        Visit(s2, anna, dina, fenna);
        Visit(s3, anna, eva, gert, hans);
        db.Add(new HeadCount { TenantId = t, SessionId = s0.Id, Adults = 5, At = s0.StartsAt, ByName = by });
        db.Add(new HeadCount { TenantId = t, SessionId = s1.Id, Children = 2, Adults = 3, At = s1.StartsAt, ByName = by });
        db.Add(new HeadCount { TenantId = t, SessionId = s3.Id, Teens = 1, Seniors = 4, At = s3.StartsAt, ByName = by });

        // Volunteers and hours, contributions.
        var role = new VolunteerRole { TenantId = t, Name = "Gastvrouw", Key = "gastvrouw", CreatedAt = registered };
        db.Add(role);
        db.Add(new Volunteer { TenantId = t, PersonId = fenna.Id, CreatedAt = new DateTime(2024, 9, 1, 10, 0, 0, DateTimeKind.Utc), VogExpiresOn = new(2026, 1, 1) });
        db.Add(new Volunteer { TenantId = t, PersonId = hans.Id, CreatedAt = new DateTime(2025, 2, 3, 10, 0, 0, DateTimeKind.Utc), VogExpiresOn = new(2025, 3, 15) });
        db.Add(new Volunteer { TenantId = t, PersonId = lot.Id, CreatedAt = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), ArchivedAt = new DateTime(2025, 1, 20, 10, 0, 0, DateTimeKind.Utc) });
        void Hours(Person p, DateOnly on, int minutes) =>
            db.Add(new VolunteerHours { TenantId = t, PersonId = p.Id, RoleId = role.Id, WorkedOn = on, Minutes = minutes, At = registered, ByName = by });
        Hours(fenna, new(2025, 2, 4), 120);
        Hours(fenna, new(2025, 3, 11), 90);
        Hours(hans, new(2025, 3, 11), 60);
        Hours(lot, new(2024, 11, 12), 180);
        db.Add(new Contribution { TenantId = t, PersonId = bram.Id, Kind = ContributionKind.Help, Description = "Stoelen gezet", GivenOn = new(2025, 2, 20), At = registered, ByName = by });
        db.Add(new Contribution { TenantId = t, PersonId = lot.Id, Kind = ContributionKind.Goods, Description = "Taart", GivenOn = new(2024, 10, 5), At = registered, ByName = by });

        // Matches.
        Match M(Person giver, Person receiver, DateTime suggested)
        {
            var (m, _) = Match.Suggest(giver.Id, receiver.Id, "boodschappen", [], by, suggested);
            m!.TenantId = t;
            db.Add(m);
            return m;
        }
        var m1 = M(dina, ilse, At(2025, 1, 10));
        m1.Introduce(by, At(2025, 2, 5));
        m1.Agree(At(2025, 2, 6));
        m1.Complete(At(2025, 3, 5));
        m1.Thank(At(2025, 3, 10));
        var m2 = M(anna, eva, At(2024, 11, 1));
        m2.Introduce(by, At(2024, 11, 5));
        m2.Agree(At(2024, 11, 6));
        m2.Complete(At(2025, 2, 10));
        var m3 = M(joop, bram, At(2025, 3, 1));
        m3.Introduce(by, At(2025, 3, 3));
        var m4 = M(hans, gert, At(2024, 12, 1));
        m4.Introduce(by, At(2024, 12, 2));
        m4.Fizzle("Verhuisd", At(2024, 12, 20));

        // Time bank.
        TimeCreditAccount Account(Person? p) =>
            new() { TenantId = t, Kind = p is null ? AccountKind.Enterprise : AccountKind.Person, PersonId = p?.Id, Name = p?.Name ?? "Cijferproef", OpenedAt = registered };
        var (enterprise, ilseAcc, dinaAcc, keesAcc, bramAcc) = (Account(null), Account(ilse), Account(dina), Account(kees), Account(bram));
        db.AddRange(enterprise, ilseAcc, dinaAcc, keesAcc, bramAcc);
        TimeCreditTransfer Transfer(TimeCreditAccount from, TimeCreditAccount to, long points, DateOnly on, Guid? reverses = null)
        {
            var tr = new TimeCreditTransfer { TenantId = t, FromAccountId = from.Id, ToAccountId = to.Id, Points = points, BookedOn = on, At = registered, Description = "Hulp", ByName = by, ReversesTransferId = reverses };
            db.Add(tr);
            return tr;
        }
        Transfer(ilseAcc, dinaAcc, 3, new(2025, 3, 6));
        Transfer(enterprise, bramAcc, 2, new(2025, 2, 20));
        var t3 = Transfer(keesAcc, bramAcc, 5, new(2025, 2, 25));
        Transfer(bramAcc, keesAcc, 5, new(2025, 2, 27), reverses: t3.Id);
        Transfer(dinaAcc, enterprise, 1, new(2025, 3, 20));
        Transfer(ilseAcc, dinaAcc, 4, new(2024, 12, 15));

        // Buddy programme.
        db.Add(new ProgrammeSettings { TenantId = t, LosingTouchDays = 10 });
        var buddy = new Buddy { TenantId = t, UserId = userId, Name = "Buddy Proef", CreatedAt = registered };
        db.Add(buddy);
        // A professional buddy from the wijkteam holds Bram's and Eva's cases (linking).
        var professionalUserId = await db.Users.Where(u => u.Id != userId).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(); // one buddy per user
        var professional = new Buddy { TenantId = t, UserId = professionalUserId, Name = "Wijkteam Proef", Kind = BuddyKind.Professional, Organisation = "Wijkteam", CreatedAt = registered };
        db.Add(professional);
        Intake I(Person p, DateOnly held, CaseWeight proposed, CaseWeight? decided, params (ZrmDomain, int)[] zrm)
        {
            var i = new Intake { TenantId = t, PersonId = p.Id, HeldOn = held, ByUserId = userId, ByName = by, ProposedWeight = proposed, DecidedWeight = decided, CreatedAt = registered };
            i.Zrm = zrm.Length == 0 ? null : cipher.Seal(Scores(zrm).ToJson(), i, nameof(Intake.Zrm));
            db.Add(i);
            return i;
        }
        static ZrmScores Scores((ZrmDomain, int)[] zrm)
        {
            var s = new ZrmScores();
            foreach (var (d, l) in zrm)
            {
                s.Set(d, l);
            }
            return s;
        }
        var i1 = I(kees, new(2025, 1, 15), CaseWeight.Light, CaseWeight.Heavy, (ZrmDomain.Finances, 2), (ZrmDomain.Housing, 3), (ZrmDomain.SocialNetwork, 2));
        var i2 = I(ilse, new(2025, 2, 10), CaseWeight.Light, null, (ZrmDomain.Finances, 3), (ZrmDomain.MentalHealth, 2));
        var i3 = I(gert, new(2025, 3, 5), CaseWeight.Heavy, null);
        i3.Status = IntakeStatus.Withdrawn;
        var i4 = I(bram, new(2024, 10, 1), CaseWeight.Light, null, (ZrmDomain.Finances, 1), (ZrmDomain.TimeUse, 2));
        var i5 = I(eva, new(2024, 11, 20), CaseWeight.Light, null, (ZrmDomain.Finances, 2), (ZrmDomain.SocialNetwork, 1));
        Case C(Intake i, DateTime opened, CaseOutcome? outcome = null, DateTime? closed = null, params (ZrmDomain, int)[] closing)
        {
            var c = new Case
            {
                TenantId = t, PersonId = i.PersonId, IntakeId = i.Id, Weight = i.DecidedWeight ?? i.ProposedWeight,
                OwnerBuddyId = i == i4 || i == i5 ? professional.Id : buddy.Id,
                OwnerUserId = userId, CreatedByUserId = userId, OpenedAt = opened,
                Status = closed is null ? CaseStatus.Open : CaseStatus.Closed, ClosedAt = closed, Outcome = outcome,
            };
            c.ClosingZrm = closing.Length == 0 ? null : cipher.Seal(Scores(closing).ToJson(), c, nameof(Case.ClosingZrm));
            db.Add(c);
            return c;
        }
        var k1 = C(i1, At(2025, 1, 20));
        var k2 = C(i2, At(2025, 2, 12), CaseOutcome.GoalsReached, At(2025, 3, 28), (ZrmDomain.Finances, 4), (ZrmDomain.MentalHealth, 2), (ZrmDomain.Housing, 3));
        var k3 = C(i4, At(2024, 10, 5));
        var k4 = C(i5, At(2024, 11, 25), CaseOutcome.PartlyReached, At(2025, 2, 14), (ZrmDomain.Finances, 3), (ZrmDomain.SocialNetwork, 3));
        void Contact(Case c, DateOnly on) =>
            db.Add(new CaseContact { TenantId = t, CaseId = c.Id, PersonId = c.PersonId, On = on, Kind = ContactKind.Visit, ByName = by, At = registered });
        Contact(k1, new(2025, 1, 27));
        Contact(k1, new(2025, 2, 3));
        Contact(k2, new(2025, 2, 17));
        Contact(k2, new(2025, 3, 1));
        Contact(k3, new(2024, 10, 10));
        Contact(k3, new(2025, 3, 25));
        Contact(k4, new(2024, 12, 2));

        // Neighbourhood pot: a contribution, spends, and a spend reversed after the quarter.
        var pot = new BudgetPot { TenantId = t, Name = "Wijkpot", StartsOn = new(2024, 1, 1), EndsOn = new(2025, 12, 31), CreatedAt = registered };
        db.Add(pot);
        LedgerEntry L(LedgerKind kind, long cents, DateOnly on, Case? c = null, SpendPurpose? purpose = null, bool own = false, Guid? reverses = null)
        {
            var e = new LedgerEntry
            {
                TenantId = t, PotId = pot.Id, Kind = kind, AmountCents = cents, At = registered, BookedOn = on, ByName = by, CaseId = c?.Id,
                Purpose = purpose, OnOwnMandate = own, ApprovedByName = own || kind != LedgerKind.Spend ? null : "Budgetbeheerder",
                Source = kind == LedgerKind.Contribution ? FundingSource.Fund : null, ReversesEntryId = reverses,
            };
            db.Add(e);
            return e;
        }
        L(LedgerKind.Contribution, 100_000, new(2024, 10, 1));
        L(LedgerKind.Spend, -2_500, new(2025, 2, 5), k1, SpendPurpose.Transport, own: true);
        L(LedgerKind.Spend, -15_000, new(2025, 3, 3), k2, SpendPurpose.HouseholdEmergency);
        var l3 = L(LedgerKind.Spend, -4_000, new(2025, 3, 10), k1, SpendPurpose.AdministrativeFees, own: true);
        L(LedgerKind.Reversal, 4_000, new(2025, 4, 2), k1, SpendPurpose.AdministrativeFees, own: true, reverses: l3.Id);
        L(LedgerKind.Spend, -1_000, new(2024, 12, 5), k3, SpendPurpose.Transport, own: true);

        // A room open on weekdays 9–17, a block on Monday 10 Feb, bookings (one runs past closing, one cancelled, one own use).
        var room = new Room { TenantId = t, Name = "Zaal", Capacity = 20, OpensAt = new(9, 0), ClosesAt = new(17, 0), OpenDays = RoomRules.Weekdays, CreatedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        db.Add(room);
        void Book(DateOnly day, int from, int until, TariffCategory category, long price, BookingKind kind = BookingKind.Booking, bool cancelled = false) =>
            db.Add(new RoomBooking
            {
                TenantId = t, RoomId = room.Id, Kind = kind, StartsAt = At(day.Year, day.Month, day.Day, from), EndsAt = At(day.Year, day.Month, day.Day, until),
                Title = "Boeking", Category = category, PriceCents = price, CreatedAt = registered, CancelledAt = cancelled ? registered : null,
            });
        Book(new(2025, 2, 10), 9, 17, TariffCategory.Own, 0, BookingKind.Block);
        Book(new(2025, 2, 4), 10, 12, TariffCategory.Social, 2_000);
        Book(new(2025, 2, 12), 16, 19, TariffCategory.Commercial, 9_000);
        Book(new(2025, 3, 12), 9, 13, TariffCategory.Entrepreneur, 4_000);
        Book(new(2025, 3, 13), 9, 11, TariffCategory.Commercial, 5_000, cancelled: true);
        Book(new(2025, 3, 14), 13, 15, TariffCategory.Own, 0);
        Book(new(2024, 11, 5), 10, 14, TariffCategory.Social, 3_000);

        // Money lines, one reversed.
        MoneyLine ML(MoneyDirection direction, long cents, DateOnly on, IncomeSource? source = null, SpendingCategory? category = null, LocalKind? local = null, Guid? reverses = null)
        {
            var line = new MoneyLine { TenantId = t, Direction = direction, AmountCents = cents, BookedOn = on, Source = source, Category = category, Local = local, Counterparty = "X", At = registered, ByName = by, ReversesLineId = reverses };
            db.Add(line);
            return line;
        }
        ML(MoneyDirection.Income, 500_000, new(2025, 1, 15), IncomeSource.Subsidy);
        ML(MoneyDirection.Income, 12_000, new(2025, 2, 28), IncomeSource.SalesLunch);
        ML(MoneyDirection.Spending, 30_000, new(2025, 2, 10), category: SpendingCategory.FoodAndDrink, local: LocalKind.LocalSupplier);
        ML(MoneyDirection.Spending, 50_000, new(2025, 3, 1), category: SpendingCategory.RentAndEnergy);
        var ml5 = ML(MoneyDirection.Spending, 20_000, new(2025, 3, 15), category: SpendingCategory.PaidWork, local: LocalKind.ResidentPaidForWork);
        await db.SaveChangesAsync();
        ML(MoneyDirection.Spending, -20_000, new(2025, 3, 15), category: SpendingCategory.PaidWork, local: LocalKind.ResidentPaidForWork, reverses: ml5.Id);
        ML(MoneyDirection.Spending, 8_000, new(2025, 3, 20), category: SpendingCategory.Activities, local: LocalKind.NeighbourhoodEntrepreneur);
        ML(MoneyDirection.Income, 100_000, new(2024, 12, 1), IncomeSource.Fund);
        ML(MoneyDirection.Spending, 10_000, new(2024, 11, 11), category: SpendingCategory.FoodAndDrink, local: LocalKind.LocalSupplier);

        // Warm referrals to one organisation: three in the quarter (one a month), two before it, one after it.
        var debtHelp = new Organisation { TenantId = t, Name = "Schuldhulp", NameKey = "schuldhulp", Kind = OrganisationKind.DebtHelp, CreatedAt = registered, UpdatedAt = registered };
        db.Add(debtHelp);
        void R(Person person, DateOnly on, ReferralOutcome? outcome = null, DateOnly? outcomeOn = null) =>
            db.Add(new Referral { TenantId = t, PersonId = person.Id, OrganisationId = debtHelp.Id, ReferredOn = on, Outcome = outcome, OutcomeOn = outcomeOn, FollowUpUserId = userId, ByUserId = userId, ByName = by, CreatedAt = registered });
        R(bram, new(2025, 1, 10), ReferralOutcome.Arrived, new(2025, 1, 20));
        R(bram, new(2025, 2, 5), ReferralOutcome.Helped, new(2025, 3, 3));
        R(eva, new(2025, 3, 12));
        R(ilse, new(2024, 12, 1), ReferralOutcome.Helped, new(2025, 1, 15));
        R(kees, new(2024, 11, 20), ReferralOutcome.NotArrived, new(2024, 12, 1));
        R(gert, new(2025, 4, 2), ReferralOutcome.Arrived, new(2025, 4, 9));
        await db.SaveChangesAsync();
    }
}

/// <summary>Every indicator in the registry against a number computed by hand, on both databases: the quarter, each of
/// its months (the monthly trend), and the quarter before. Values are in base units: minutes, cents, points.</summary>
public sealed class IndicatorFixtureTests(IndicatorFixture app) : IClassFixture<IndicatorFixture>
{
    private static readonly ImpactPeriod Quarter = ImpactPeriod.Quarter(2025, 1);

    /// <summary>A hand-computed figure: value and denominator for the quarter, its parts, the three months (Jan, Feb, Mar;
    /// a month without rows is 0 with no denominator) and the previous quarter.</summary>
    private sealed record Expected(decimal Value, decimal? Of, (decimal Value, decimal? Of)[] Months, (decimal Value, decimal? Of) Previous,
        Dictionary<string, decimal>? Parts = null);

    private static (decimal, decimal?) V(decimal value, decimal? of = null) => (value, of);

    private static readonly Dictionary<string, Expected> Hand = new()
    {
        // Sessions 4 and 18 Feb, 11 Mar held; 25 Mar cancelled. Previous: 12 Nov.
        ["activities.sessions"] = new(3, null, [V(0), V(2), V(1)], V(1)),
        // 4 + 3 check-ins in Feb, 4 in Mar; 3 on 12 Nov.
        ["activities.checkIns"] = new(11, null, [V(0), V(7), V(4)], V(3)),
        // 4 Feb: 2 children, 3 adults; 11 Mar: 1 teen, 4 seniors. Previous: 5 adults.
        ["activities.headCounts"] = new(10, null, [V(0), V(5), V(5)], V(5),
            new() { ["children"] = 2, ["teens"] = 1, ["adults"] = 3, ["seniors"] = 4 }),
        // Anna, Bram, Cor, Dina, Fenna (Feb); Anna, Eva, Gert, Hans (Mar): 8 different. Previous: Anna, Cor, Eva.
        ["reach.persons"] = new(8, null, [V(0), V(5), V(4)], V(3)),
        // Never before the quarter: Dina, Fenna (Feb), Gert, Hans (Mar). Previous: Cor, Eva (Anna came in Aug).
        ["reach.new"] = new(4, null, [V(0), V(2), V(2)], V(2)),
        // 8 − 4; Feb 5 − 2; Mar 4 − 2. Previous 3 − 2.
        ["reach.returning"] = new(4, null, [V(0), V(3), V(2)], V(1)),
        // Age at the end of 2025: Cor 10, Dina 15, Bram 35, Eva 40, Hans 55, Anna 75, Fenna 65, Gert unknown.
        ["reach.age"] = new(8, null, [V(0), V(5), V(4)], V(3),
            new() { ["children"] = 1, ["teens"] = 1, ["adults"] = 3, ["seniors"] = 2, ["unknown"] = 1 }),
        // Reached with a known buurt: a = Anna, Bram, Eva, Hans (4 of 1,200 in 2025), b = Cor, Dina, Fenna (3 of 400, from 2023).
        // Feb: a Anna, Bram; b Cor, Dina, Fenna. Mar: a Anna, Eva, Hans (Gert has no buurt). Previous (2024: a 1,000):
        // a Anna, Eva; b Cor.
        ["reach.populationShare"] = new(7, 1600, [V(0), V(5, 1600), V(3, 1200)], V(3, 1400)),
        // Fenna (since Sep 2024), Hans (from 3 Feb), Lot (stopped 20 Jan). Per month: Jan Fenna+Lot, Feb/Mar Fenna+Hans. Previous Fenna+Lot.
        ["volunteers.registered"] = new(3, null, [V(2), V(2), V(2)], V(2)),
        // Fenna (Feb, Mar), Hans (Mar). Previous: Lot.
        ["volunteers.active"] = new(2, null, [V(0), V(1), V(2)], V(1)),
        // 120 + 90 + 60 minutes; previous 180.
        ["volunteers.hours"] = new(270, null, [V(0), V(120), V(150)], V(180)),
        // End of Mar: Fenna valid, Hans expired 15 Mar. End of Jan: Fenna only. End of Feb: both valid. End of 2024: Fenna valid, Lot no VOG.
        ["volunteers.vogValid"] = new(1, 2, [V(1, 1), V(2, 2), V(1, 2)], V(1, 2)),
        // Gave: Fenna, Hans (hours), Bram (contribution, points), Dina (match done, points), Anna (match done).
        // Received: Ilse, Eva, Bram (matches), Kees, Ilse, Bram, Eva (cases), Ilse, Dina (paid points). Both: Bram, Dina.
        // Feb: Bram; Mar: Dina. Previous: gave Lot, Dina (points); received Eva, Gert, Bram, Ilse: nobody.
        ["reciprocity.gaveAndReceived"] = new(2, null, [V(0), V(1), V(1)], V(0)),
        // First giving in the quarter after asking: Bram (vrager since Jun 2024, contribution 20 Feb), Dina (vrager, match done 5 Mar).
        // Anna, Fenna, Hans gave first but never asked. Previous: Lot gave first but never asked.
        ["reciprocity.vragerToDrager"] = new(2, null, [V(0), V(1), V(1)], V(0)),
        // Reached with a flag: Anna D, Bram V, Dina V+D (drager), Eva V, Fenna D, Gert V, Hans D: 4 of 7.
        // Feb: Anna, Bram, Dina, Fenna: 3 of 4. Mar: Anna, Eva, Gert, Hans: 2 of 4. Previous: Anna D, Eva V: 1 of 2.
        ["reciprocity.dragerShare"] = new(4, 7, [V(0), V(3, 4), V(2, 4)], V(1, 2)),
        // 15 Jan Kees (proposed light, decided heavy), 10 Feb Ilse light, 5 Mar Gert heavy (withdrawn later). Previous: Bram, Eva light.
        ["buddy.intakes"] = new(3, null, [V(1), V(1), V(1)], V(2), new() { ["light"] = 1, ["heavy"] = 2 }),
        // Kees: intake 15 Jan, first contact 27 Jan = 12 days; Ilse: 10 Feb → 17 Feb = 7. Previous: Bram 1 → 10 Oct = 9, Eva 20 Nov → 2 Dec = 12.
        ["buddy.daysToFirstContact"] = new(19, 2, [V(12, 1), V(7, 1), V(0)], V(21, 2)),
        // Eva's case closed 14 Feb (partly), Ilse's 28 Mar (goals reached).
        ["buddy.closed"] = new(2, null, [V(0), V(1), V(1)], V(0), new() { ["goalsReached"] = 1, ["partlyReached"] = 1 }),
        // 10 days. End of Mar: Kees (last 3 Feb) lost, Bram (25 Mar) not. End of Jan: Bram (10 Oct), Eva (2 Dec) lost, Kees (27 Jan) not.
        // End of Feb: Kees (3 Feb), Ilse (17 Feb), Bram lost. End of 2024: Bram (10 Oct), Eva (2 Dec).
        ["buddy.lostContact"] = new(1, null, [V(2), V(3), V(1)], V(2)),
        // Closed in the quarter: Eva (finances 2→3, social network 1→3), Ilse (finances 3→4, mental health 2→2; housing only at closing).
        ["buddy.zrmChange"] = new(4, 4, [V(0), V(3, 2), V(1, 2)], V(0), new() { ["finances"] = 2, ["mentalHealth"] = 0, ["socialNetwork"] = 2 }),
        // Introduced 5 Feb (Dina–Ilse) and 3 Mar (Joop–Bram). Previous: 5 Nov, 2 Dec.
        ["matches.made"] = new(2, null, [V(0), V(1), V(1)], V(2)),
        // Done 10 Feb (Anna–Eva) and 5 Mar (Dina–Ilse).
        ["matches.completed"] = new(2, null, [V(0), V(1), V(1)], V(0)),
        // Referrals dated 10 Jan, 5 Feb, 12 Mar (Bram twice, Eva). Previous: 1 Dec, 20 Nov.
        // Bonding and bridging (docs/decisions/0028). Age bands at the end of 2025: Anna 75 senior, Bram 35 adult, Cor 10 child,
        // Dina 15 teen, Eva 40 adult, Fenna 65 senior, Hans 55 adult, Gert unknown (also no buurt). Buurt a: Anna, Bram, Eva,
        // Hans; b: Cor, Dina, Fenna. Sessions: 4 Feb {Anna, Bram, Cor, Dina} n = 4 (weight 1/3); 18 Feb {Anna, Dina, Fenna}
        // n = 3 (1/2); 11 Mar {Anna, Eva, Gert, Hans} n = 4 (1/3). Weights are summed over both ends of each tie.
        // Per end: internal (k_own − 1)/(n − 1), external (K − k_own)/(n − 1), K = attendees with a known category.
        // Age: 4 Feb all four bands differ: 4 ends × E 3/3 → E 4, I 0. 18 Feb Anna S, Dina T, Fenna S: I (1+0+1)/2 = 1,
        //   E (1+2+1)/2 = 2. 11 Mar K = 3, Anna S, Eva A, Hans A: I (0+1+1)/3 = 2/3, E (2+1+1)/3 = 4/3.
        //   Quarter: E = 22/3, I = 5/3: value E − I = 17/3, of E + I = 9 (index 17/27 = +0.63). Feb 6 − 1 = 5 of 7; Mar 2/3 of 2.
        // Buurt: 4 Feb a a b b: each end I 1/3, E 2/3 → I 4/3, E 8/3. 18 Feb a b b: I (0+1+1)/2 = 1, E (2+1+1)/2 = 2.
        //   11 Mar a a ? a (K = 3): I 3 × 2/3 = 2, E 0. Quarter: E 14/3, I 13/3: value 1/3 of 9 (index +0.04).
        //   Feb 14/3 − 7/3 = 7/3 of 7; Mar −2 of 2.
        // Previous (12 Nov 2024, Anna S a, Cor C b, Eva A a; n = 3): age E 6/2 = 3, I 0; buurt Anna, Eva I 1/2 + 1/2 = 1,
        //   E 1/2 + 1/2 + 2/2 = 2.
        ["network.people"] = new(8, null, [V(0), V(5), V(4)], V(3)),
        ["network.eiAge"] = new(17m / 3, 9, [V(0), V(5, 7), V(2m / 3, 2)], V(3, 3)),
        ["network.eiBuurt"] = new(1m / 3, 9, [V(0), V(7m / 3, 7), V(-2, 2)], V(1, 3)),
        // Per end, the others of another category: age 4 Feb 4 × 3 = 12, 18 Feb 1 + 2 + 1 = 4, 11 Mar 2 + 1 + 1 = 4.
        // Buurt 4 Feb 4 × 2 = 8, 18 Feb 2 + 1 + 1 = 4, 11 Mar 0. Previous: age 3 × 2 = 6, buurt 1 + 1 + 2 = 4.
        ["network.bridgingAge"] = new(20, null, [V(0), V(16), V(4)], V(6)),
        ["network.bridgingBuurt"] = new(12, null, [V(0), V(12), V(0)], V(4)),
        // Measured: known category and met another known one. Age: all but Gert (7), every one of them bridged.
        // Buurt: 7 measured; Eva and Hans met only buurt a (11 Mar): 5 of 7. Mar: 0 of 3 (Anna, Eva, Hans).
        ["network.bridgersAge"] = new(7, 7, [V(0), V(5, 5), V(3, 3)], V(3, 3)),
        ["network.bridgersBuurt"] = new(5, 7, [V(0), V(5, 5), V(0, 3)], V(3, 3)),
        // Cases of the professional buddy: Bram (open since 5 Oct 2024), Eva (25 Nov 2024 – 14 Feb 2025).
        ["linking.professionalBuddy"] = new(2, null, [V(2), V(2), V(1)], V(2)),
        ["linking.referrals"] = new(3, null, [V(1), V(1), V(1)], V(2)),
        // Arrived 20 Jan (Bram), helped 15 Jan (Ilse, referred before the quarter) and 3 Mar (Bram). Previous: only "not arrived".
        ["linking.arrived"] = new(3, null, [V(2), V(0), V(1)], V(0), new() { ["arrived"] = 1, ["helped"] = 2 }),
        // Ilse→Dina 3, enterprise→Bram 2, Dina→enterprise 1; Kees→Bram 5 reversed. Previous: Ilse→Dina 4.
        ["timeCredits.exchanged"] = new(6, null, [V(0), V(2), V(4)], V(4), new() { ["betweenPersons"] = 3, ["fromEnterprise"] = 2, ["toEnterprise"] = 1 }),
        // Transport 25 (own mandate, Feb), household emergency 150 (approved, Mar); fees 40 reversed on 2 Apr. Previous: transport 10.
        ["pot.byPurpose"] = new(17_500, null, [V(0), V(2_500), V(15_000)], V(1_000), new() { ["transport"] = 2_500, ["householdEmergency"] = 15_000 }),
        ["pot.byMandate"] = new(17_500, null, [V(0), V(2_500), V(15_000)], V(1_000), new() { ["ownMandate"] = 2_500, ["approved"] = 15_000 }),
        // Weekdays 23 + 20 + 21, minus the blocked Monday, × 480 minutes. Booked: 120 + 60 (until closing) + 240 + 120 (own use).
        // Previous: 66 weekdays × 480, 240 booked.
        ["rooms.occupancy"] = new(540, 63 * 480, [V(0, 23 * 480), V(180, 19 * 480), V(360, 21 * 480)], V(240, 66 * 480)),
        // Social 20, commercial 90 (Feb), entrepreneur 40 (Mar); cancelled and own use bring nothing. Previous: social 30.
        ["rooms.income"] = new(15_000, null, [V(0), V(11_000), V(4_000)], V(3_000), new() { ["social"] = 2_000, ["entrepreneur"] = 4_000, ["commercial"] = 9_000 }),
        // Subsidy 5000 (Jan), lunch 120 (Feb). Previous: fund 1000.
        ["money.income"] = new(512_000, null, [V(500_000), V(12_000), V(0)], V(100_000), new() { ["subsidy"] = 500_000, ["salesLunch"] = 12_000 }),
        // Food 300 (Feb), rent 500, activities 80 (Mar); paid work 200 reversed. Previous: food 100.
        ["money.spending"] = new(88_000, null, [V(0), V(30_000), V(58_000)], V(10_000), new() { ["foodAndDrink"] = 30_000, ["rentAndEnergy"] = 50_000, ["activities"] = 8_000 }),
        // Local: food 300 + activities 80 of 880. Feb 300 of 300, Mar 80 of 580. Previous 100 of 100.
        ["money.localShare"] = new(38_000, 88_000, [V(0), V(30_000, 30_000), V(8_000, 58_000)], V(10_000, 10_000)),
    };

    private Task<IReadOnlyList<IndicatorFigures>> ComputeAsync(ImpactPeriod period) =>
        app.InScopeAsync(IndicatorFixture.Slug, services => services.GetRequiredService<ImpactCalculator>()
            .ComputeAllAsync(ImpactScope.Enterprise(app.TenantId), period, byMonth: false, CancellationToken.None));

    [Fact]
    public void EveryIndicatorInTheRegistryHasAHandComputedFigure()
    {
        var missing = IndicatorRegistry.All.Select(i => i.Id).Where(id => !Hand.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, "No hand-computed figure for: " + string.Join(", ", missing));
        Assert.Empty(Hand.Keys.Except(IndicatorRegistry.All.Select(i => i.Id)));
    }

    [Fact]
    public async Task EveryIndicatorMatchesItsHandComputedFigureForTheQuarterAndItsParts()
    {
        var figures = await ComputeAsync(Quarter);
        Assert.All(figures.SelectMany(f => f.Rows), r => Assert.Null(r.Month));
        var wrong = new List<string>();
        foreach (var f in figures)
        {
            var hand = Hand[f.Indicator.Id];
            Check(wrong, f.Indicator.Id, (hand.Value, hand.Of), f.Total);
            foreach (var (part, value) in hand.Parts ?? [])
            {
                Assert.Contains(f.Indicator.Parts, p => p.Key == part);
                Check(wrong, $"{f.Indicator.Id}[{part}]", (value, null), f.Part(part) with { Of = null });
            }
            if (hand.Parts is not null)
            {
                Assert.All(f.Rows, r => Assert.Contains(r.Part, hand.Parts.Keys));
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task EveryIndicatorMatchesItsHandComputedFigureForEachMonthOfTheQuarter()
    {
        var trend = await app.InScopeAsync(IndicatorFixture.Slug, services => services.GetRequiredService<ImpactCalculator>()
            .ComputeTrendAsync(ImpactScope.Enterprise(app.TenantId), new(2025, 1, 1), new(2025, 3, 1), IndicatorRegistry.All, CancellationToken.None));
        var wrong = new List<string>();
        int[] months = [202501, 202502, 202503];
        foreach (var f in trend)
        {
            Assert.All(f.Rows, r => Assert.Contains(r.Month!.Value, months));
            var hand = Hand[f.Indicator.Id];
            for (var i = 0; i < months.Length; i++)
            {
                Check(wrong, $"{f.Indicator.Id}@{months[i]}", hand.Months[i], f.Month(months[i]));
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task EveryIndicatorMatchesItsHandComputedFigureForThePreviousQuarter()
    {
        Assert.Equal(ImpactPeriod.Quarter(2024, 4), Quarter.Previous);
        var figures = await ComputeAsync(Quarter.Previous);
        var wrong = new List<string>();
        foreach (var f in figures)
        {
            Check(wrong, f.Indicator.Id + " (previous)", Hand[f.Indicator.Id].Previous, f.Total);
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task SplittingTheQuarterByMonthGivesTheSameMonthsAsTheTrendForEveryFigureThatSplits()
    {
        var monthly = await app.InScopeAsync(IndicatorFixture.Slug, services => services.GetRequiredService<ImpactCalculator>()
            .ComputeAllAsync(ImpactScope.Enterprise(app.TenantId), Quarter, byMonth: true, CancellationToken.None));
        var wrong = new List<string>();
        int[] months = [202501, 202502, 202503];
        foreach (var f in monthly.Where(f => f.Indicator.SplitsByMonth))
        {
            for (var i = 0; i < months.Length; i++)
            {
                Check(wrong, $"{f.Indicator.Id}@{months[i]}", Hand[f.Indicator.Id].Months[i], f.Month(months[i]));
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task AnotherEnterprisesRowsNeverAppearInTheEnterpriseScope()
    {
        var period = ImpactPeriod.Year(2025);
        var mine = await app.InScopeAsync(IndicatorFixture.Slug, services => services.GetRequiredService<ImpactCalculator>()
            .ComputeAllAsync(ImpactScope.Enterprise(app.TenantId), period, byMonth: true, CancellationToken.None));
        Assert.All(mine.SelectMany(f => f.Rows), r => Assert.Equal(app.TenantId, r.TenantId));
        var theirs = await app.InScopeAsync("huiskamer", services => services.GetRequiredService<ImpactCalculator>()
            .ComputeAllAsync(ImpactScope.Enterprise(app.OtherTenantId), period, byMonth: true, CancellationToken.None));
        Assert.All(theirs.SelectMany(f => f.Rows), r => Assert.Equal(app.OtherTenantId, r.TenantId));
        // Both together (the municipal scope): the fixture's own rows are exactly what its enterprise scope gives.
        var both = await app.InScopeAsync(null, services => services.GetRequiredService<ImpactCalculator>()
            .ComputeAllAsync(ImpactScope.Municipality([app.TenantId, app.OtherTenantId]), period, byMonth: true, CancellationToken.None));
        foreach (var f in both)
        {
            // Inhabitants rows (reach as a share of the buurt) belong to the buurt, not an enterprise: in the municipal
            // scope they carry no enterprise, so each buurt's inhabitants count once.
            bool Inhabitants(FigureRow r) => f.Indicator.Id == Wijkbasis.Features.Impact.Indicators.Population.ReachShare && r.Base is null;
            var alone = mine.Single(m => m.Indicator.Id == f.Indicator.Id);
            Assert.Equal(Sorted(alone.Rows.Where(r => !Inhabitants(r))), Sorted(f.Rows.Where(r => r.TenantId == app.TenantId && !Inhabitants(r))));
            Assert.All(f.Rows.Where(Inhabitants), r => Assert.Equal(Guid.Empty, r.TenantId));
        }
    }

    [Fact]
    public async Task AnotherEnterprisesCheckInsAtTheSameHourNeverJoinThisEnterprisesNetwork()
    {
        var network = IndicatorRegistry.All.Where(i => i.Section == IndicatorSection.Network).ToList();
        var both = await app.InScopeAsync(null, services => services.GetRequiredService<ImpactCalculator>()
            .ComputeAsync(ImpactScope.Municipality([app.TenantId, app.OtherTenantId]), Quarter, false, network, CancellationToken.None));
        Figure Of(string id, Guid tenant) => both.Single(f => f.Indicator.Id == id).Where(r => r.TenantId == tenant);
        // Ours as worked out by hand (8 people; E − I = 17/3 over 9 by age), also with the other enterprise in scope.
        Assert.Equal(8, Of(Wijkbasis.Features.Impact.Indicators.Network.People, app.TenantId).Value);
        var age = Of(Wijkbasis.Features.Impact.Indicators.Network.IndexByAge, app.TenantId);
        Assert.True(Math.Abs(age.Value - 17m / 3) < 1e-20m && age.Of is { } of && Math.Abs(of - 9) < 1e-20m, $"{age}");
        // Theirs counted in their own rows: the three at their session of 4 Feb (and whatever else their demo holds).
        Assert.True(Of(Wijkbasis.Features.Impact.Indicators.Network.People, app.OtherTenantId).Value >= 3);
    }

    private static List<FigureRow> Sorted(IEnumerable<FigureRow> rows) =>
        rows.OrderBy(r => r.BuurtCode).ThenBy(r => r.Month).ThenBy(r => r.Part, StringComparer.Ordinal).ToList();

    /// <summary>Equal within decimal's 28 digits: the network's weights are thirds (0.333…3), summed per buurt row.</summary>
    private static void Check(List<string> wrong, string what, (decimal Value, decimal? Of) hand, Figure actual)
    {
        static bool Near(decimal? a, decimal? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-20m;
        if (!Near(actual.Value, hand.Value) || !Near(actual.Of, hand.Of))
        {
            wrong.Add($"{what}: expected {hand.Value}/{hand.Of?.ToString() ?? "-"}, got {actual.Value}/{actual.Of?.ToString() ?? "-"}");
        }
    }
}
