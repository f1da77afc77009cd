using Wijkbasis.Features.Budget;

namespace Wijkbasis.Tests.Features.Budget;

/// <summary>The pooled à-la-minute budget: mandates, four eyes and the ledger, without a database.</summary>
public sealed class SpendRulesTests
{
    private static readonly MandateLimits Mandate = new(PerSpendCents: 50_00, PerMonthCents: 150_00);
    private static readonly Guid Buddy = Guid.NewGuid(), Approver = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void ASpendWithinMandateIsApprovedAtOnce()
    {
        Assert.Equal(SpendOutcome.Approved, SpendRules.Decide(35_00, Mandate, 0, 1_000_00).Outcome);
        Assert.Equal(SpendOutcome.Approved, SpendRules.Decide(50_00, Mandate, 100_00, 1_000_00).Outcome);
    }

    [Fact]
    public void AboveTheMandatePerSpendOrPerMonthItWaitsForAnApprover()
    {
        var perSpend = SpendRules.Decide(50_01, Mandate, 0, 1_000_00);
        Assert.Equal(SpendOutcome.NeedsApproval, perSpend.Outcome);
        Assert.Contains("€ 50,00 per uitgave", perSpend.Message.ToString());

        var perMonth = SpendRules.Decide(40_00, Mandate, 120_00, 1_000_00);
        Assert.Equal(SpendOutcome.NeedsApproval, perMonth.Outcome);
        Assert.Contains("€ 120,00", perMonth.Message.ToString());

        Assert.Equal(SpendOutcome.NeedsApproval, SpendRules.Decide(1_00, null, 0, 1_000_00).Outcome);
    }

    [Theory]
    [InlineData(-5_00)]
    [InlineData(0)]
    [InlineData(1_000_000_00)]
    public void ANegativeZeroOrHugeSpendIsRefused(long amount) =>
        Assert.Equal(SpendOutcome.Refused, SpendRules.Decide(amount, Mandate, 0, 2_000_000_00).Outcome);

    [Fact]
    public void ASpendThePotCannotPayIsRefusedEvenWithinMandate()
    {
        var decision = SpendRules.Decide(35_00, Mandate, 0, 20_00);
        Assert.Equal(SpendOutcome.Refused, decision.Outcome);
        Assert.Contains("€ 20,00", decision.Message.ToString());
    }

    [Fact]
    public void FourEyesTheRequesterCannotApproveTheirOwnRequest()
    {
        Assert.Contains("eigen aanvraag", SpendRules.CheckApproval(Buddy, Buddy, approverHasRole: true, 80_00, 1_000_00)?.ToString());
        Assert.Contains("budgetbeheerder", SpendRules.CheckApproval(Buddy, Approver, approverHasRole: false, 80_00, 1_000_00)?.ToString());
        Assert.Contains("past er niet meer in", SpendRules.CheckApproval(Buddy, Approver, approverHasRole: true, 80_00, 79_99)?.ToString());
        Assert.Null(SpendRules.CheckApproval(Buddy, Approver, approverHasRole: true, 80_00, 80_00));
    }

    [Fact]
    public void FourEyesTheRequesterCannotRejectTheirOwnRequestAndANoSaysWhy()
    {
        Assert.Contains("eigen aanvraag", SpendRules.CheckRejection(Buddy, Buddy, approverHasRole: true, "te duur")?.ToString());
        Assert.Contains("budgetbeheerder", SpendRules.CheckRejection(Buddy, Approver, approverHasRole: false, "te duur")?.ToString());
        Assert.Equal("Schrijf kort op waarom niet (hoogstens 300 tekens).", SpendRules.CheckRejection(Buddy, Approver, approverHasRole: true, " ")?.ToString());
        Assert.NotNull(SpendRules.CheckRejection(Buddy, Approver, approverHasRole: true, new string('x', Ledger.ReasonMax + 1)));
        Assert.Null(SpendRules.CheckRejection(Buddy, Approver, approverHasRole: true, "te duur"));
    }

    [Fact]
    public void AMandateIsNotNegativeNotHugeAndNotMorePerSpendThanPerMonth()
    {
        Assert.NotNull(SpendRules.CheckMandate(-1, 100));
        Assert.NotNull(SpendRules.CheckMandate(100, MandateLimits.MaxCents + 1));
        Assert.NotNull(SpendRules.CheckMandate(200, 100));
        Assert.Null(SpendRules.CheckMandate(50_00, 150_00));
    }

    [Fact]
    public void TheBalanceIsTheSumOfTheLinesAndAReversalUndoesALine()
    {
        var contribution = Line(LedgerKind.Contribution, 500_00);
        var spend = Line(LedgerKind.Spend, -35_00);
        Assert.Equal(465_00, Ledger.Balance([contribution, spend]));

        var (reversal, problem) = Ledger.Reverse(spend, alreadyReversed: false, balance: 465_00, "verkeerd bedrag", Approver, "Bea", Now, Today);
        Assert.Null(problem);
        Assert.Equal(LedgerKind.Reversal, reversal!.Kind);
        Assert.Equal(35_00, reversal.AmountCents);
        Assert.Equal(spend.Id, reversal.ReversesEntryId);
        Assert.Equal(500_00, Ledger.Balance([contribution, spend, reversal]));
    }

    [Fact]
    public void ALineIsReversedOnceAReversalIsNotReversedAndAReasonIsNeeded()
    {
        var spend = Line(LedgerKind.Spend, -35_00);
        Assert.Contains("al teruggeboekt", Ledger.Reverse(spend, true, 465_00, "nogmaals", null, "Bea", Now, Today).Problem?.ToString());
        Assert.Contains("waarom", Ledger.Reverse(spend, false, 465_00, " ", null, "Bea", Now, Today).Problem?.ToString());
        var (reversal, _) = Ledger.Reverse(spend, false, 465_00, "fout", null, "Bea", Now, Today);
        Assert.Contains("kan niet zelf", Ledger.Reverse(reversal!, false, 500_00, "terug", null, "Bea", Now, Today).Problem?.ToString());
    }

    [Fact]
    public void UndoingAContributionMayNotTakeThePotBelowZero()
    {
        var contribution = Line(LedgerKind.Contribution, 500_00);
        Assert.Contains("onder nul", Ledger.Reverse(contribution, false, balance: 100_00, "dubbel geboekt", null, "Bea", Now, Today).Problem?.ToString());
        Assert.Null(Ledger.Reverse(contribution, false, balance: 500_00, "dubbel geboekt", null, "Bea", Now, Today).Problem);
    }

    [Fact]
    public void TheMonthOnAMandateCountsOwnSpendsOfThatMonthThatWereNotReversed()
    {
        var october = Line(LedgerKind.Spend, -40_00, new DateOnly(2026, 10, 30));
        var first = Line(LedgerKind.Spend, -30_00);
        var second = Line(LedgerKind.Spend, -20_00);
        var approvedAbove = Line(LedgerKind.Spend, -200_00);
        approvedAbove.OnOwnMandate = false;
        var (undo, _) = Ledger.Reverse(second, false, 1_000_00, "fout", null, "Bea", Now, Today);
        Assert.Equal(30_00, Ledger.SpentOnOwnMandate([october, first, second, approvedAbove, undo!], Buddy, Today));
    }

    [Theory]
    [InlineData("35", 35_00)]
    [InlineData("35,5", 35_50)]
    [InlineData("€ 35,50", 35_50)]
    [InlineData("1.234,56", 1_234_56)]
    [InlineData("12.50", 12_50)]
    [InlineData("1.000", 1_000_00)]
    [InlineData("-5", -5_00)]
    public void AmountsAreReadTheWayPeopleTypeThem(string text, long cents)
    {
        Assert.True(Money.TryParse(text, out var parsed));
        Assert.Equal(cents, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("veel")]
    [InlineData("3,555")]
    [InlineData("1e5")]
    [InlineData("99999999")]
    [InlineData("1.23.4")]
    [InlineData("12.34.567,00")]
    public void NonsenseAmountsAreNotRead(string text) => Assert.False(Money.TryParse(text, out _));

    [Fact]
    public void AmountsAreShownInDutch() => Assert.Equal("€ 1.234,50", Money.Format(1_234_50));

    private static LedgerEntry Line(LedgerKind kind, long amount, DateOnly? on = null) => new()
    {
        Kind = kind, AmountCents = amount, ByName = "Bea", BookedOn = on ?? Today, At = Now,
        RequestedByUserId = kind == LedgerKind.Spend ? Buddy : null, OnOwnMandate = kind == LedgerKind.Spend,
    };
}
