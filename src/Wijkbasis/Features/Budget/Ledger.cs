using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Budget;

/// <summary>A neighbourhood pot for one period, fed by named sources and spent "zonder schotten": a spend is not
/// tied to a source. Every spend and contribution takes the pot's <see cref="Version"/>, so spends on one pot
/// are serialised by the database and the pot can never be overdrawn, also when requests race.</summary>
public sealed class BudgetPot : ITenantOwned, IAudited
{
    public const int NameMax = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Concurrency token: raised by every booking on this pot.</summary>
    public long Version { get; set; }

    public bool IsOpenOn(DateOnly day) => StartsOn <= day && day <= EndsOn;

    Guid? IAudited.SubjectPersonId => null;
}

public enum FundingSource
{
    MunicipalityWmo,
    HousingCorporation,
    NeighbourhoodBudget,
    Fund,
    Other,
}

public enum SpendPurpose
{
    Transport,
    AdministrativeFees,
    HouseholdEmergency,
    LicenceOrEducation,
    Other,
}

public enum LedgerKind
{
    Contribution,
    Spend,
    Reversal,
}

/// <summary>One line of the pot's ledger. Append-only (database triggers refuse updates and deletes): a mistake
/// is corrected by a reversal line. Contributions are positive, spends negative, a reversal is the opposite of
/// the line it reverses.</summary>
public sealed class LedgerEntry : ITenantOwned, IAudited
{
    public const int SourceNameMax = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PotId { get; set; }
    public LedgerKind Kind { get; set; }
    public long AmountCents { get; set; }
    public DateTime At { get; set; }
    public DateOnly BookedOn { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public FundingSource? Source { get; set; }
    /// <summary>Who contributed, e.g. "Havensteder" or "Oranje Fonds".</summary>
    public string? SourceName { get; set; }
    public SpendPurpose? Purpose { get; set; }
    /// <summary>What a spend was for, in the buddy's words: may say something about the resident, so sealed.</summary>
    public SealedText? Note { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? SpendRequestId { get; set; }
    /// <summary>Set when a budget approver approved this spend above the requester's mandate (four eyes).</summary>
    public string? ApprovedByName { get; set; }
    /// <summary>The requester of a spend; for a spend on their own mandate this is what the month limit counts.</summary>
    public Guid? RequestedByUserId { get; set; }
    public bool OnOwnMandate { get; set; }
    public Guid? ReversesEntryId { get; set; }
    public string? Reason { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

public static class Ledger
{
    public const int ReasonMax = 300;

    public static long Balance(IEnumerable<LedgerEntry> entries) => entries.Sum(e => e.AmountCents);

    /// <summary>Makes the line that undoes <paramref name="entry"/>, or says why it cannot be undone.
    /// <paramref name="alreadyReversed"/> tells whether a reversal of it exists; <paramref name="balance"/>
    /// is the pot's balance now (undoing a contribution may not take the pot below zero).</summary>
    public static (LedgerEntry? Reversal, Refusal? Problem) Reverse(LedgerEntry entry, bool alreadyReversed, long balance,
        string? reason, Guid? byUserId, string byName, DateTime at, DateOnly bookedOn)
    {
        if (entry.Kind == LedgerKind.Reversal)
        {
            return (null, new("Een terugboeking kan niet zelf worden teruggeboekt. Boek het bedrag opnieuw."));
        }
        if (alreadyReversed)
        {
            return (null, new("Deze regel is al teruggeboekt."));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, new("Schrijf op waarom deze regel wordt teruggeboekt."));
        }
        if (reason.Length > ReasonMax)
        {
            return (null, new("De reden is te lang (hoogstens {0} tekens).", ReasonMax));
        }
        if (balance - entry.AmountCents < 0)
        {
            return (null, new("Na deze terugboeking zou de pot onder nul komen (nu {0}). Dat kan niet.", Money.Format(balance)));
        }
        return (new LedgerEntry
        {
            TenantId = entry.TenantId, PotId = entry.PotId, Kind = LedgerKind.Reversal, AmountCents = -entry.AmountCents,
            At = at, BookedOn = bookedOn, ByUserId = byUserId, ByName = byName, CaseId = entry.CaseId,
            Purpose = entry.Purpose, Source = entry.Source, SourceName = entry.SourceName,
            RequestedByUserId = entry.RequestedByUserId, OnOwnMandate = entry.OnOwnMandate,
            ReversesEntryId = entry.Id, Reason = reason.Trim(),
        }, null);
    }

    /// <summary>What the requester spent on their own mandate in the month of <paramref name="day"/>: their spends
    /// booked that month, leaving out the ones that were reversed (whenever the reversal was booked).</summary>
    public static long SpentOnOwnMandate(IReadOnlyCollection<LedgerEntry> entries, Guid userId, DateOnly day)
    {
        var reversed = entries.Where(e => e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
        return -entries
            .Where(e => e.Kind == LedgerKind.Spend && e.OnOwnMandate && e.RequestedByUserId == userId
                && e.BookedOn.Year == day.Year && e.BookedOn.Month == day.Month && !reversed.Contains(e.Id))
            .Sum(e => e.AmountCents);
    }

    public static string Label(FundingSource source) => source switch
    {
        FundingSource.MunicipalityWmo => "Gemeente (Wmo)",
        FundingSource.HousingCorporation => "Woningcorporatie",
        FundingSource.NeighbourhoodBudget => "Wijkbudget",
        FundingSource.Fund => "Fonds",
        _ => "Anders",
    };

    public static string Label(SpendPurpose purpose) => purpose switch
    {
        SpendPurpose.Transport => "Vervoer",
        SpendPurpose.AdministrativeFees => "Leges en administratie",
        SpendPurpose.HouseholdEmergency => "Nood in huis",
        SpendPurpose.LicenceOrEducation => "Rijbewijs of opleiding",
        _ => "Anders",
    };
}
