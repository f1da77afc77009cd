using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>Correct or remove one hours entry. A volunteer can only reach their own (anyone else's answers 404, as if it
/// did not exist); a coordinator anyone's.</summary>
public sealed class HoursEntryModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = nameof(Input))] public HoursInput Input { get; set; } = new();

    public VolunteerHours Entry { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public List<VolunteerArea.Option> Roles { get; private set; } = [];
    public List<VolunteerArea.Option> RecentSessions { get; private set; } = [];

    private static readonly Refusal Changed = new("Iemand anders heeft deze uren net gewijzigd. Bekijk ze opnieuw.");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Input = new HoursInput
        {
            WorkedOn = Entry.WorkedOn, Duration = VolunteerRules.Format(Entry.Minutes), RoleId = Entry.RoleId, SessionId = Entry.SessionId,
            Note = Entry.Note, Version = Entry.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Input));
        foreach (var entry in ModelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid;
        }
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var (value, problems) = await Input.CheckAsync(db, Entry.PersonId, Entry.Id, time.AmsterdamToday(), cancellationToken);
        if (problems.Count == 0 && Input.Version != Entry.Version)
        {
            problems.Add((nameof(HoursInput.Duration), Changed));
        }
        if (problems.Count > 0)
        {
            // Every problem at once, each under its field.
            foreach (var (field, problem) in problems)
            {
                ModelState.AddRefusal($"{nameof(Input)}.{field}", problem);
            }
            return this.Refuse();
        }
        var hours = await db.VolunteerHours.SingleAsync(h => h.Id == Id, cancellationToken);
        (hours.WorkedOn, hours.Minutes, hours.RoleId, hours.SessionId, hours.Note) = (value!.WorkedOn, value.Minutes, value.RoleId, value.SessionId, value.Note);
        hours.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return this.Refuse(Changed, $"{nameof(Input)}.{nameof(HoursInput.Duration)}");
        }
        TempData.Say("De uren zijn gewijzigd.");
        return RedirectToPage("/Volunteers/Hours", new { maand = VolunteerArea.MonthKey(hours.WorkedOn) });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var hours = await db.VolunteerHours.SingleAsync(h => h.Id == Id, cancellationToken);
        db.VolunteerHours.Remove(hours);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De uren van {0} zijn verwijderd.", hours.WorkedOn.ToString("d-M-yyyy"));
        return RedirectToPage("/Volunteers/Hours", new { maand = VolunteerArea.MonthKey(hours.WorkedOn) });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var entry = await db.VolunteerHours.AsNoTracking().SingleOrDefaultAsync(h => h.Id == Id, cancellationToken);
        if (entry is null)
        {
            return false;
        }
        if (!VolunteerArea.ActsForAnyone(tenant) && (await VolunteerArea.MineAsync(db, tenant, cancellationToken))?.PersonId != entry.PersonId)
        {
            return false;
        }
        // An erased person's hours stay for the counts, without a name to show: not found.
        if (await db.People.Where(p => p.Id == entry.PersonId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) is not { } name)
        {
            return false;
        }
        Entry = entry;
        Name = name;
        Roles = await VolunteerArea.ActiveRolesAsync(db, cancellationToken);
        if (Roles.All(r => r.Id != entry.RoleId))
        {
            // An archived role stays choosable for the entries that have it.
            Roles.Insert(0, await db.VolunteerRoles.Where(r => r.Id == entry.RoleId).Select(r => new VolunteerArea.Option(r.Id, r.Name)).SingleAsync(cancellationToken));
        }
        RecentSessions = await HoursInput.RecentSessionsAsync(db, time.UtcNow(), cancellationToken);
        if (entry.SessionId is { } sessionId && RecentSessions.All(s => s.Id != sessionId))
        {
            RecentSessions.Insert(0, await db.Sessions.Where(s => s.Id == sessionId).Select(s => new { s.Id, s.StartsAt, s.Activity!.Name })
                .ToListAsync(cancellationToken) is [var s] ? new VolunteerArea.Option(s.Id, $"{s.StartsAt.Display()} · {s.Name}") : new VolunteerArea.Option(sessionId, "?"));
        }
        return true;
    }
}
