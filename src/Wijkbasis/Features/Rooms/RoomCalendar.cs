using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>The outcome of putting rows in a room's calendar: what was stored, or the dates that conflict (nothing stored).</summary>
public sealed record CalendarResult(List<RoomBooking> Stored, List<Conflict> Conflicts, Refusal? Problem)
{
    public bool Saved => Problem is null && Stored.Count > 0;
}

/// <summary>Writes bookings and blocks. The page checks first so it can report conflicting dates; the database has the
/// last word: a trigger (both providers) refuses a row that overlaps another active row of the same room, and on
/// PostgreSQL it first locks the room's row, so of two racing bookings exactly one is stored. Everything asked for
/// in one call is stored in one SaveChanges (one transaction): all of it, or none.</summary>
public sealed class RoomCalendar(WijkbasisDb db, TenantContext tenant, TimeProvider time)
{
    public const string TakenMessage = "De ruimte is op dat moment al bezet.";
    public const string TakenMeanwhileMessage = "Iemand anders heeft de ruimte zojuist geboekt. Bekijk de data hieronder opnieuw.";

    /// <summary>Active bookings and blocks of the room that overlap the period (UTC).</summary>
    public Task<List<Busy>> BusyAsync(Guid roomId, DateTime from, DateTime until, CancellationToken cancellationToken) =>
        db.RoomBookings.AsNoTracking()
            .Where(b => b.RoomId == roomId && b.CancelledAt == null && b.StartsAt < until && b.EndsAt > from)
            .OrderBy(b => b.StartsAt)
            .Select(b => new Busy(b.Id, b.StartsAt, b.EndsAt, b.Title, b.Kind))
            .ToListAsync(cancellationToken);

    public async Task<List<Conflict>> ConflictsAsync(Guid roomId, IReadOnlyCollection<Slot> slots, CancellationToken cancellationToken)
    {
        if (slots.Count == 0)
        {
            return [];
        }
        var busy = await BusyAsync(roomId, slots.Min(s => s.StartsAt), slots.Max(s => s.EndsAt), cancellationToken);
        return RoomRules.Conflicts(slots, busy);
    }

    /// <summary>Stores one row per slot. With <paramref name="onlyFree"/> the conflicting slots are left out; without,
    /// any conflict stores nothing. <paramref name="expectedFree"/> (when given) is how many free dates the person saw:
    /// if that changed in the meantime nothing is stored and the new report is returned.</summary>
    public async Task<CalendarResult> StoreAsync(Room room, IReadOnlyList<Slot> slots, Func<Slot, RoomBooking> make, bool onlyFree,
        int? expectedFree, CancellationToken cancellationToken)
    {
        var conflicts = await ConflictsAsync(room.Id, slots, cancellationToken);
        var free = slots.Where(s => conflicts.All(c => c.Slot != s)).ToList();
        if (conflicts.Count > 0 && !onlyFree)
        {
            return new([], conflicts, slots.Count == 1 ? new Refusal(TakenMessage) : new Refusal("{0} van de {1} data zijn al bezet. Er is niets geboekt.", conflicts.Count, slots.Count));
        }
        if (expectedFree is { } expected && expected != free.Count)
        {
            return new([], conflicts, new Refusal(TakenMeanwhileMessage));
        }
        if (free.Count == 0)
        {
            return new([], conflicts, new Refusal("Alle data zijn al bezet. Er is niets geboekt."));
        }
        var rows = free.Select(s =>
        {
            var row = make(s);
            row.RoomId = room.Id;
            row.StartsAt = s.StartsAt;
            row.EndsAt = s.EndsAt;
            row.CreatedAt = time.UtcNow();
            row.CreatedByName = tenant.DisplayName;
            return row;
        }).ToList();
        db.RoomBookings.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsRoomTaken())
        {
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
            foreach (var changed in db.ChangeTracker.Entries().Where(x => x.State is EntityState.Modified or EntityState.Added).ToList())
            {
                changed.State = EntityState.Detached;
            }
            return new([], await ConflictsAsync(room.Id, slots, cancellationToken), new Refusal(slots.Count == 1 ? TakenMessage : TakenMeanwhileMessage));
        }
        return new(rows, conflicts, null);
    }
}

public static class RoomErrors
{
    /// <summary>The text the overlap triggers raise (see the Rooms migrations).</summary>
    public const string DoubleBooked = "room-double-booked";

    /// <summary>The database refused a row because the room is already taken then.</summary>
    public static bool IsRoomTaken(this DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.ExclusionViolation && pg.MessageText == DoubleBooked,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains(DoubleBooked, StringComparison.Ordinal),
        _ => false,
    };
}
