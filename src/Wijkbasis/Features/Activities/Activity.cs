using Wijkbasis.Data;

namespace Wijkbasis.Features.Activities;

/// <summary>Where things happen: a building, or a pop-up place (a square, a caravan at a spot for a month).</summary>
public sealed class Location : ITenantOwned
{
    public const int NameMax = 100;
    public const int AddressMax = 200;
    public const int LabelMax = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public bool IsPopUp { get; set; }
    /// <summary>What kind of pop-up place, shown with the name: "caravan", "plein", "markt".</summary>
    public string? Label { get; set; }
    /// <summary>A pop-up place stands there for a while only.</summary>
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    public string Display => DisplayOf(Name, IsPopUp, Label);

    /// <summary>"Rode Plein (caravan)": a pop-up place is named with its label.</summary>
    public static string DisplayOf(string name, bool isPopUp, string? label) =>
        isPopUp && !string.IsNullOrEmpty(label) ? $"{name} ({label})" : name;
}

public enum Recurrence
{
    Once,
    Weekly,
    EveryOtherWeek,
}

/// <summary>Something that happens, once or on a rhythm. Times are local (Europe/Amsterdam): a coffee
/// morning at 10:00 stays at 10:00 across the change to summer time.</summary>
public sealed class Activity : ITenantOwned, IAudited
{
    public const int NameMax = 100;
    public const int DescriptionMax = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Guid LocationId { get; set; }
    public Location? Location { get; set; }
    public Recurrence Recurrence { get; set; }
    /// <summary>Required for weekly and every-other-week rules.</summary>
    public DayOfWeek? Day { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    /// <summary>The date of the first (or only) session.</summary>
    public DateOnly FirstDate { get; set; }
    public DateOnly? LastDate { get; set; }
    /// <summary>The volunteer (or other member) who hosts the sessions and keeps their logbook.</summary>
    public Guid? HostUserId { get; set; }
    /// <summary>Shown on the public agenda and in the calendar feed.</summary>
    public bool IsPublic { get; set; } = true;
    /// <summary>Sessions exist up to and including this date.</summary>
    public DateOnly? PlannedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>One occurrence of an activity. <see cref="OccurrenceDate"/> is its place in the series and never
/// changes, so a moved or cancelled session stays itself and the series is not broken.</summary>
public sealed class Session : ITenantOwned, IAudited, Infrastructure.Audit.IHappensAt
{
    public const int ReasonMax = 200;
    public const int NoteMax = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public DateOnly OccurrenceDate { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public Guid LocationId { get; set; }
    public Location? Location { get; set; }
    /// <summary>Overrides the activity's host for this one session.</summary>
    public Guid? HostUserId { get; set; }
    /// <summary>Moved by hand: the planner leaves it alone when the rule changes.</summary>
    public bool IsMoved { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>Raised on every change, for calendar apps (iCal SEQUENCE).</summary>
    public int Sequence { get; set; }
    /// <summary>The logbook is complete. Changes after this are corrections, audited as such.</summary>
    public DateTime? ClosedAt { get; set; }
    public string? ClosedByName { get; set; }

    public bool IsCancelled => CancelledAt is not null;
    public bool IsClosed => ClosedAt is not null;

    Guid? IAudited.SubjectPersonId => null;
}
