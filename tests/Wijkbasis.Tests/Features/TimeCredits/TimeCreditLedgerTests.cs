using Wijkbasis.Features.TimeCredits;

namespace Wijkbasis.Tests.Features.TimeCredits;

public sealed class TimeCreditLedgerTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly TimeCreditSettings On = new() { Enabled = true, MinBalance = -5, MaxBalance = 10, TenantId = Guid.NewGuid() };

    private static TimeCreditLedger.Side Person(string name, long balance) =>
        new(new TimeCreditAccount { Kind = AccountKind.Person, PersonId = Guid.NewGuid(), Name = name }, balance);

    private static TimeCreditLedger.Side House(long balance) => new(new TimeCreditAccount { Kind = AccountKind.Enterprise, Name = "De Huiskamer" }, balance);

    private static (TimeCreditTransfer? Transfer, TimeCreditMovement[] Movements, string? Problem) Transfer(TimeCreditLedger.Side? from, TimeCreditLedger.Side? to, long points,
        TimeCreditSettings? settings = null, string description = "Boodschappen gedaan")
    {
        var (transfer, movements, problem) = TimeCreditLedger.Transfer(settings ?? On, from, to, points, description, null, "Corrie", Now, Today);
        return (transfer, movements, problem?.ToString());
    }

    [Fact]
    public void ATransferMakesTwoMovementsThatSumToZero()
    {
        var (anna, bram) = (Person("Anna", 0), Person("Bram", 0));
        var (transfer, movements, problem) = Transfer(anna, bram, 3);

        Assert.Null(problem);
        Assert.Equal(2, movements.Length);
        Assert.Equal(0, movements.Sum(m => m.Points));
        Assert.Equal(-3, movements.Single(m => m.AccountId == anna.Account.Id).Points);
        Assert.Equal(3, movements.Single(m => m.AccountId == bram.Account.Id).Points);
        Assert.All(movements, m => Assert.Equal(transfer!.Id, m.TransferId));
        Assert.Equal(bram.Account.Id, movements.Single(m => m.AccountId == anna.Account.Id).CounterAccountId);
        Assert.Equal((3L, anna.Account.Id, bram.Account.Id), (transfer!.Points, transfer.FromAccountId, transfer.ToAccountId));
    }

    [Fact]
    public void APersonCannotGoBelowTheMinimumOrAboveTheMaximum()
    {
        Assert.Null(Transfer(Person("Anna", -2), Person("Bram", 0), 3).Problem);
        Assert.Contains("lager dan het minimum van -5 punten", Transfer(Person("Anna", -2), Person("Bram", 0), 4).Problem);
        Assert.Null(Transfer(Person("Anna", 0), Person("Bram", 7), 3).Problem);
        Assert.Contains("hoger dan het maximum van 10 punten", Transfer(Person("Anna", 0), Person("Bram", 8), 3).Problem);
    }

    [Fact]
    public void TheEnterpriseAccountHasNoBounds()
    {
        Assert.Null(Transfer(House(-500), Person("Bram", 0), 5).Problem);
        Assert.Null(Transfer(Person("Anna", 0), House(900), 5).Problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(101)]
    public void ZeroNegativeOrHugePointsAreRefused(long points)
    {
        var (transfer, movements, problem) = Transfer(Person("Anna", 0), Person("Bram", 0), points);
        Assert.Null(transfer);
        Assert.Empty(movements);
        Assert.NotNull(problem);
    }

    [Fact]
    public void ATransferToTheSameAccountIsRefused()
    {
        var anna = Person("Anna", 0);
        Assert.Contains("dezelfde rekening", Transfer(anna, anna, 1).Problem);
    }

    [Fact]
    public void AnUnknownAccountOrAMissingDescriptionIsRefused()
    {
        Assert.Contains("twee rekeningen", Transfer(null, Person("Bram", 0), 1).Problem);
        Assert.Contains("waarvoor", Transfer(Person("Anna", 0), Person("Bram", 0), 1, description: " ").Problem);
    }

    [Fact]
    public void WhenPointsAreSwitchedOffNothingCanBeTransferredOrReversed()
    {
        var off = new TimeCreditSettings { Enabled = false, MinBalance = -5, MaxBalance = 10 };
        var (anna, bram) = (Person("Anna", 0), Person("Bram", 0));
        Assert.Equal(TimeCreditLedger.OffMessage, Transfer(anna, bram, 1, off).Problem);
        var original = Transfer(anna, bram, 1).Transfer!;
        Assert.Equal(TimeCreditLedger.OffMessage, TimeCreditLedger.Reverse(off, original, false, Person("Bram", 1), Person("Anna", -1), "fout", null, "c", Now, Today).Problem?.ToString());
    }

    [Fact]
    public void AReversalGivesThePointsBackOnceWithinTheBounds()
    {
        var (anna, bram) = (Person("Anna", 0), Person("Bram", 0));
        var original = Transfer(anna, bram, 4).Transfer!;
        var (receiver, giver) = (bram with { Balance = 4 }, anna with { Balance = -4 });

        Assert.Contains("waarom", TimeCreditLedger.Reverse(On, original, false, receiver, giver, "", null, "c", Now, Today).Problem?.ToString());
        var (reversal, movements, problem) = TimeCreditLedger.Reverse(On, original, false, receiver, giver, "Verkeerde persoon", null, "c", Now, Today);
        Assert.Null(problem);
        Assert.Equal((bram.Account.Id, anna.Account.Id, 4L, original.Id), (reversal!.FromAccountId, reversal.ToAccountId, reversal.Points, reversal.ReversesTransferId!.Value));
        Assert.Equal(0, movements.Sum(m => m.Points));
        Assert.Contains("al teruggeboekt", TimeCreditLedger.Reverse(On, original, true, receiver, giver, "Nog eens", null, "c", Now, Today).Problem?.ToString());
        Assert.Contains("terugboeking kan niet", TimeCreditLedger.Reverse(On, reversal, false, giver, receiver, "Terug", null, "c", Now, Today).Problem?.ToString());
        // Bram already spent the points: giving them back would take him below the minimum.
        Assert.Contains("minimum", TimeCreditLedger.Reverse(On, original, false, bram with { Balance = -3 }, giver, "Fout", null, "c", Now, Today).Problem?.ToString());
    }

    [Theory]
    [InlineData(1, 10, "0 of lager")]
    [InlineData(-5, 0, "minstens 1")]
    [InlineData(-2000, 10, "tussen")]
    [InlineData(-5, 5000, "tussen")]
    public void BoundsMustKeepZeroInside(long min, long max, string problem)
    {
        Assert.Contains(problem, TimeCreditLedger.CheckBounds(min, max)?.ToString());
        Assert.Null(TimeCreditLedger.CheckBounds(-10, 40));
    }
}
