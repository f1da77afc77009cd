using Wijkbasis.Data;

namespace Wijkbasis.Features.Logbook;

/// <summary>A registered person came to a session. One per person per session, enforced by a unique index.</summary>
public sealed class CheckIn : ITenantOwned, IAudited, Infrastructure.Audit.IKeptAtSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SessionId { get; set; }
    public Guid PersonId { get; set; }
    public DateTime At { get; set; }
    public required string ByName { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

public enum AgeBand
{
    Children,
    Teens,
    Adults,
    Seniors,
}

/// <summary>Walk-ins who are not registered, counted by age band. Each tally is a row of its own, so two
/// devices counting at once never overwrite each other and a mistake is undone by removing that row.</summary>
public sealed class HeadCount : ITenantOwned, IAudited, Infrastructure.Audit.IKeptAtSession
{
    /// <summary>More than this in one tally is a typing error, not a crowd.</summary>
    public const int MaxPerBand = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SessionId { get; set; }
    /// <summary>0–12 years.</summary>
    public int Children { get; set; }
    /// <summary>13–17 years.</summary>
    public int Teens { get; set; }
    /// <summary>18–64 years.</summary>
    public int Adults { get; set; }
    /// <summary>65 and older.</summary>
    public int Seniors { get; set; }
    public DateTime At { get; set; }
    public required string ByName { get; set; }

    public int Total => Children + Teens + Adults + Seniors;

    Guid? IAudited.SubjectPersonId => null;
}

public enum LogEntryKind
{
    Note,
    Story,
}

/// <summary>A note on what happened, or a resident's story: a quote or an observation. A story may be used in
/// reports only when the person consented to that.</summary>
public sealed class LogEntry : ITenantOwned, IAudited, Infrastructure.Audit.IKeptAtSession
{
    public const int TextMax = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SessionId { get; set; }
    public LogEntryKind Kind { get; set; }
    public required string Text { get; set; }
    /// <summary>Whose story it is, when the person is registered.</summary>
    public Guid? PersonId { get; set; }
    public bool ConsentToReport { get; set; }
    public DateTime At { get; set; }
    public required string ByName { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}
