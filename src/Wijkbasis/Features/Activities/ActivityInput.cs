using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

/// <summary>What a coordinator fills in for an activity; shared by Create and Edit.</summary>
public sealed class ActivityInput : IValidatableObject
{
    [Required(ErrorMessage = "Vul een naam in.")]
    [StringLength(Activity.NameMax, ErrorMessage = "De naam mag maximaal {1} tekens lang zijn.")]
    public string Name { get; set; } = "";

    [StringLength(Activity.DescriptionMax, ErrorMessage = "De beschrijving mag maximaal {1} tekens lang zijn.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Kies een locatie.")]
    public Guid? LocationId { get; set; }

    public Recurrence Recurrence { get; set; } = Recurrence.Weekly;

    public DayOfWeek? Day { get; set; }

    [Required(ErrorMessage = "Vul de begintijd in.")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "Vul de eindtijd in.")]
    public TimeOnly? EndTime { get; set; }

    [Required(ErrorMessage = "Vul de eerste datum in.")]
    public DateOnly? FirstDate { get; set; }

    public DateOnly? LastDate { get; set; }

    public Guid? HostUserId { get; set; }

    public bool IsPublic { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Recurrence != Recurrence.Once && Day is null)
        {
            yield return new ValidationResult("Kies bij een activiteit die terugkomt op welke dag.", [nameof(Day)]);
        }
        if (StartTime is { } start && EndTime is { } end && end <= start)
        {
            yield return new ValidationResult("De eindtijd moet na de begintijd liggen.", [nameof(EndTime)]);
        }
        if (FirstDate is { } first && LastDate is { } last && last < first)
        {
            yield return new ValidationResult("De laatste datum moet op of na de eerste datum liggen.", [nameof(LastDate)]);
        }
        if (LastDate is { } l && FirstDate is { } fd && l > fd.AddYears(10))
        {
            yield return new ValidationResult("De laatste datum ligt te ver vooruit (meer dan tien jaar).", [nameof(LastDate)]);
        }
    }

    /// <summary>How far back a coordinator may enter an activity's history (back-filling, docs/decisions/0014).</summary>
    public const int YearsBack = 10;

    /// <summary>A new first date may lie at most <see cref="YearsBack"/> years back (to enter the history of past years;
    /// its past sessions are planned, and their logbooks can be filled in) and two years ahead. An activity that has
    /// run for longer keeps its old first date when edited.</summary>
    public Refusal? CheckFirstDate(TimeProvider time, DateOnly? current = null)
    {
        if (FirstDate is not { } first || first == current)
        {
            return null;
        }
        var today = time.AmsterdamToday();
        return first < today.AddYears(-YearsBack) ? new Refusal("De eerste datum mag hoogstens {0} jaar geleden zijn, niet eerder dan {1}.", YearsBack, today.AddYears(-YearsBack).ToString("d-M-yyyy"))
            : first > today.AddYears(2) ? new Refusal("De eerste datum ligt te ver vooruit (meer dan twee jaar).")
            : null;
    }

    /// <summary>Checks what needs the database: the location and the host belong to this enterprise.</summary>
    public async Task<IEnumerable<(string Field, string Message)>> CheckAsync(WijkbasisDb db, CancellationToken cancellationToken)
    {
        var problems = new List<(string, string)>();
        if (LocationId is { } id && !await db.Locations.AnyAsync(l => l.Id == id && l.ArchivedAt == null, cancellationToken))
        {
            problems.Add((nameof(LocationId), "Kies een locatie uit de lijst."));
        }
        if (HostUserId is { } host && !await db.Memberships.AnyAsync(m => m.UserId == host && HostRoles.Contains(m.Role), cancellationToken))
        {
            problems.Add((nameof(HostUserId), "Kies een gastvrouw of gastheer uit de lijst."));
        }
        return problems;
    }

    /// <summary>Roles that may keep a logbook (the Logbook policy); only they can host.</summary>
    public static readonly string[] HostRoles = [Roles.Coordinator, Roles.Wijkverbinder, Roles.Volunteer];

    public static ActivityInput From(Activity a) => new()
    {
        Name = a.Name, Description = a.Description, LocationId = a.LocationId, Recurrence = a.Recurrence, Day = a.Day,
        StartTime = a.StartTime, EndTime = a.EndTime, FirstDate = a.FirstDate, LastDate = a.LastDate,
        HostUserId = a.HostUserId, IsPublic = a.IsPublic,
    };

    public void ApplyTo(Activity a)
    {
        a.Name = Name.Trim();
        a.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        a.LocationId = LocationId!.Value;
        a.Recurrence = Recurrence;
        a.Day = Recurrence == Recurrence.Once ? null : Day;
        a.StartTime = StartTime!.Value;
        a.EndTime = EndTime!.Value;
        a.FirstDate = FirstDate!.Value;
        a.LastDate = Recurrence == Recurrence.Once ? null : LastDate;
        a.HostUserId = HostUserId;
        a.IsPublic = IsPublic;
    }
}

/// <summary>A page with the activity form (_ActivityFields): Create and Edit.</summary>
public interface IActivityForm
{
    ActivityInput Input { get; }
    ActivityChoices Choices { get; }
}

/// <summary>Choices for the activity form: this enterprise's locations and members.</summary>
public sealed record ActivityChoices(List<(Guid Id, string Name)> Locations, List<(Guid Id, string Name)> Hosts)
{
    public static async Task<ActivityChoices> LoadAsync(WijkbasisDb db, CancellationToken cancellationToken)
    {
        var locations = await db.Locations.Where(l => l.ArchivedAt == null).OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name, l.IsPopUp, l.Label }).ToListAsync(cancellationToken);
        var hosts = await db.Memberships.Where(m => ActivityInput.HostRoles.Contains(m.Role))
            .Select(m => new { m.UserId, m.User!.DisplayName }).Distinct().ToListAsync(cancellationToken);
        return new(
            locations.Select(l => (l.Id, Location.DisplayOf(l.Name, l.IsPopUp, l.Label))).ToList(),
            hosts.OrderBy(h => h.DisplayName, StringComparer.CurrentCulture).Select(h => (h.UserId, h.DisplayName)).ToList());
    }
}

public static class ActivityLabels
{
    public static string Rule(Activity a) => a.Recurrence switch
    {
        Recurrence.Once => "eenmalig",
        Recurrence.Weekly => "elke week op {0}",
        Recurrence.EveryOtherWeek => "om de week op {0}",
        _ => "",
    };

    public static string DayName(DayOfWeek? day) => day switch
    {
        DayOfWeek.Monday => "maandag",
        DayOfWeek.Tuesday => "dinsdag",
        DayOfWeek.Wednesday => "woensdag",
        DayOfWeek.Thursday => "donderdag",
        DayOfWeek.Friday => "vrijdag",
        DayOfWeek.Saturday => "zaterdag",
        DayOfWeek.Sunday => "zondag",
        _ => "",
    };

    public static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
