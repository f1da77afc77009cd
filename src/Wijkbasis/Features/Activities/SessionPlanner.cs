using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

/// <summary>The dates a rule gives. Pure, so the rhythm can be tested without a database.</summary>
public static class RecurrenceRule
{
    public static IEnumerable<DateOnly> Dates(Recurrence recurrence, DayOfWeek? day, DateOnly first, DateOnly? last, DateOnly from, DateOnly to)
    {
        var end = last is { } l && l < to ? l : to;
        if (recurrence == Recurrence.Once)
        {
            if (first >= from && first <= end)
            {
                yield return first;
            }
            yield break;
        }
        if (day is null)
        {
            yield break;
        }
        // The series starts on the first chosen weekday on or after the first date; every other week counts from there.
        var anchor = first.AddDays(((int)day.Value - (int)first.DayOfWeek + 7) % 7);
        var step = recurrence == Recurrence.EveryOtherWeek ? 14 : 7;
        var date = anchor;
        if (from > anchor)
        {
            var steps = (from.DayNumber - anchor.DayNumber + step - 1) / step;
            date = anchor.AddDays(steps * step);
        }
        for (; date <= end; date = date.AddDays(step))
        {
            yield return date;
        }
    }

    public static IEnumerable<DateOnly> Dates(Activity a, DateOnly from, DateOnly to) =>
        Dates(a.Recurrence, a.Day, a.FirstDate, a.LastDate, from, to);
}

/// <summary>Keeps an activity's sessions in line with its rule, up to <see cref="WeeksAhead"/> weeks ahead.
/// Past sessions and sessions moved or cancelled by hand are history and stay as they are; future
/// sessions that no longer fit the rule go, and missing ones are added.</summary>
public sealed class SessionPlanner(WijkbasisDb db, TimeProvider time)
{
    public const int WeeksAhead = 26;

    public DateOnly Horizon => time.AmsterdamToday().AddDays(WeeksAhead * 7);

    /// <summary>Adds the changes to the context; the caller saves them with its own changes.</summary>
    public async Task PlanAsync(Activity activity, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var until = Horizon;
        var existing = await db.Sessions.Where(s => s.ActivityId == activity.Id).ToListAsync(cancellationToken);
        var byDate = existing.ToDictionary(s => s.OccurrenceDate);
        var wanted = activity.ArchivedAt is null
            ? RecurrenceRule.Dates(activity, activity.FirstDate, until).ToHashSet()
            : [];

        foreach (var session in existing.Where(s => s.StartsAt > now && (activity.ArchivedAt is not null || (!s.IsMoved && !s.IsCancelled))))
        {
            if (!wanted.Contains(session.OccurrenceDate))
            {
                // Future sessions cannot have a logbook yet (writes before the start are refused).
                db.Sessions.Remove(session);
                continue;
            }
            var startsAt = Clock.FromAmsterdam(session.OccurrenceDate, activity.StartTime);
            var endsAt = EndOf(session.OccurrenceDate, activity);
            if (session.StartsAt != startsAt || session.EndsAt != endsAt || session.LocationId != activity.LocationId)
            {
                session.StartsAt = startsAt;
                session.EndsAt = endsAt;
                session.LocationId = activity.LocationId;
                session.Sequence++;
            }
        }
        foreach (var date in wanted.Where(d => !byDate.ContainsKey(d)).Order())
        {
            db.Sessions.Add(new Session
            {
                ActivityId = activity.Id,
                OccurrenceDate = date,
                StartsAt = Clock.FromAmsterdam(date, activity.StartTime),
                EndsAt = EndOf(date, activity),
                LocationId = activity.LocationId,
            });
        }
        activity.PlannedUntil = activity.Recurrence == Recurrence.Once ? activity.FirstDate
            : activity.LastDate is { } last && last < until ? last : until;
    }

    private static DateTime EndOf(DateOnly date, Activity a) => Clock.FromAmsterdam(date, a.EndTime);

    /// <summary>Extends every activity whose sessions run out before the horizon. Run per enterprise by
    /// <see cref="SessionPlanning"/> and when the activities are looked at.</summary>
    public async Task<int> ExtendAsync(CancellationToken cancellationToken)
    {
        var horizon = Horizon;
        var due = await db.Activities
            .Where(a => a.ArchivedAt == null && (a.PlannedUntil == null
                || (a.Recurrence != Recurrence.Once && a.PlannedUntil < horizon && (a.LastDate == null || a.PlannedUntil < a.LastDate))))
            .ToListAsync(cancellationToken);
        foreach (var activity in due)
        {
            await PlanAsync(activity, cancellationToken);
        }
        if (due.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }
}

/// <summary>Every few hours, plans sessions ahead for every enterprise, so the agenda never runs dry.</summary>
public sealed class SessionPlanning(IServiceScopeFactory scopes, ILogger<SessionPlanning> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6));
        do
        {
            try
            {
                await RunOnceAsync(scopes, stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // Another instance may have planned the same sessions; the next round tries again.
                log.LogWarning(e, "Session planning round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public static async Task RunOnceAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        List<Data.Enterprise> enterprises;
        await using (var scope = scopes.CreateAsyncScope())
        {
            enterprises = await scope.ServiceProvider.GetRequiredService<WijkbasisDb>().Enterprises.AsNoTracking().ToListAsync(cancellationToken);
        }
        foreach (var e in enterprises)
        {
            await using var scope = scopes.CreateAsyncScope();
            var tenant = scope.ServiceProvider.GetRequiredService<Infrastructure.Tenancy.TenantContext>();
            tenant.Enter(e.Id, e.Slug, e.Name, e.MunicipalityId, []);
            tenant.SetActor(null, "planner");
            await scope.ServiceProvider.GetRequiredService<SessionPlanner>().ExtendAsync(cancellationToken);
        }
    }
}
