using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
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
/// History stays as it was: past sessions, sessions whose logbook may already be in use (it opens an hour
/// before the start), and sessions moved or cancelled by hand. Other future sessions follow the rule: they
/// move with it, and go when they no longer fit. Missing sessions are added from today on (for a new
/// activity from its first date, so a coordinator can fill in the logbooks of past weeks or years; and before the
/// old first date when an edit moves it back).</summary>
public sealed class SessionPlanner(WijkbasisDb db, TimeProvider time)
{
    public const int WeeksAhead = 26;

    public DateOnly Horizon => time.AmsterdamToday().AddDays(WeeksAhead * 7);

    /// <summary>Adds the changes to the context; the caller saves them with its own changes. When an edit moved the
    /// first date back from <paramref name="previousFirstDate"/>, the sessions before that date are added too (entering
    /// history, docs/decisions/0014).</summary>
    public async Task PlanAsync(Activity activity, CancellationToken cancellationToken, DateOnly? previousFirstDate = null)
    {
        var now = time.UtcNow();
        var until = Horizon;
        var existing = await db.Sessions.Where(s => s.ActivityId == activity.Id).ToListAsync(cancellationToken);
        var byDate = existing.ToDictionary(s => s.OccurrenceDate);
        var wanted = activity.ArchivedAt is null
            ? RecurrenceRule.Dates(activity, activity.FirstDate, until).ToHashSet()
            : [];
        var candidates = existing.Where(s => !Logbook.LogbookRules.MayHaveLog(s, now)
            && (activity.ArchivedAt is not null || (!s.IsMoved && !s.IsCancelled))).ToList();
        var withLog = await Logbook.LogbookRules.WithEntriesAsync(db, candidates.Select(s => s.Id).ToList(), cancellationToken);

        foreach (var session in candidates.Where(s => !withLog.Contains(s.Id)))
        {
            if (!wanted.Contains(session.OccurrenceDate))
            {
                db.Sessions.Remove(session);
                continue;
            }
            var startsAt = Clock.FromAmsterdam(session.OccurrenceDate, activity.StartTime);
            var endsAt = Clock.FromAmsterdam(session.OccurrenceDate, activity.EndTime);
            if (session.StartsAt != startsAt || session.EndsAt != endsAt || session.LocationId != activity.LocationId)
            {
                session.StartsAt = startsAt;
                session.EndsAt = endsAt;
                session.LocationId = activity.LocationId;
                session.Sequence++;
            }
        }
        // Missing sessions come from today on; a new activity gets them from its first date, and a first date moved
        // back by an edit gets the ones before its old first date (back-filling, docs/decisions/0014).
        var addFrom = existing.Count == 0 ? activity.FirstDate : time.AmsterdamToday();
        var addBefore = previousFirstDate is { } previous && previous > activity.FirstDate ? previous : DateOnly.MinValue;
        foreach (var date in wanted.Where(d => (d >= addFrom || d < addBefore) && !byDate.ContainsKey(d)).Order())
        {
            db.Sessions.Add(new Session
            {
                ActivityId = activity.Id,
                OccurrenceDate = date,
                StartsAt = Clock.FromAmsterdam(date, activity.StartTime),
                EndsAt = Clock.FromAmsterdam(date, activity.EndTime),
                LocationId = activity.LocationId,
            });
        }
        activity.PlannedUntil = activity.Recurrence == Recurrence.Once ? activity.FirstDate
            : activity.LastDate is { } last && last < until ? last : until;
    }

    /// <summary>Raises the calendar SEQUENCE of the future sessions, e.g. after the name or description changed.</summary>
    public async Task TouchFutureAsync(Activity activity, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        foreach (var session in await db.Sessions.Where(s => s.ActivityId == activity.Id && s.StartsAt > now).ToListAsync(cancellationToken))
        {
            session.Sequence++;
        }
    }

    /// <summary>Extends every activity whose sessions run out before the horizon. Returns how many were planned.
    /// Another request or instance may plan the same sessions at the same moment; the unique index on
    /// (activity, date) lets one win, and the other simply finds them planned.</summary>
    public async Task<int> ExtendAsync(CancellationToken cancellationToken)
    {
        var horizon = Horizon;
        var due = await db.Activities
            .Where(a => a.ArchivedAt == null && (a.PlannedUntil == null
                || (a.Recurrence != Recurrence.Once && a.PlannedUntil < horizon && (a.LastDate == null || a.PlannedUntil < a.LastDate))))
            .ToListAsync(cancellationToken);
        var planned = 0;
        foreach (var activity in due)
        {
            await PlanAsync(activity, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                planned++;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() || e is DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }
        return planned;
    }

    /// <summary>Plans ahead for the current enterprise as the system ("planner"), in a scope of its own: the
    /// visitor whose page view triggered it did not change the activities, and their page's work is untouched.</summary>
    public static async Task ExtendAsAsync(IServiceScopeFactory scopes, Infrastructure.Tenancy.TenantContext current, CancellationToken cancellationToken)
    {
        await using var scope = scopes.AsTenant(current.Enterprise, [], "planner");
        try
        {
            await scope.ServiceProvider.GetRequiredService<SessionPlanner>().ExtendAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // Planning here is a courtesy (the background round plans too): it never breaks the page that asked.
            scope.ServiceProvider.GetRequiredService<ILogger<SessionPlanner>>()
                .LogWarning(e, "Planning sessions ahead failed during a page view for {Enterprise}", current.Slug);
        }
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

    public static Task RunOnceAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) =>
        scopes.ForEachEnterpriseAsync<SessionPlanning>("planner",
            (services, _, ct) => services.GetRequiredService<SessionPlanner>().ExtendAsync(ct), cancellationToken);
}
