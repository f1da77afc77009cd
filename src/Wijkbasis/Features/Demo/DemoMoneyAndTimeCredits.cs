using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.MoneyFlows;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Demo;

/// <summary>Income and spending of every demo enterprise from the first of January last year until today, from Dutch
/// sources and counterparties, with a believable local share (a quarter to a third of the spending); one correction by reversal. And a time
/// bank switched on in the first enterprise, with accounts for a dozen residents and half a year of transfers.
/// Deterministic for a given seed and day; uses a random source of its own, so the rest of the demo stays the same.</summary>
public sealed class DemoMoneyAndTimeCredits(Wijkbasis.Data.WijkbasisDb db, TenantContext tenant, TimeProvider time, ILogger<DemoMoneyAndTimeCredits> log)
{
    private enum Every { Week, Month, Quarter, Year, Sometimes }

    private sealed record Template(MoneyDirection Direction, IncomeSource? Source, SpendingCategory? Category, string Counterparty,
        string? Description, LocalKind? Local, Every Every, long MinCents, long MaxCents);

    private static Template In(IncomeSource source, string counterparty, string? description, Every every, long min, long max) =>
        new(MoneyDirection.Income, source, null, counterparty, description, null, every, min, max);

    private static Template Out(SpendingCategory category, string counterparty, string? description, LocalKind? local, Every every, long min, long max) =>
        new(MoneyDirection.Spending, null, category, counterparty, description, local, every, min, max);

    private static readonly Template[] Templates =
    [
        In(IncomeSource.Subsidy, "Gemeente Arnhem", "Subsidie sociale basis, kwartaaltermijn", Every.Quarter, 11_250_00, 11_250_00),
        In(IncomeSource.CareContract, "Gemeente Arnhem (Wmo)", "Algemene voorziening dagbesteding", Every.Month, 2_650_00, 3_100_00),
        In(IncomeSource.Rent, "Kapsalon Amira", "Huur werkplek", Every.Month, 350_00, 350_00),
        In(IncomeSource.Rent, "Buurtyoga Klarendal", "Huur zaal dinsdagavond", Every.Month, 120_00, 160_00),
        In(IncomeSource.SalesLunch, "Lunchgasten", "Opbrengst lunch deze week", Every.Week, 140_00, 320_00),
        In(IncomeSource.SalesGiveAwayShop, "Bezoekers weggeefwinkel", "Vrijwillige bijdragen", Every.Month, 35_00, 95_00),
        In(IncomeSource.SalesSecondHand, "Tweedehandsverkoop", "Kleding en boeken", Every.Month, 120_00, 310_00),
        In(IncomeSource.Donation, "Rotary Arnhem", "Gift voor de kerstmaaltijd", Every.Year, 750_00, 750_00),
        In(IncomeSource.Donation, "Giften van buurtbewoners", null, Every.Sometimes, 10_00, 150_00),
        In(IncomeSource.Fund, "Oranje Fonds", "Bijdrage Buurtkamer-programma", Every.Year, 7_500_00, 7_500_00),
        In(IncomeSource.Fund, "VSBfonds", "Project Samen aan tafel", Every.Year, 4_000_00, 4_000_00),
        Out(SpendingCategory.PaidWork, "Stichting Wijkwerk Arnhem", "Detachering coördinator", null, Every.Month, 3_900_00, 3_900_00),
        Out(SpendingCategory.PaidWork, "Schoonmaakteam bewoners Klarendal", "Schoonmaak van de ruimte", LocalKind.ResidentPaidForWork, Every.Month, 420_00, 480_00),
        Out(SpendingCategory.PaidWork, "Buurtkok (bewoner)", "Koken voor de buurtmaaltijd", LocalKind.ResidentPaidForWork, Every.Month, 300_00, 450_00),
        Out(SpendingCategory.VolunteerAllowances, "Vrijwilligers", "Vrijwilligersvergoedingen", LocalKind.ResidentPaidForWork, Every.Month, 450_00, 650_00),
        Out(SpendingCategory.FoodAndDrink, "Bakkerij Klarendal", "Brood en koek", LocalKind.LocalSupplier, Every.Week, 35_00, 70_00),
        Out(SpendingCategory.FoodAndDrink, "Groente en fruit Steenstraat", "Groente voor de lunch", LocalKind.LocalSupplier, Every.Week, 40_00, 90_00),
        Out(SpendingCategory.FoodAndDrink, "Jumbo Arnhem", "Boodschappen", null, Every.Week, 45_00, 130_00),
        Out(SpendingCategory.FoodAndDrink, "Hanos Arnhem", "Groothandel koffie en thee", null, Every.Quarter, 180_00, 320_00),
        Out(SpendingCategory.RentAndEnergy, "Volkshuisvesting Arnhem", "Huur van het pand", null, Every.Month, 1_450_00, 1_450_00),
        Out(SpendingCategory.RentAndEnergy, "Vattenfall", "Gas en stroom", null, Every.Month, 380_00, 560_00),
        Out(SpendingCategory.MaterialsAndInventory, "Kringloop Arnhem-Oost", "Stoelen en serviesgoed", LocalKind.LocalSupplier, Every.Sometimes, 25_00, 240_00),
        Out(SpendingCategory.MaterialsAndInventory, "Action", "Knutselspullen", null, Every.Month, 20_00, 65_00),
        Out(SpendingCategory.MaintenanceAndOddJobs, "Klusbedrijf Yilmaz", "Reparaties en klussen", LocalKind.NeighbourhoodEntrepreneur, Every.Quarter, 180_00, 650_00),
        Out(SpendingCategory.Activities, "Buurtcircus Arnhem", "Kinderactiviteit in de vakantie", LocalKind.NeighbourhoodEntrepreneur, Every.Quarter, 250_00, 400_00),
        Out(SpendingCategory.Activities, "Burgers' Zoo", "Uitje met de buurt", null, Every.Year, 650_00, 650_00),
        Out(SpendingCategory.Communication, "Drukkerij De Wijk", "Flyers en de buurtkrant", LocalKind.NeighbourhoodEntrepreneur, Every.Quarter, 90_00, 210_00),
        Out(SpendingCategory.AdministrationAndInsurance, "Administratiekantoor Klarendal", "Boekhouding", LocalKind.NeighbourhoodEntrepreneur, Every.Quarter, 275_00, 275_00),
        Out(SpendingCategory.AdministrationAndInsurance, "Rabobank", "Bankkosten", null, Every.Month, 14_50, 14_50),
        Out(SpendingCategory.AdministrationAndInsurance, "Centraal Beheer", "Verzekering inventaris en aansprakelijkheid", null, Every.Year, 620_00, 620_00),
    ];

    /// <summary>Size of each enterprise's household compared with the first: the garden and the youth team are smaller.</summary>
    private static readonly decimal[] Scale = [1.0m, 0.55m, 0.7m];

    private static readonly string[] Help =
    [
        "Boodschappen gedaan", "Hulp met de computer", "Fiets gerepareerd", "Samen gekookt", "Bijles Nederlands",
        "Tuin bijgehouden", "Vertaald bij de huisarts (Arabisch)", "Mee naar het gemeentehuis", "Gordijnen opgehangen", "Hond uitgelaten",
    ];

    public async Task GenerateAsync(IReadOnlyList<Wijkbasis.Data.Enterprise> enterprises, int seed, CancellationToken cancellationToken)
    {
        var rng = new Random(seed + 5);
        var today = time.AmsterdamToday();
        var from = new DateOnly(today.Year - 1, 1, 1);
        for (var i = 0; i < enterprises.Count; i++)
        {
            var enterprise = enterprises[i];
            tenant.MoveTo(enterprise, [Roles.Coordinator], "demo-generator");
            log.LogInformation("Demo: {Enterprise}: income and spending", enterprise.Name);
            var lines = MoneyLines(rng, from, today, Scale[Math.Min(i, Scale.Length - 1)]);
            db.MoneyLines.AddRange(lines);
            // One mistake, corrected: a week's bread booked twice, the second line reversed.
            var bread = lines.Where(l => l.Counterparty == "Bakkerij Klarendal").OrderBy(l => l.BookedOn).Skip(3).First();
            var twice = new MoneyLine
            {
                Direction = bread.Direction, Category = bread.Category, BookedOn = bread.BookedOn, AmountCents = bread.AmountCents,
                Counterparty = bread.Counterparty, Description = bread.Description, Local = bread.Local, At = bread.At, ByName = "Corrie Coördinator",
            };
            db.MoneyLines.Add(twice);
            db.MoneyLines.Add(MoneyRules.Reverse(twice, false, "Dubbel geboekt", null, "Corrie Coördinator", bread.At.AddDays(2)).Reversal!);
            await db.SaveChangesAsync(cancellationToken);
            if (i == 0)
            {
                await TimeBankAsync(enterprise, rng, today, cancellationToken);
            }
        }
        tenant.Leave();
    }

    private static List<MoneyLine> MoneyLines(Random rng, DateOnly from, DateOnly today, decimal scale)
    {
        var lines = new List<MoneyLine>();
        foreach (var t in Templates)
        {
            var days = new List<DateOnly>();
            switch (t.Every)
            {
                case Every.Week:
                    for (var d = from.AddDays(rng.Next(7)); d <= today; d = d.AddDays(7)) { days.Add(d); }
                    break;
                case Every.Month:
                    for (var d = from.AddDays(rng.Next(1, 27)); d <= today; d = d.AddMonths(1)) { days.Add(d); }
                    break;
                case Every.Quarter:
                    for (var d = from.AddDays(rng.Next(5, 40)); d <= today; d = d.AddMonths(3)) { days.Add(d); }
                    break;
                case Every.Year:
                    for (var d = from.AddDays(rng.Next(30, 330)); d <= today; d = d.AddYears(1)) { days.Add(d); }
                    break;
                default:
                    for (var d = from.AddDays(rng.Next(20)); d <= today; d = d.AddDays(rng.Next(15, 60))) { days.Add(d); }
                    break;
            }
            foreach (var day in days)
            {
                var cents = t.MinCents == t.MaxCents ? t.MinCents : rng.NextInt64(t.MinCents, t.MaxCents + 1);
                // Scaled to whole euros (fixed amounts stay exact per enterprise), never below one euro.
                cents = Math.Max(100, (long)Math.Round(cents * scale / 100m) * 100 + cents % 100);
                lines.Add(new MoneyLine
                {
                    Direction = t.Direction, Source = t.Source, Category = t.Category, BookedOn = day, AmountCents = cents,
                    Counterparty = t.Counterparty, Description = t.Description, Local = t.Local,
                    At = Clock.FromAmsterdam(day, new TimeOnly(16, 0)), ByName = "Corrie Coördinator",
                });
            }
        }
        return lines;
    }

    private async Task TimeBankAsync(Wijkbasis.Data.Enterprise enterprise, Random rng, DateOnly today, CancellationToken cancellationToken)
    {
        log.LogInformation("Demo: {Enterprise}: time bank", enterprise.Name);
        var settings = new TimeCreditSettings { Enabled = true, MinBalance = -10, MaxBalance = 40, UpdatedAt = time.UtcNow(), UpdatedByName = "Corrie Coördinator" };
        db.TimeCreditSettings.Add(settings);
        var start = today.AddMonths(-6);
        var opened = Clock.FromAmsterdam(start, new TimeOnly(10, 0));
        var house = new TimeCreditAccount { Kind = AccountKind.Enterprise, Name = enterprise.Name, OpenedAt = opened };
        var people = await db.People.Where(p => p.ArchivedAt == null).OrderBy(p => p.SearchName).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).Take(12).ToListAsync(cancellationToken);
        var accounts = new List<TimeCreditAccount> { house };
        accounts.AddRange(people.Select(p => new TimeCreditAccount { Kind = AccountKind.Person, PersonId = p.Id, Name = p.Name, OpenedAt = opened }));
        db.TimeCreditAccounts.AddRange(accounts);
        var balances = accounts.ToDictionary(a => a.Id, _ => 0L);
        for (var day = start.AddDays(1); day <= today && accounts.Count > 2; day = day.AddDays(rng.Next(1, 5)))
        {
            // Mostly neighbours helping each other; now and then the house thanks a host or cook with points.
            var fromHouse = rng.Next(5) == 0;
            var from = fromHouse ? house : accounts[rng.Next(1, accounts.Count)];
            var to = accounts[rng.Next(1, accounts.Count)];
            var points = rng.Next(1, 4);
            var what = fromHouse ? "Gastvrouw of -heer bij de KoffieKaffee" : Help[rng.Next(Help.Length)];
            var at = Clock.FromAmsterdam(day, new TimeOnly(rng.Next(9, 20), 0));
            var (transfer, movements, problem) = TimeCreditLedger.Transfer(settings, new(from, balances[from.Id]), new(to, balances[to.Id]),
                points, what, null, "Corrie Coördinator", at, day);
            if (problem is not null)
            {
                continue;
            }
            db.TimeCreditTransfers.Add(transfer!);
            db.TimeCreditMovements.AddRange(movements);
            foreach (var m in movements)
            {
                balances[m.AccountId] += m.Points;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
