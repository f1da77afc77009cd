using Wijkbasis.Features.Cases;

namespace Wijkbasis.Tests.Features.Cases;

/// <summary>A case has exactly one responsible buddy at every moment; the rules without a database.</summary>
public sealed class CaseOwnershipTests
{
    private static readonly Guid Anna = Guid.NewGuid(), AnnaUser = Guid.NewGuid();
    private static readonly Guid Bram = Guid.NewGuid(), BramUser = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The rules do not encrypt; a stand-in keeps the reason readable for the assertions.</summary>
    private static Wijkbasis.Infrastructure.Secrets.SealedText Seal(string reason) => new($"test:{reason}");

    private static Case AnnasCase() => new() { OwnerBuddyId = Anna, OwnerUserId = AnnaUser };

    [Fact]
    public void UntilTheReceivingBuddyAcceptsTheFirstBuddyStaysResponsible()
    {
        var c = AnnasCase();
        Assert.Null(c.RequestTransfer(Bram, BramUser, "Anna verhuist", "Anna", Now, Seal));
        Assert.Equal(Anna, c.OwnerBuddyId);
        Assert.True(c.HasPendingTransfer);

        Assert.Null(c.AcceptTransfer(BramUser));
        Assert.Equal(Bram, c.OwnerBuddyId);
        Assert.Equal(BramUser, c.OwnerUserId);
        Assert.False(c.HasPendingTransfer);
    }

    [Fact]
    public void OnlyTheReceivingBuddyCanAcceptAndTheOldBuddyCannotTakeItBack()
    {
        var c = AnnasCase();
        c.RequestTransfer(Bram, BramUser, "Anna verhuist", "Anna", Now, Seal);
        Assert.NotNull(c.AcceptTransfer(AnnaUser));
        Assert.NotNull(c.AcceptTransfer(Guid.NewGuid()));
        Assert.Equal(Anna, c.OwnerBuddyId);
    }

    [Fact]
    public void ADeclinedTransferLeavesTheCaseWithTheFirstBuddy()
    {
        var c = AnnasCase();
        c.RequestTransfer(Bram, BramUser, "Anna verhuist", "Anna", Now, Seal);
        Assert.NotNull(c.EndTransfer(Guid.NewGuid(), mayWithdraw: false));
        Assert.Null(c.EndTransfer(BramUser, mayWithdraw: false));
        Assert.Equal(Anna, c.OwnerBuddyId);
        Assert.False(c.HasPendingTransfer);
        Assert.NotNull(c.AcceptTransfer(BramUser));
    }

    [Fact]
    public void ATransferToTheSameBuddyWithoutAReasonOrWhileAnotherRunsIsRefused()
    {
        var c = AnnasCase();
        Assert.Contains("al verantwoordelijk", c.RequestTransfer(Anna, AnnaUser, "zomaar", "Anna", Now, Seal)?.ToString());
        Assert.Contains("waarom", c.RequestTransfer(Bram, BramUser, "  ", "Anna", Now, Seal)?.ToString());
        Assert.Contains("te lang", c.RequestTransfer(Bram, BramUser, new string('x', Case.ReasonMax + 1), "Anna", Now, Seal)?.ToString());
        Assert.False(c.HasPendingTransfer);

        c.RequestTransfer(Bram, BramUser, "Anna verhuist", "Anna", Now, Seal);
        Assert.Contains("al een overdracht", c.RequestTransfer(Guid.NewGuid(), Guid.NewGuid(), "nog een", "Anna", Now, Seal)?.ToString());
        Assert.Equal(BramUser, c.TransferToUserId);
    }

    [Fact]
    public void EveryChangeRaisesTheVersionSoTwoRacingChangesCannotBothWin()
    {
        var c = AnnasCase();
        var before = c.Version;
        c.RequestTransfer(Bram, BramUser, "Anna verhuist", "Anna", Now, Seal);
        Assert.True(c.Version > before);
        before = c.Version;
        c.AcceptTransfer(BramUser);
        Assert.True(c.Version > before);
    }

    [Fact]
    public void AClosedCaseNeedsAnOutcomeAndRefusesEveryChange()
    {
        var c = AnnasCase();
        Assert.NotNull(c.Close(null, Now));
        Assert.NotNull(c.Close((CaseOutcome)99, Now));
        Assert.Null(c.Close(CaseOutcome.PartlyReached, Now));
        Assert.True(c.IsClosed);
        Assert.Equal(Case.ClosedMessage, c.RequestTransfer(Bram, BramUser, "te laat", "Anna", Now, Seal)?.ToString());
        Assert.Equal(Case.ClosedMessage, c.Close(CaseOutcome.GoalsReached, Now)?.ToString());
        Assert.Equal(CaseOutcome.PartlyReached, c.Outcome);
    }

    [Fact]
    public void ACaseWithATransferUnderwayCannotBeClosed()
    {
        var c = AnnasCase();
        c.RequestTransfer(Bram, BramUser, "Anna verhuist", "Anna", Now, Seal);
        Assert.NotNull(c.Close(CaseOutcome.GoalsReached, Now));
        Assert.False(c.IsClosed);
    }
}
