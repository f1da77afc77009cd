namespace Wijkbasis.Infrastructure.Audit;

/// <summary>A record of a meeting that happens at a time (a session). Creating it after the day it happened is
/// back-filling, and its audit row says so (<see cref="AuditActions.Backfill"/>; docs/decisions/0014).</summary>
public interface IHappensAt : Data.IAudited
{
    DateTime StartsAt { get; }
}

/// <summary>A record kept in the logbook of a session (check-in, head count, note or story). Creating it after the
/// day of that session is back-filling (<see cref="AuditActions.Backfill"/>; docs/decisions/0014).</summary>
public interface IKeptAtSession : Data.IAudited
{
    Guid SessionId { get; }
}
