using Wijkbasis.Features.Budget;
using Wijkbasis.Features.MoneyFlows;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Tests.Features.MoneyFlows;

public sealed class MoneyRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTime Now = new(2026, 6, 15, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("1.234,56", 1_234_56)]
    [InlineData("1234,56", 1_234_56)]
    [InlineData("€ 1.234,56", 1_234_56)]
    [InlineData("35", 35_00)]
    [InlineData("35,5", 35_50)]
    [InlineData("0,01", 1)]
    [InlineData("12.50", 12_50)]
    [InlineData("1.000", 1_000_00)]
    [InlineData("1.234.567,89", 1_234_567_89)]
    [InlineData(",75", 75)]
    public void DutchAmountsAreReadToTheCent(string text, long cents)
    {
        Assert.Equal((cents, (Refusal?)null), Amounts.Parse(text));
    }

    [Theory]
    [InlineData("", "Vul een bedrag in")]
    [InlineData("-5", "groter dan € 0,00")]
    [InlineData("0", "groter dan € 0,00")]
    [InlineData("0,00", "groter dan € 0,00")]
    [InlineData("12,345", "hoogstens twee cijfers achter de komma")]
    [InlineData("1.234,567", "hoogstens twee cijfers achter de komma")]
    [InlineData("12abc", "alleen uit cijfers")]
    [InlineData("twaalf", "alleen uit cijfers")]
    [InlineData("1e5", "alleen uit cijfers")]
    [InlineData("1,2,3", "één komma")]
    [InlineData("1.23.4", "groepjes van drie")]
    [InlineData("99.999.999,99", "hoogstens € 10.000.000,00")]
    public void WrongAmountsAreRefusedWithADutchReason(string text, string reason)
    {
        var (cents, problem) = Amounts.Parse(text);
        Assert.Equal(0, cents);
        Assert.Contains(reason, problem?.ToString());
    }

    [Theory]
    [InlineData(1_234_56, "€ 1.234,56", "1234,56")]
    [InlineData(5, "€ 0,05", "0,05")]
    [InlineData(-35_00, "-€ 35,00", "-35,00")]
    public void AmountsAreFormattedTheDutchWayAndReadBackTheSame(long cents, string shown, string input)
    {
        Assert.Equal(shown, Money.Format(cents));
        Assert.Equal(input, Amounts.ForInput(cents));
        if (cents > 0)
        {
            Assert.Equal(cents, Amounts.Parse(input).Cents);
        }
    }

    private static MoneyLineInput Spend(string amount = "12,50", string? counterparty = "Bakkerij Klarendal", DateOnly? on = null, LocalKind? local = LocalKind.LocalSupplier) =>
        new(MoneyDirection.Spending, null, SpendingCategory.FoodAndDrink, on ?? Today, amount, counterparty, null, local);

    [Fact]
    public void AValidSpendBecomesALineWithItsCategoryAndLocalKind()
    {
        var (line, field, problem) = MoneyRules.Make(Spend(), Today, null, "Corrie", Now);
        Assert.Null(problem);
        Assert.Null(field);
        Assert.Equal((MoneyDirection.Spending, (SpendingCategory?)SpendingCategory.FoodAndDrink, (IncomeSource?)null, 12_50L, true),
            (line!.Direction, line.Category, line.Source, line.AmountCents, line.StaysLocal));
    }

    [Fact]
    public void IncomeNeedsASourceAndSpendingACategory()
    {
        Assert.Equal("Source", MoneyRules.Make(new MoneyLineInput(MoneyDirection.Income, null, SpendingCategory.Other, Today, "5", "x", null, null), Today, null, "c", Now).Field);
        Assert.Equal("Category", MoneyRules.Make(new MoneyLineInput(MoneyDirection.Spending, IncomeSource.Fund, null, Today, "5", "x", null, null), Today, null, "c", Now).Field);
        Assert.Equal("Direction", MoneyRules.Make(new MoneyLineInput(null, IncomeSource.Fund, null, Today, "5", "x", null, null), Today, null, "c", Now).Field);
        Assert.Equal("Source", MoneyRules.Make(new MoneyLineInput(MoneyDirection.Income, (IncomeSource)99, null, Today, "5", "x", null, null), Today, null, "c", Now).Field);
    }

    [Fact]
    public void AnIncomeLineNeverCarriesASpendingCategory()
    {
        var (line, _, _) = MoneyRules.Make(new MoneyLineInput(MoneyDirection.Income, IncomeSource.Rent, SpendingCategory.Other, Today, "350", "Kapsalon Amira", null, null), Today, null, "c", Now);
        Assert.Equal(((IncomeSource?)IncomeSource.Rent, (SpendingCategory?)null), (line!.Source, line.Category));
    }

    [Theory]
    [InlineData("-1", "Amount")]
    [InlineData("1,001", "Amount")]
    [InlineData("abc", "Amount")]
    public void ABadAmountNamesTheAmountField(string amount, string field)
    {
        var (line, f, problem) = MoneyRules.Make(Spend(amount), Today, null, "c", Now);
        Assert.Null(line);
        Assert.Equal(field, f);
        Assert.NotNull(problem);
    }

    [Fact]
    public void ALineNeedsACounterpartyAndADateThatIsNotInTheFuture()
    {
        Assert.Equal("Counterparty", MoneyRules.Make(Spend(counterparty: "  "), Today, null, "c", Now).Field);
        Assert.Equal("Counterparty", MoneyRules.Make(Spend(counterparty: new string('x', MoneyLine.CounterpartyMax + 1)), Today, null, "c", Now).Field);
        Assert.Contains("toekomst", MoneyRules.Make(Spend(on: Today.AddDays(1)), Today, null, "c", Now).Problem?.ToString());
        Assert.Null(MoneyRules.Make(Spend(on: Today), Today, null, "c", Now).Problem);
    }

    [Fact]
    public void AReversalIsTheOppositeOfTheLineWithAReasonAndHappensOnce()
    {
        var line = MoneyRules.Make(Spend("40,00"), Today, null, "c", Now).Line!;

        Assert.Contains("waarom", MoneyRules.Reverse(line, false, " ", null, "c", Now).Problem?.ToString());
        var (reversal, problem) = MoneyRules.Reverse(line, false, "Dubbel geboekt", null, "c", Now);
        Assert.Null(problem);
        Assert.Equal((-40_00L, line.Id, line.Category, line.Local, line.BookedOn), (reversal!.AmountCents, reversal.ReversesLineId!.Value, reversal.Category, reversal.Local, reversal.BookedOn));
        Assert.Equal(0, line.AmountCents + reversal.AmountCents);
        Assert.Contains("al teruggeboekt", MoneyRules.Reverse(line, true, "Nog eens", null, "c", Now).Problem?.ToString());
        Assert.Contains("terugboeking kan niet", MoneyRules.Reverse(reversal, false, "Terug", null, "c", Now).Problem?.ToString());
    }

    private static MoneyLine L(MoneyDirection d, long cents, LocalKind? local = null, IncomeSource? s = null, SpendingCategory? c = null, int year = 2026, Guid? reverses = null) => new()
    {
        Direction = d, AmountCents = cents, Local = local, Source = d == MoneyDirection.Income ? s ?? IncomeSource.Subsidy : null,
        Category = d == MoneyDirection.Spending ? c ?? SpendingCategory.FoodAndDrink : null, BookedOn = new DateOnly(year, 3, 1),
        Counterparty = "x", ByName = "x", ReversesLineId = reverses,
    };

    [Fact]
    public void TheYearOverviewSumsPerSourceAndCategoryAndComputesTheLocalShare()
    {
        var wrong = L(MoneyDirection.Spending, 100_00, LocalKind.LocalSupplier);
        var lines = new[]
        {
            L(MoneyDirection.Income, 10_000_00, s: IncomeSource.Subsidy), L(MoneyDirection.Income, 250_50, s: IncomeSource.SalesLunch),
            L(MoneyDirection.Income, 99_00, s: IncomeSource.SalesLunch),
            L(MoneyDirection.Spending, 300_00, LocalKind.LocalSupplier), L(MoneyDirection.Spending, 200_00, LocalKind.ResidentPaidForWork, c: SpendingCategory.PaidWork),
            L(MoneyDirection.Spending, 500_00, null, c: SpendingCategory.RentAndEnergy),
            wrong, L(MoneyDirection.Spending, -100_00, LocalKind.LocalSupplier, reverses: wrong.Id),
            L(MoneyDirection.Spending, 1_000_000_00, year: 2025),
        };

        var o = YearOverview.Compute(2026, lines);

        Assert.Equal(10_349_50, o.Income);
        Assert.Equal(349_50, o.IncomeBySource[IncomeSource.SalesLunch]);
        Assert.Equal(1_000_00, o.Spending);
        Assert.Equal(300_00, o.SpendingByCategory[SpendingCategory.FoodAndDrink]);
        Assert.Equal(500_00, o.LocalSpending);
        Assert.Equal(500, o.LocalShareTenths);
        Assert.Equal("50,0%", YearOverview.FormatShare(o.LocalShareTenths));
        Assert.Equal(9_349_50, o.Result);
        Assert.Equal(7, o.Lines);
    }

    [Theory]
    [InlineData(1, 3, 333)]
    [InlineData(2, 3, 667)]
    [InlineData(0, 500, 0)]
    [InlineData(500, 500, 1000)]
    [InlineData(1, 2000, 1)]
    [InlineData(1, 2001, 0)]
    public void TheLocalShareIsRoundedToATenthOfAPercentWithoutFloatingPoint(long local, long total, int tenths)
    {
        Assert.Equal(tenths, YearOverview.Share(local, total));
    }

    [Fact]
    public void WithoutSpendingThereIsNoLocalShare()
    {
        var o = YearOverview.Compute(2026, [L(MoneyDirection.Income, 5_00)]);
        Assert.Null(o.LocalShareTenths);
        Assert.Equal("–", YearOverview.FormatShare(o.LocalShareTenths));
    }
}
