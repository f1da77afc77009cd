using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>The hours form, shared by logging and correcting: date, time as typed, role, optional session, note.</summary>
public sealed class HoursInput
{
    public Guid? PersonId { get; set; }
    public DateOnly? WorkedOn { get; set; }
    public string? Duration { get; set; }
    public Guid? RoleId { get; set; }
    public Guid? SessionId { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public sealed record Checked(int Minutes, DateOnly WorkedOn, Guid RoleId, Guid? SessionId, string? Note);

    /// <summary>The checked values, or every field that is wrong with its message, all at once (a form shows them
    /// together). <paramref name="correcting"/>: the entry being corrected (its own minutes do not count against the
    /// day). <paramref name="personId"/> null: the person is not known yet (refused elsewhere); the rest is still checked.</summary>
    public async Task<(Checked? Value, List<(string Field, Refusal Problem)> Problems)> CheckAsync(WijkbasisDb db, Guid? personId, Guid? correcting,
        DateOnly today, CancellationToken cancellationToken)
    {
        var problems = new List<(string Field, Refusal Problem)>();
        var (minutes, durationProblem) = VolunteerRules.ParseDuration(Duration);
        if (durationProblem is not null)
        {
            problems.Add((nameof(Duration), durationProblem));
        }
        var role = RoleId is null ? null : await db.VolunteerRoles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == RoleId, cancellationToken);
        if (role is null)
        {
            problems.Add((nameof(RoleId), new Refusal("Kies een rol uit de lijst.")));
        }
        else if (role.IsArchived && !await db.VolunteerHours.AnyAsync(h => h.Id == correcting && h.RoleId == role.Id, cancellationToken))
        {
            problems.Add((nameof(RoleId), new Refusal("Deze rol wordt niet meer gebruikt. Kies een andere rol.")));
        }
        var dateChecked = false;
        if (SessionId is { } sessionId)
        {
            // The tenant filter hides another enterprise's sessions: to this form they do not exist.
            var startsAt = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (DateTime?)s.StartsAt).SingleOrDefaultAsync(cancellationToken);
            if (startsAt is null)
            {
                problems.Add((nameof(SessionId), new Refusal("Deze sessie bestaat niet. Kies een sessie uit de lijst, of geen.")));
            }
            else if (DateOnly.FromDateTime(startsAt.Value.ToAmsterdam()) is var day && WorkedOn is { } worked && worked != day)
            {
                problems.Add((nameof(WorkedOn), new Refusal("De sessie was op {0}. Kies die datum, of geen sessie.", day.ToString("d-M-yyyy", CultureInfo.InvariantCulture))));
                dateChecked = true;
            }
        }
        if (!dateChecked)
        {
            var other = WorkedOn is { } date && personId is { } person
                ? await db.VolunteerHours.Where(h => h.PersonId == person && h.WorkedOn == date && h.Id != correcting).SumAsync(h => h.Minutes, cancellationToken)
                : 0;
            if (VolunteerRules.CheckHours(WorkedOn, minutes ?? 0, today, other) is { } problem)
            {
                problems.Add((nameof(WorkedOn), problem));
            }
        }
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (note is { Length: > VolunteerHours.NoteMax })
        {
            problems.Add((nameof(Note), new Refusal("De notitie mag hoogstens {0} tekens lang zijn.", VolunteerHours.NoteMax)));
        }
        return problems.Count > 0 ? (null, problems) : (new Checked(minutes!.Value, WorkedOn!.Value, role!.Id, SessionId, note), problems);
    }

    /// <summary>Sessions of the past month that have started, to pick from (newest first).</summary>
    public static async Task<List<VolunteerArea.Option>> RecentSessionsAsync(WijkbasisDb db, DateTime now, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.StartsAt <= now && s.StartsAt > now.AddDays(-31) && s.CancelledAt == null)
            .OrderByDescending(s => s.StartsAt).Take(60)
            .Select(s => new { s.Id, s.StartsAt, s.Activity!.Name }).ToListAsync(cancellationToken);
        return sessions.Select(s => new VolunteerArea.Option(s.Id, $"{s.StartsAt.Display()} · {s.Name}")).ToList();
    }
}

/// <summary>What the shared hours fields (_HoursFields.cshtml) show: the people list only for a coordinator.</summary>
public sealed record HoursFields(HoursInput Input, List<VolunteerArea.Option>? People, List<VolunteerArea.Option> Roles, List<VolunteerArea.Option> Sessions);
