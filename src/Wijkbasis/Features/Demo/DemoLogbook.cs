using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Demo;

/// <summary>Activities and a logbook history for the demo enterprises, with the rhythms of real places: a weekly
/// coffee morning with about twenty regulars, a garden that is busy in summer and quiet in winter, homework
/// help after school that stops in the summer holiday. Deterministic for a given seed and day.</summary>
public sealed class DemoLogbook(WijkbasisDb db, TenantContext tenant, SessionPlanner planner, TimeProvider time, ILogger<DemoLogbook> log)
{
    private sealed record Plan(string Name, string Description, Recurrence Recurrence, DayOfWeek Day, TimeOnly Start, TimeOnly End,
        int Place, bool HostedByVolunteer, int Regulars, double Attendance, Func<DateOnly, double> Season, int WalkIns, AgeBand WalkInBand,
        Func<DateOnly, string?> Closed);

    private sealed record Place(string Name, string? Address, string? PopUpLabel);

    private static double AllYear(DateOnly d) => 1;
    private static double GardenSeason(DateOnly d) => d.Month switch { >= 4 and <= 9 => 1, 3 or 10 => 0.55, _ => 0.2 };
    private static double Summer(DateOnly d) => d.Month is >= 5 and <= 9 ? 1.3 : 0.7;
    private static string? Christmas(DateOnly d) => (d.Month == 12 && d.Day >= 24) || (d.Month == 1 && d.Day <= 1) ? "Kerstvakantie" : null;
    private static string? SchoolHoliday(DateOnly d) => d.Month is 7 or 8 ? "Zomervakantie" : Christmas(d);
    private static string? GardenWinter(DateOnly d) => d.Month is 12 or 1 && d.Day % 2 == 0 ? "Te koud, de tuin rust" : Christmas(d);

    private static readonly Dictionary<string, (Place[] Places, Plan[] Plans)> ByEnterprise = new()
    {
        ["huiskamer"] = ([new("De Huiskamer", "Klarendalseweg 120, Arnhem", null), new("Caravan op het Sonsbeekplein", "Sonsbeekplein, Arnhem", "caravan")],
        [
            new("KoffieKaffee", "Koffie, thee en een praatje. Iedereen is welkom, ook voor het eerst.", Recurrence.Weekly, DayOfWeek.Tuesday,
                new(10, 0), new(12, 0), 0, true, 22, 0.8, AllYear, 3, AgeBand.Seniors, Christmas),
            new("Taalcafé", "Samen Nederlands oefenen in een gewoon gesprek.", Recurrence.Weekly, DayOfWeek.Thursday,
                new(14, 0), new(16, 0), 0, false, 14, 0.7, AllYear, 2, AgeBand.Adults, Christmas),
            new("Samen eten", "Om de week koken buren voor buren. Kinderen eten gratis mee.", Recurrence.EveryOtherWeek, DayOfWeek.Friday,
                new(17, 30), new(19, 30), 0, false, 25, 0.6, AllYear, 6, AgeBand.Children, Christmas),
            new("Buurtpraat in de caravan", "Met de caravan in de buurt: vertel wat u mist en wat u kunt.", Recurrence.Weekly, DayOfWeek.Saturday,
                new(11, 0), new(13, 0), 1, false, 4, 0.5, Summer, 8, AgeBand.Adults, d => d.Month is >= 5 and <= 9 ? null : "Alleen in de zomer"),
        ]),
        ["groene-spijker"] = ([new("Stadstuin De Groene Spijker", "Spijkerlaan 3, Arnhem", null)],
        [
            new("Moestuin", "Zaaien, wieden, oogsten. Laarzen zijn er.", Recurrence.Weekly, DayOfWeek.Saturday,
                new(10, 0), new(13, 0), 0, false, 16, 0.75, GardenSeason, 4, AgeBand.Adults, GardenWinter),
            new("Tuinochtend", "Rustig werken in de tuin, met koffie om elf uur.", Recurrence.Weekly, DayOfWeek.Wednesday,
                new(9, 30), new(12, 0), 0, false, 9, 0.8, GardenSeason, 1, AgeBand.Seniors, GardenWinter),
        ]),
        ["jongeren-malburgen"] = ([new("Jongerenhuis Malburgen", "Malburgse Singel 12, Arnhem", null), new("Pleintje Malburgen-Oost", null, "plein")],
        [
            new("Huiswerkbegeleiding", "Hulp bij huiswerk en plannen, na school.", Recurrence.Weekly, DayOfWeek.Monday,
                new(15, 30), new(17, 30), 0, false, 15, 0.75, AllYear, 2, AgeBand.Teens, SchoolHoliday),
            new("Huiswerkbegeleiding woensdag", "Hulp bij huiswerk, woensdagmiddag.", Recurrence.Weekly, DayOfWeek.Wednesday,
                new(14, 0), new(16, 0), 0, false, 10, 0.7, AllYear, 2, AgeBand.Teens, SchoolHoliday),
            new("Sport op het plein", "Voetbal en basketbal op het plein. Gewoon aansluiten.", Recurrence.Weekly, DayOfWeek.Friday,
                new(16, 0), new(18, 0), 1, false, 8, 0.6, Summer, 10, AgeBand.Children, SchoolHoliday),
        ]),
    };

    internal static readonly string[] Stories =
    [
        "Sinds ik hier kom, ken ik mijn buren weer bij naam.",
        "Mijn dochter wilde naar binnen, en nu kom ik zelf elke week.",
        "Ik dacht dat ik niets kon, maar ik help nu met koken.",
        "Hier hoef ik niet uit te leggen waarom het even niet gaat.",
        "We hebben samen de brief van de gemeente gelezen. Nu snap ik het.",
        "Mevrouw kwam voor het eerst; ze had drie maanden niemand gesproken.",
        "Twee buren ontdekten dat ze in hetzelfde dorp zijn opgegroeid.",
        "De kinderen brachten hun moeders mee naar binnen.",
        "Hij repareerde de fiets van de buurjongen en bleef koffie drinken.",
        "Ik kom voor de koffie, maar eigenlijk voor de mensen.",
    ];

    internal static readonly string[] Notes =
    [
        "Rustig begin, na half elf druk.",
        "Nieuwe vrijwilliger meegedraaid.",
        "Koffieapparaat doet het weer.",
        "Veel vragen over de energietoeslag.",
        "Regen: minder mensen dan anders.",
    ];

    public async Task GenerateAsync(Data.Enterprise enterprise, Random rng, int months, CancellationToken cancellationToken)
    {
        if (!ByEnterprise.TryGetValue(enterprise.Slug, out var setup) || months <= 0)
        {
            return;
        }
        tenant.MoveTo(enterprise, [], "demo-generator");
        var now = time.UtcNow();
        var today = time.AmsterdamToday();
        var first = today.AddMonths(-months);

        var places = setup.Places.Select(p => new Location
        {
            Name = p.Name, Address = p.Address, IsPopUp = p.PopUpLabel is not null, Label = p.PopUpLabel, CreatedAt = now,
        }).ToList();
        db.Locations.AddRange(places);
        var volunteer = await db.Memberships.Where(m => m.Role == Infrastructure.Auth.Roles.Volunteer).Select(m => (Guid?)m.UserId).FirstOrDefaultAsync(cancellationToken);
        var coordinatorName = await db.Memberships.Where(m => m.Role == Infrastructure.Auth.Roles.Coordinator).Select(m => m.User!.DisplayName).FirstAsync(cancellationToken);
        var volunteerName = volunteer is null ? null : await db.Users.Where(u => u.Id == volunteer).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var people = await db.People.Where(p => p.ArchivedAt == null).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.CreatedAt }).ToListAsync(cancellationToken);

        foreach (var plan in setup.Plans)
        {
            var activity = new Activity
            {
                Name = plan.Name, Description = plan.Description, LocationId = places[plan.Place].Id, Recurrence = plan.Recurrence,
                Day = plan.Day, StartTime = plan.Start, EndTime = plan.End, FirstDate = first,
                HostUserId = plan.HostedByVolunteer ? volunteer : null, CreatedAt = now, UpdatedAt = now,
            };
            db.Activities.Add(activity);
            await planner.PlanAsync(activity, cancellationToken);
            // Regulars are people who were already around when the activity began; newcomers drop in now and then.
            var early = Clock.FromAmsterdam(first.AddDays(60), TimeOnly.MinValue);
            var regulars = people.OrderBy(p => p.CreatedAt <= early ? 0 : 1).ThenBy(_ => rng.Next()).Take(plan.Regulars).ToList();
            var sessions = db.ChangeTracker.Entries<Session>().Select(e => e.Entity)
                .Where(s => s.ActivityId == activity.Id).OrderBy(s => s.StartsAt).ToList();
            var host = plan.HostedByVolunteer && volunteerName is not null ? volunteerName : coordinatorName;
            var checkIns = 0;
            foreach (var session in sessions.Where(s => s.EndsAt < now))
            {
                var reason = plan.Closed(session.OccurrenceDate) ?? (rng.NextDouble() < 0.02 ? "Geen vrijwilliger beschikbaar" : null);
                if (reason is not null)
                {
                    session.CancelledAt = session.StartsAt.AddDays(-rng.Next(1, 10));
                    session.CancelReason = reason;
                    continue;
                }
                var season = plan.Season(session.OccurrenceDate);
                var comers = regulars.Where(p => p.CreatedAt <= session.StartsAt && rng.NextDouble() < Math.Min(0.95, plan.Attendance * season))
                    
                    .Concat(Enumerable.Range(0, people.Count == 0 ? 0 : rng.Next(0, 3)).Select(_ => people[rng.Next(people.Count)]).Where(p => p.CreatedAt <= session.StartsAt))
                    .DistinctBy(p => p.Id).ToList();
                foreach (var p in comers)
                {
                    db.CheckIns.Add(new CheckIn { SessionId = session.Id, PersonId = p.Id, At = session.StartsAt.AddMinutes(rng.Next(0, 60)), ByName = host });
                }
                checkIns += comers.Count;
                var walkIns = (int)Math.Round(rng.Next(0, plan.WalkIns + 1) * season);
                if (walkIns > 0)
                {
                    var count = new HeadCount { SessionId = session.Id, At = session.EndsAt.AddMinutes(-10), ByName = host };
                    Add(count, plan.WalkInBand, walkIns);
                    if (rng.NextDouble() < 0.4)
                    {
                        Add(count, plan.WalkInBand == AgeBand.Children ? AgeBand.Adults : AgeBand.Children, rng.Next(1, 4));
                    }
                    db.HeadCounts.Add(count);
                }
                if (comers.Count > 0 && rng.NextDouble() < 0.06)
                {
                    var teller = comers[rng.Next(comers.Count)];
                    db.LogEntries.Add(new LogEntry
                    {
                        SessionId = session.Id, Kind = LogEntryKind.Story, Text = Stories[rng.Next(Stories.Length)], PersonId = teller.Id,
                        ConsentToReport = rng.NextDouble() < 0.7, At = session.EndsAt.AddMinutes(-5), ByName = host,
                    });
                }
                if (rng.NextDouble() < 0.08)
                {
                    db.LogEntries.Add(new LogEntry
                    {
                        SessionId = session.Id, Kind = LogEntryKind.Note, Text = Notes[rng.Next(Notes.Length)], At = session.EndsAt, ByName = host,
                    });
                }
                // Older logbooks were closed the next morning; the last days are still open, as in real life.
                if (session.OccurrenceDate < today.AddDays(-2))
                {
                    session.ClosedAt = session.EndsAt.AddHours(16);
                    session.ClosedByName = host;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            log.LogInformation("Demo: {Enterprise}: {Activity}: {Sessions} sessions, {CheckIns} check-ins", enterprise.Name, plan.Name, sessions.Count, checkIns);
        }
        if (volunteer is not null && setup.Plans.Any(p => p.HostedByVolunteer))
        {
            await AddOpenDayAsync(places[0], volunteer.Value, today, now, cancellationToken);
        }
    }

    /// <summary>On a later start of a kept demo: when the enterprise's volunteer hosts no session today, an open day for
    /// today, so the walk-through in the README works on any day. Nothing when they already host one.</summary>
    public async Task KeepTodayOpenAsync(Data.Enterprise enterprise, CancellationToken cancellationToken)
    {
        if (!ByEnterprise.TryGetValue(enterprise.Slug, out var setup) || !setup.Plans.Any(p => p.HostedByVolunteer))
        {
            return;
        }
        tenant.MoveTo(enterprise, [], "demo-generator");
        var volunteer = await db.Memberships.Where(m => m.Role == Infrastructure.Auth.Roles.Volunteer).Select(m => (Guid?)m.UserId).FirstOrDefaultAsync(cancellationToken);
        var place = await db.Locations.FirstOrDefaultAsync(l => l.Name == setup.Places[0].Name, cancellationToken);
        if (volunteer is null || place is null)
        {
            return;
        }
        var today = time.AmsterdamToday();
        if (await db.Sessions.AnyAsync(s => s.OccurrenceDate == today && s.Activity!.HostUserId == volunteer, cancellationToken))
        {
            return;
        }
        await AddOpenDayAsync(place, volunteer.Value, today, time.UtcNow(), cancellationToken);
    }

    /// <summary>Whatever day and hour the demo starts on, the volunteer has a logbook open today (07:00–23:00; the logbook
    /// opens an hour before): a one-off open day that
    /// they host (their weekly activity gives them a coming session too).</summary>
    private async Task AddOpenDayAsync(Location place, Guid volunteer, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Name = "Open inloop", Description = "De deur staat open: binnenlopen voor koffie en een praatje.", LocationId = place.Id,
            Recurrence = Recurrence.Once, StartTime = new(7, 0), EndTime = new(23, 0), FirstDate = today, LastDate = today,
            PlannedUntil = today, HostUserId = volunteer, IsPublic = false, CreatedAt = now, UpdatedAt = now,
        };
        db.Activities.Add(activity);
        db.Sessions.Add(new Session
        {
            ActivityId = activity.Id, OccurrenceDate = today, StartsAt = Clock.FromAmsterdam(today, activity.StartTime),
            EndsAt = Clock.FromAmsterdam(today, activity.EndTime), LocationId = place.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static void Add(HeadCount count, AgeBand band, int n)
    {
        n = Math.Min(n, HeadCount.MaxPerBand);
        switch (band)
        {
            case AgeBand.Children: count.Children += n; break;
            case AgeBand.Teens: count.Teens += n; break;
            case AgeBand.Adults: count.Adults += n; break;
            default: count.Seniors += n; break;
        }
    }
}
