using Wijkbasis.Data;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Cases;

public enum CaseStatus
{
    Open,
    Closed,
}

public enum CaseOutcome
{
    GoalsReached,
    PartlyReached,
    MovedAway,
    Declined,
    Other,
}

/// <summary>A resident held on to by one buddy from A to Z. There is exactly one responsible buddy at every
/// moment: <see cref="OwnerBuddyId"/> is a single required column, and a transfer only changes it when the
/// receiving buddy accepts. <see cref="Version"/> is a concurrency token, so of two racing changes one wins
/// and the other is refused.</summary>
public sealed class Case : ITenantOwned, IAudited
{
    public const int ReasonMax = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PersonId { get; set; }
    public Guid IntakeId { get; set; }
    public CaseWeight Weight { get; set; }
    public Guid OwnerBuddyId { get; set; }
    public Guid OwnerUserId { get; set; }
    /// <summary>The wijkverbinder who did the intake: they keep sight of the case.</summary>
    public Guid CreatedByUserId { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? LastContactAt { get; set; }

    public Guid? TransferToBuddyId { get; set; }
    public Guid? TransferToUserId { get; set; }
    /// <summary>Why the resident moves to another buddy: may say something personal, so sealed.</summary>
    public SealedText? TransferReason { get; set; }
    public string? TransferRequestedByName { get; set; }
    public DateTime? TransferRequestedAt { get; set; }

    public CaseStatus Status { get; set; }
    public DateTime? ClosedAt { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public SealedText? OutcomeNote { get; set; }
    /// <summary>The re-assessment at closing, on the intake's domains (JSON, like <see cref="Intake.Zrm"/>).</summary>
    public SealedText? ClosingZrm { get; set; }
    public int Version { get; set; }

    /// <summary>A short reference to a case that names nobody, for overviews of people who may not open it
    /// (the end of the id: its start is a timestamp and alike for cases opened close together).</summary>
    public static string ReferenceOf(Guid id) => "C-" + id.ToString("N")[^8..].ToUpperInvariant();

    public bool IsClosed => Status == CaseStatus.Closed;
    public bool HasPendingTransfer => TransferToBuddyId is not null;

    Guid? IAudited.SubjectPersonId => PersonId;

    /// <summary>Asks another buddy to take over. Until they accept, the current buddy stays responsible.
    /// <paramref name="seal"/> seals the reason for this case.</summary>
    public Refusal? RequestTransfer(Guid toBuddyId, Guid toUserId, string? reason, string byName, DateTime at, Func<string, SealedText?> seal)
    {
        if (IsClosed)
        {
            return Closed;
        }
        if (toBuddyId == OwnerBuddyId)
        {
            return new("Deze buddy is al verantwoordelijk. Kies een andere buddy.");
        }
        if (HasPendingTransfer)
        {
            return new("Er loopt al een overdracht. Wacht op het antwoord of trek die eerst in.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new("Schrijf op waarom de bewoner naar een andere buddy gaat.");
        }
        if (reason.Length > ReasonMax)
        {
            return new("De reden is te lang (hoogstens {0} tekens).", ReasonMax);
        }
        TransferToBuddyId = toBuddyId;
        TransferToUserId = toUserId;
        TransferReason = seal(reason.Trim());
        TransferRequestedByName = byName;
        TransferRequestedAt = at;
        Version++;
        return null;
    }

    /// <summary>The receiving buddy takes over: from now on they are the one responsible, the other is not.</summary>
    public Refusal? AcceptTransfer(Guid userId)
    {
        if (IsClosed)
        {
            return Closed;
        }
        if (!HasPendingTransfer)
        {
            return new("Er is geen overdracht (meer) om te accepteren.");
        }
        if (TransferToUserId != userId)
        {
            return new("Alleen de buddy die de bewoner overneemt kan de overdracht accepteren.");
        }
        OwnerBuddyId = TransferToBuddyId!.Value;
        OwnerUserId = userId;
        ClearTransfer();
        return null;
    }

    /// <summary>The receiving buddy says no (or the request is withdrawn): the current buddy stays responsible.</summary>
    public Refusal? EndTransfer(Guid userId, bool mayWithdraw)
    {
        if (!HasPendingTransfer)
        {
            return new("Er is geen overdracht (meer).");
        }
        if (TransferToUserId != userId && !mayWithdraw)
        {
            return new("Alleen de buddy die de bewoner zou overnemen kan nee zeggen.");
        }
        ClearTransfer();
        return null;
    }

    /// <summary>Closes the case with an outcome; a closed case is read-only.</summary>
    public Refusal? Close(CaseOutcome? outcome, DateTime at)
    {
        if (IsClosed)
        {
            return Closed;
        }
        if (outcome is null || !Enum.IsDefined(outcome.Value))
        {
            return new("Kies hoe het is afgelopen.");
        }
        if (HasPendingTransfer)
        {
            return new("Er loopt nog een overdracht. Rond die eerst af.");
        }
        Status = CaseStatus.Closed;
        Outcome = outcome;
        ClosedAt = at;
        Version++;
        return null;
    }

    public const string ClosedMessage = "Deze casus is afgesloten en kan niet meer worden gewijzigd.";

    /// <summary>The refusal of every change to a closed case.</summary>
    public static Refusal Closed { get; } = new(ClosedMessage);

    private void ClearTransfer()
    {
        TransferToBuddyId = null;
        TransferToUserId = null;
        TransferReason = null;
        TransferRequestedByName = null;
        TransferRequestedAt = null;
        Version++;
    }

    public static string Label(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.GoalsReached => "Doelen bereikt",
        CaseOutcome.PartlyReached => "Doelen deels bereikt",
        CaseOutcome.MovedAway => "Verhuisd",
        CaseOutcome.Declined => "Wil niet meer",
        _ => "Anders",
    };
}

public enum ContactKind
{
    Visit,
    Call,
    Message,
    TogetherToAgency,
}

/// <summary>One contact between buddy and resident. The note is sealed.</summary>
public sealed class CaseContact : ITenantOwned, IAudited
{
    public const int NoteMax = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly On { get; set; }
    public ContactKind Kind { get; set; }
    public SealedText? Note { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;

    public static string Label(ContactKind kind) => kind switch
    {
        ContactKind.Visit => "Bezoek",
        ContactKind.Call => "Gebeld",
        ContactKind.Message => "Bericht",
        _ => "Samen naar een instantie",
    };
}

/// <summary>A goal (from the intake) or a task with a due date. The text is sealed.</summary>
public sealed class CaseItem : ITenantOwned, IAudited
{
    public const int TextMax = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public bool IsGoal { get; set; }
    public SealedText? Text { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTime? DoneAt { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}
