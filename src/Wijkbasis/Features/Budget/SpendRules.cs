namespace Wijkbasis.Features.Budget;

/// <summary>What a person may spend on their own authority: at most so much per spend and so much per
/// calendar month. Above it, a budget approver who is not the requester decides (four eyes).</summary>
public sealed record MandateLimits(long PerSpendCents, long PerMonthCents)
{
    public const long MaxCents = 1_000_000; // € 10.000: a mandate for "à la minute" money, not for a budget
}

public enum SpendOutcome
{
    /// <summary>Within mandate and the pot: booked at once.</summary>
    Approved,
    /// <summary>Above the requester's mandate: waits for a budget approver.</summary>
    NeedsApproval,
    Refused,
}

public sealed record SpendDecision(SpendOutcome Outcome, string Message);

/// <summary>The rules of the pooled à-la-minute budget as plain methods, so they can be tested without a database.</summary>
public static class SpendRules
{
    /// <summary>One spend is at most € 10.000, whatever the pot holds.</summary>
    public const long MaxSpendCents = 1_000_000;

    /// <summary>Decides a new spend. <paramref name="spentThisMonth"/> is what the requester booked on their own
    /// mandate this month; <paramref name="remaining"/> is what the pot still holds.</summary>
    public static SpendDecision Decide(long amount, MandateLimits? mandate, long spentThisMonth, long remaining)
    {
        if (amount <= 0)
        {
            return new(SpendOutcome.Refused, "Vul een bedrag groter dan € 0,00 in.");
        }
        if (amount > MaxSpendCents)
        {
            return new(SpendOutcome.Refused, $"Eén uitgave is hoogstens {Money.Format(MaxSpendCents)}.");
        }
        if (amount > remaining)
        {
            return new(SpendOutcome.Refused, $"Er zit nog {Money.Format(Math.Max(remaining, 0))} in de pot. Dit bedrag past er niet in.");
        }
        if (mandate is null)
        {
            return new(SpendOutcome.NeedsApproval, "U hebt geen mandaat. Een budgetbeheerder beslist.");
        }
        if (amount > mandate.PerSpendCents)
        {
            return new(SpendOutcome.NeedsApproval,
                $"Uw mandaat is {Money.Format(mandate.PerSpendCents)} per uitgave. Een budgetbeheerder beslist.");
        }
        if (spentThisMonth + amount > mandate.PerMonthCents)
        {
            return new(SpendOutcome.NeedsApproval,
                $"Deze maand is er al {Money.Format(spentThisMonth)} uitgegeven op uw mandaat van {Money.Format(mandate.PerMonthCents)}. Een budgetbeheerder beslist.");
        }
        return new(SpendOutcome.Approved, "Binnen uw mandaat: het bedrag is meteen toegekend.");
    }

    /// <summary>Four eyes: an approver approves a request of someone else, and only while the pot can pay it.</summary>
    public static string? CheckApproval(Guid requesterUserId, Guid approverUserId, bool approverHasRole, long amount, long remaining)
    {
        if (!approverHasRole)
        {
            return "Alleen een budgetbeheerder kan een uitgave boven het mandaat goedkeuren.";
        }
        if (requesterUserId == approverUserId)
        {
            return "U kunt uw eigen aanvraag niet goedkeuren. Een andere budgetbeheerder beslist (vier ogen).";
        }
        if (amount > remaining)
        {
            return $"Er zit nog {Money.Format(Math.Max(remaining, 0))} in de pot. Deze aanvraag past er niet meer in.";
        }
        return null;
    }

    public static string? CheckMandate(long perSpend, long perMonth)
    {
        if (perSpend < 0 || perMonth < 0)
        {
            return "Een mandaat kan niet negatief zijn.";
        }
        if (perSpend > MandateLimits.MaxCents || perMonth > MandateLimits.MaxCents)
        {
            return $"Een mandaat is hoogstens {Money.Format(MandateLimits.MaxCents)}.";
        }
        if (perSpend > perMonth)
        {
            return "Het bedrag per uitgave kan niet hoger zijn dan het bedrag per maand.";
        }
        return null;
    }

    /// <summary>A contribution of a source to the pot: positive, at most € 10.000.000 at once.</summary>
    public static string? CheckContribution(long amount) => amount switch
    {
        <= 0 => "Vul een bedrag groter dan € 0,00 in.",
        > 1_000_000_000 => "Eén bijdrage is hoogstens € 10.000.000.",
        _ => null,
    };
}
