using System.Globalization;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.MoneyFlows;

/// <summary>Reads what people type as an amount, strictly, and says in Dutch what is wrong.</summary>
public static class Amounts
{
    /// <summary>Largest amount on one line: € 10 million is beyond any neighbourhood enterprise.</summary>
    public const long MaxCents = 10_000_000_00;

    /// <summary>"1.234,56", "1234,56", "€ 35", "35,5", "12.50" (a dot before one or two final digits, without a
    /// comma, is a decimal mark too). Dots elsewhere must group thousands by three. Refuses letters, more than two
    /// decimals, zero, negative and huge amounts.</summary>
    public static (long Cents, Refusal? Problem) Parse(string? text)
    {
        var (cents, problem) = Money.Read(text, MaxCents);
        return problem is not null ? (0, AsRefusal(problem))
            : cents < 0 ? (0, new("Een bedrag is groter dan € 0,00. Een correctie boekt u met ‘Terugboeken’."))
            : cents == 0 ? (0, new("Een bedrag is groter dan € 0,00."))
            : (cents, null);
    }

    // Money.Read (Budget) says what is wrong as a Dutch text, or as a refusal: both read the same here.
    private static Refusal AsRefusal(string problem) => new(problem);

    private static Refusal AsRefusal(Refusal problem) => problem;

    /// <summary>As typed in a form field: "1234,56" (no thousands mark, so it reads back the same).</summary>
    public static string ForInput(long cents) =>
        (cents / 100m).ToString("0.00", CultureInfo.GetCultureInfo("nl-NL"));
}

/// <summary>What a person enters for one line, before it is checked.</summary>
public sealed record MoneyLineInput(MoneyDirection? Direction, IncomeSource? Source, SpendingCategory? Category, DateOnly? BookedOn,
    string? Amount, string? Counterparty, string? Description, LocalKind? Local);

public static class MoneyRules
{
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>Checks an entered line and makes it; or names the first field that is wrong and why (see
    /// <see cref="MakeAll"/>).</summary>
    public static (MoneyLine? Line, string? Field, Refusal? Problem) Make(MoneyLineInput input, DateOnly today, Guid? byUserId, string byName, DateTime at)
    {
        var (line, problems) = MakeAll(input, today, byUserId, byName, at);
        return problems.Count == 0 ? (line, null, null) : (null, problems[0].Field, problems[0].Problem);
    }

    /// <summary>Checks an entered line and makes it; or names every field that is wrong and why, all at once (a
    /// form shows them together). Nothing is made on a problem. A line may not lie in the future: it records money
    /// that has flowed.</summary>
    public static (MoneyLine? Line, IReadOnlyList<(string Field, Refusal Problem)> Problems) MakeAll(MoneyLineInput input, DateOnly today, Guid? byUserId, string byName, DateTime at)
    {
        var problems = new List<(string Field, Refusal Problem)>();
        MoneyDirection? direction = input.Direction is { } d && Enum.IsDefined(d) ? d : null;
        if (direction is null)
        {
            problems.Add((nameof(MoneyLineInput.Direction), new Refusal("Kies of het om inkomsten of uitgaven gaat.")));
        }
        if (direction == MoneyDirection.Income && (input.Source is not { } source || !Enum.IsDefined(source)))
        {
            problems.Add((nameof(MoneyLineInput.Source), new Refusal("Kies waar het geld vandaan komt (de soort bron).")));
        }
        if (direction == MoneyDirection.Spending && (input.Category is not { } category || !Enum.IsDefined(category)))
        {
            problems.Add((nameof(MoneyLineInput.Category), new Refusal("Kies waaraan het geld is uitgegeven (de soort uitgave).")));
        }
        if (input.BookedOn is not { } on)
        {
            problems.Add((nameof(MoneyLineInput.BookedOn), new Refusal("Vul de datum in.")));
        }
        else if (on > today)
        {
            problems.Add((nameof(MoneyLineInput.BookedOn), new Refusal("De datum ligt in de toekomst. Boek geld pas als het binnen of uitgegeven is.")));
        }
        else if (on < EarliestDate)
        {
            problems.Add((nameof(MoneyLineInput.BookedOn), new Refusal("De datum ligt te ver terug.")));
        }
        var (cents, amountProblem) = Amounts.Parse(input.Amount);
        if (amountProblem is not null)
        {
            problems.Add((nameof(MoneyLineInput.Amount), amountProblem));
        }
        var counterparty = input.Counterparty?.Trim();
        if (string.IsNullOrEmpty(counterparty))
        {
            problems.Add((nameof(MoneyLineInput.Counterparty), new Refusal(direction == MoneyDirection.Spending
                ? "Vul in aan wie het geld is betaald, bijvoorbeeld de winkel of de klusser."
                : "Vul in van wie het geld komt, bijvoorbeeld ‘Gemeente Arnhem’ of ‘lunchgasten’.")));
        }
        else if (counterparty.Length > MoneyLine.CounterpartyMax)
        {
            problems.Add((nameof(MoneyLineInput.Counterparty), new Refusal("De naam is te lang (hoogstens {0} tekens).", MoneyLine.CounterpartyMax)));
        }
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description is { Length: > MoneyLine.DescriptionMax })
        {
            problems.Add((nameof(MoneyLineInput.Description), new Refusal("De omschrijving is te lang (hoogstens {0} tekens).", MoneyLine.DescriptionMax)));
        }
        if (input.Local is { } local && !Enum.IsDefined(local))
        {
            problems.Add((nameof(MoneyLineInput.Local), new Refusal("Kies of het geld in de wijk blijft.")));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        return (new MoneyLine
        {
            Direction = direction!.Value, Source = direction == MoneyDirection.Income ? input.Source : null,
            Category = direction == MoneyDirection.Spending ? input.Category : null,
            BookedOn = input.BookedOn!.Value, AmountCents = cents, Counterparty = counterparty!, Description = description, Local = input.Local,
            At = at, ByUserId = byUserId, ByName = byName,
        }, problems);
    }

    /// <summary>The line that undoes <paramref name="line"/>: same kind, date and counterparty, the opposite amount,
    /// and the reason. A reversal is not reversed itself (enter the line again), and a line is reversed once.</summary>
    public static (MoneyLine? Reversal, Refusal? Problem) Reverse(MoneyLine line, bool alreadyReversed, string? reason, Guid? byUserId, string byName, DateTime at)
    {
        if (line.IsReversal)
        {
            return (null, new Refusal("Een terugboeking kan niet zelf worden teruggeboekt. Boek de regel opnieuw."));
        }
        if (alreadyReversed)
        {
            return (null, new Refusal("Deze regel is al teruggeboekt."));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, new Refusal("Schrijf op waarom deze regel wordt teruggeboekt."));
        }
        if (reason.Trim().Length > MoneyLine.ReasonMax)
        {
            return (null, new Refusal("De reden is te lang (hoogstens {0} tekens).", MoneyLine.ReasonMax));
        }
        return (new MoneyLine
        {
            TenantId = line.TenantId, Direction = line.Direction, Source = line.Source, Category = line.Category,
            BookedOn = line.BookedOn, AmountCents = -line.AmountCents, Counterparty = line.Counterparty, Description = line.Description,
            Local = line.Local, At = at, ByUserId = byUserId, ByName = byName, ReversesLineId = line.Id, Reason = reason.Trim(),
        }, null);
    }

    public static string Label(IncomeSource source) => source switch
    {
        IncomeSource.Subsidy => "Subsidie",
        IncomeSource.CareContract => "Contract Wmo of Jeugdwet",
        IncomeSource.Rent => "Huur (verhuur van ruimte)",
        IncomeSource.SalesLunch => "Verkoop: lunch en koffie",
        IncomeSource.SalesGiveAwayShop => "Verkoop: weggeefwinkel",
        IncomeSource.SalesSecondHand => "Verkoop: tweedehands",
        IncomeSource.Donation => "Donatie of gift",
        IncomeSource.Fund => "Fonds",
        _ => "Overige inkomsten",
    };

    public static string Label(SpendingCategory category) => category switch
    {
        SpendingCategory.PaidWork => "Betaald werk (loon en inhuur)",
        SpendingCategory.VolunteerAllowances => "Vrijwilligersvergoedingen",
        SpendingCategory.FoodAndDrink => "Eten en drinken",
        SpendingCategory.RentAndEnergy => "Huur en energie",
        SpendingCategory.MaterialsAndInventory => "Materialen en inventaris",
        SpendingCategory.MaintenanceAndOddJobs => "Onderhoud en klussen",
        SpendingCategory.Activities => "Activiteiten en uitjes",
        SpendingCategory.Communication => "Drukwerk en communicatie",
        SpendingCategory.AdministrationAndInsurance => "Administratie, bank en verzekering",
        _ => "Overige uitgaven",
    };

    public static string Label(LocalKind? local) => local switch
    {
        LocalKind.LocalSupplier => "Leverancier uit de wijk",
        LocalKind.NeighbourhoodEntrepreneur => "Wijkondernemer",
        LocalKind.ResidentPaidForWork => "Bewoner betaald voor werk",
        _ => "Niet in de wijk",
    };
}

/// <summary>A year of one enterprise's money in figures: income per source, spending per category, totals, and the
/// local share (the part of spending that stays in the neighbourhood). Reversals count with their sign.</summary>
public sealed record YearOverview(int Year, IReadOnlyDictionary<IncomeSource, long> IncomeBySource,
    IReadOnlyDictionary<SpendingCategory, long> SpendingByCategory, long Income, long Spending, long LocalSpending, int Lines)
{
    public long Result => Income - Spending;

    /// <summary>Local spending as a share of all spending in tenths of a percent (437 = 43,7%), rounded half away
    /// from zero in whole numbers; null when nothing was spent.</summary>
    public int? LocalShareTenths => Share(LocalSpending, Spending);

    /// <summary>A part of a total in tenths of a percent; null when the total is not positive.</summary>
    public static int? Share(long part, long total) =>
        total <= 0 ? null : (int)((Math.Clamp(part, 0, total) * 1000 + total / 2) / total);

    public static string FormatShare(int? tenths) =>
        tenths is { } t ? (t / 10m).ToString("0.0", CultureInfo.GetCultureInfo("nl-NL")) + "%" : "–";

    public static YearOverview Compute(int year, IEnumerable<MoneyLine> lines)
    {
        var inYear = lines.Where(l => l.BookedOn.Year == year).ToList();
        var income = inYear.Where(l => l.Direction == MoneyDirection.Income && l.Source is not null)
            .GroupBy(l => l.Source!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountCents));
        var spending = inYear.Where(l => l.Direction == MoneyDirection.Spending && l.Category is not null)
            .GroupBy(l => l.Category!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountCents));
        var local = inYear.Where(l => l.Direction == MoneyDirection.Spending && l.StaysLocal).Sum(l => l.AmountCents);
        return new YearOverview(year, income, spending, income.Values.Sum(), spending.Values.Sum(), local, inYear.Count(l => !l.IsReversal));
    }
}
