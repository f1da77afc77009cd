using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Logbook;

/// <summary>The one place that decides a check-in and does it: who may keep a session's logbook, whether it is open
/// for writing, whether the person may be checked in, and the insert with its audit row. The session page's form post
/// (<see cref="SessionModel"/>), the live check-in endpoint (<see cref="LiveCheckIn"/>) and the public API (Features/Api) all go
/// through here.</summary>
public sealed class CheckIns(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit)
{
    /// <summary>The person at the door: not archived, with the participation consent in force (null when none was
    /// recorded).</summary>
    public sealed record Person(Guid Id, string Name, bool? Participation);

    /// <summary>What a check-in needs to know about a session and a person, read in one query. <see cref="Session"/>
    /// holds only the id, tenant, start and the cancel and close marks and host; <paramref name="Person"/> is null
    /// when the person is not (or no longer) in the register.</summary>
    public sealed record Door(Session Session, Guid? ActivityHost, Person? Person);

    /// <summary>How a check-in ended: done, refused by a rule, or refused because the person was already there.</summary>
    public sealed record Outcome(Refusal? Refusal, bool Repeat)
    {
        public static readonly Outcome Done = new(null, false);
        public bool IsDone => Refusal is null;
    }

    // Compiled once: the query the fast path runs for every check-in. Only the columns the decision needs; the
    // tenant filter applies as in any other query. The person comes along as two scalar subqueries.
    private static readonly Func<WijkbasisDb, Guid, Guid, CancellationToken, Task<Found?>> FindQuery =
        EF.CompileAsyncQuery((WijkbasisDb db, Guid sessionId, Guid personId, CancellationToken cancellationToken) =>
            db.Sessions.Where(s => s.Id == sessionId)
                .Select(s => new Found(
                    new Session
                    {
                        Id = s.Id, TenantId = s.TenantId, ActivityId = s.ActivityId, StartsAt = s.StartsAt, EndsAt = s.EndsAt,
                        HostUserId = s.HostUserId, CancelledAt = s.CancelledAt, ClosedAt = s.ClosedAt,
                    },
                    s.Activity!.HostUserId,
                    db.People.Where(p => p.Id == personId && p.ArchivedAt == null).Select(p => p.Name).FirstOrDefault(),
                    // ConsentRules.InForce, spelled out: a compiled query cannot call it.
                    db.Consents.Where(c => c.PersonId == personId && c.Purpose == ConsentPurpose.Participation)
                        .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => (bool?)c.Given).FirstOrDefault()))
                .SingleOrDefault());

    private sealed record Found(Session Session, Guid? ActivityHost, string? PersonName, bool? Participation);

    /// <summary>The person from the two scalar subqueries: null when the name is missing (not in the register).</summary>
    public static Person? PersonOf(Guid personId, string? name, bool? participation) =>
        name is null ? null : new Person(personId, name, participation);

    /// <summary>The session (of this enterprise) and the person, for the fast path; null when the session is not found.</summary>
    public async Task<Door?> FindAsync(Guid sessionId, Guid personId, CancellationToken cancellationToken)
    {
        if (await FindQuery(db, sessionId, personId, cancellationToken) is not { } found)
        {
            return null;
        }
        // Tracked as it is, never changed: the audit interceptor takes the session's start from the tracker
        // (create or backfill) instead of reading it again. Nothing else of this partial row is ever saved.
        db.Sessions.Attach(found.Session);
        return new Door(found.Session, found.ActivityHost, PersonOf(personId, found.PersonName, found.Participation));
    }

    /// <summary>Coordinators and wijkverbinders keep every logbook; anyone else only of the sessions they host.</summary>
    public bool MayKeep(Session session, Guid? activityHost) =>
        LogbookRules.MayKeep(session.HostUserId, activityHost, tenant.UserId, tenant.IsInRole(Roles.Coordinator) || tenant.IsInRole(Roles.Wijkverbinder));

    /// <summary>Only a coordinator corrects a closed logbook.</summary>
    public bool MayCorrect => tenant.IsInRole(Roles.Coordinator);

    /// <summary>Null when the session's logbook may be written now, else why not.</summary>
    public Refusal? RefuseWrite(Session session) => LogbookRules.RefuseWrite(session, time.UtcNow(), MayCorrect);

    /// <summary>Checks the person in at the session, after <see cref="MayKeep"/> and <see cref="RefuseWrite"/> said yes:
    /// the person's own rules, then the check-in row and its audit row in one save (with a correction row when the
    /// logbook was closed). A second check-in of the same person is refused by the unique index, also when two devices
    /// try at the same moment.</summary>
    public async Task<Outcome> CheckInAsync(Session session, Person? person, CancellationToken cancellationToken)
    {
        if (person is null)
        {
            return new(new Refusal("Deze persoon staat niet in het register."), false);
        }
        if (person.Participation == false)
        {
            return new(Withdrawn(person.Name), false);
        }
        return await AddAsync(session, person.Id, person.Name, cancellationToken);
    }

    /// <summary>The refusal for a person who withdrew their participation consent.</summary>
    public static Refusal Withdrawn(string name) =>
        new("{0} wil niet meer dat we het bezoek bijhouden. Tel hem of haar mee bij de telling zonder registratie.", name);

    /// <summary>The check-in row of someone whose rules were checked, saved once (see <see cref="CheckInAsync"/>).</summary>
    public async Task<Outcome> AddAsync(Session session, Guid personId, string name, CancellationToken cancellationToken)
    {
        db.CheckIns.Add(new CheckIn { SessionId = session.Id, PersonId = personId, At = time.UtcNow(), ByName = Actor });
        if (session.IsClosed)
        {
            // After closing, a change is a correction: an extra audit row in the same save.
            audit.AddCorrection(session, personId);
        }
        // On PostgreSQL the rows go as one batch, and a batch outside a transaction is one implicit transaction:
        // all rows or none, without the round trips of BEGIN and COMMIT. SQLite runs statement by statement, so
        // there the save keeps its transaction.
        var before = db.Database.AutoTransactionBehavior;
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is null)
        {
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return new(new Refusal("{0} is al aangemeld voor deze sessie.", name), true);
        }
        finally
        {
            db.Database.AutoTransactionBehavior = before;
        }
    }

    /// <summary>A tally of walk-ins (the head-count form), after <see cref="MayKeep"/> and <see cref="RefuseWrite"/> said yes and
    /// the input was checked: the row and, when the logbook was closed, its correction row, in one save. The session page
    /// and the public API (Features/Api) both count through here.</summary>
    public async Task<HeadCount> CountAsync(Session session, HeadCountInput input, CancellationToken cancellationToken)
    {
        var count = new HeadCount
        {
            SessionId = session.Id, Children = input.Children ?? 0, Teens = input.Teens ?? 0, Adults = input.Adults ?? 0,
            Seniors = input.Seniors ?? 0, At = time.UtcNow(), ByName = Actor,
        };
        db.HeadCounts.Add(count);
        if (session.IsClosed)
        {
            audit.AddCorrection(session, null);
        }
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>The name shown with what this user writes in the logbook.</summary>
    public string Actor => tenant.DisplayName;
}
