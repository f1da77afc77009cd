using Wijkbasis.Features.Shared;

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

/// <summary>What the rules say about a spend, and why (a refusal's text for every outcome: why it waits, why it is refused).</summary>
public sealed record SpendDecision(SpendOutcome Outcome, Refusal Message);

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
            return new(SpendOutcome.Refused, new("Vul een bedrag groter dan € 0,00 in."));
        }
        if (amount > MaxSpendCents)
        {
            return new(SpendOutcome.Refused, new("Eén uitgave is hoogstens {0}.", Money.Format(MaxSpendCents)));
        }
        if (amount > remaining)
        {
            return new(SpendOutcome.Refused, new("Er zit nog {0} in de pot. Dit bedrag past er niet in.", Money.Format(Math.Max(remaining, 0))));
        }
        if (mandate is null)
        {
            return new(SpendOutcome.NeedsApproval, new("U hebt geen mandaat. Een budgetbeheerder beslist."));
        }
        if (amount > mandate.PerSpendCents)
        {
            return new(SpendOutcome.NeedsApproval,
                new("Uw mandaat is {0} per uitgave. Een budgetbeheerder beslist.", Money.Format(mandate.PerSpendCents)));
        }
        if (spentThisMonth + amount > mandate.PerMonthCents)
        {
            return new(SpendOutcome.NeedsApproval,
                new("Deze maand is er al {0} uitgegeven op uw mandaat van {1}. Een budgetbeheerder beslist.",
                    Money.Format(spentThisMonth), Money.Format(mandate.PerMonthCents)));
        }
        return new(SpendOutcome.Approved, new("Binnen uw mandaat: het bedrag is meteen toegekend."));
    }

    /// <summary>Four eyes: an approver approves a request of someone else, and only while the pot can pay it.</summary>
    public static Refusal? CheckApproval(Guid requesterUserId, Guid approverUserId, bool approverHasRole, long amount, long remaining)
    {
        if (!approverHasRole)
        {
            return new("Alleen een budgetbeheerder kan een uitgave boven het mandaat goedkeuren.");
        }
        if (requesterUserId == approverUserId)
        {
            return new("U kunt uw eigen aanvraag niet goedkeuren. Een andere budgetbeheerder beslist (vier ogen).");
        }
        if (amount > remaining)
        {
            return new("Er zit nog {0} in de pot. Deze aanvraag past er niet meer in.", Money.Format(Math.Max(remaining, 0)));
        }
        return null;
    }

    /// <summary>Four eyes for a no as for a yes: an approver rejects a request of someone else, and says why.</summary>
    public static Refusal? CheckRejection(Guid requesterUserId, Guid approverUserId, bool approverHasRole, string? reason)
    {
        if (!approverHasRole)
        {
            return new("Alleen een budgetbeheerder kan een aanvraag afwijzen.");
        }
        if (requesterUserId == approverUserId)
        {
            return new("U kunt over uw eigen aanvraag niet beslissen. Een andere budgetbeheerder beslist (vier ogen).");
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > Ledger.ReasonMax)
        {
            return new("Schrijf kort op waarom niet (hoogstens {0} tekens).", Ledger.ReasonMax);
        }
        return null;
    }

    public static Refusal? CheckMandate(long perSpend, long perMonth)
    {
        if (perSpend < 0 || perMonth < 0)
        {
            return new("Een mandaat kan niet negatief zijn.");
        }
        if (perSpend > MandateLimits.MaxCents || perMonth > MandateLimits.MaxCents)
        {
            return new("Een mandaat is hoogstens {0}.", Money.Format(MandateLimits.MaxCents));
        }
        if (perSpend > perMonth)
        {
            return new("Het bedrag per uitgave kan niet hoger zijn dan het bedrag per maand.");
        }
        return null;
    }

    /// <summary>A contribution of a source to the pot: positive, at most € 10.000.000 at once.</summary>
    public static Refusal? CheckContribution(long amount) => amount switch
    {
        <= 0 => new("Vul een bedrag groter dan € 0,00 in."),
        > 1_000_000_000 => new("Eén bijdrage is hoogstens € 10.000.000."),
        _ => null,
    };
}
