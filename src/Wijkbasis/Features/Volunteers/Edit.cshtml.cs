using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>One volunteer: VOG dates, the login they use (a user with the Volunteer role here), stopping and coming back;
/// with their coming shifts and latest hours.</summary>
public sealed class EditModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        public DateOnly? VogIssuedOn { get; set; }
        public DateOnly? VogExpiresOn { get; set; }
        public Guid? UserId { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = nameof(Input))] public InputModel Input { get; set; } = new();

    public Volunteer Volunteer { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public List<VolunteerArea.Option> Logins { get; private set; } = [];
    public sealed record ShiftRow(DateTime StartsAt, string Activity, string Role);
    public List<ShiftRow> Shifts { get; private set; } = [];
    public sealed record HoursRow(Guid Id, DateOnly WorkedOn, string Role, int Minutes);
    public List<HoursRow> Hours { get; private set; } = [];
    public VogState Vog { get; private set; }

    private static readonly Refusal Changed = new("Iemand anders heeft deze vrijwilliger net gewijzigd. Bekijk de gegevens opnieuw.");
    private const string VogKey = $"{nameof(Input)}.{nameof(InputModel.VogIssuedOn)}";
    private const string UserKey = $"{nameof(Input)}.{nameof(InputModel.UserId)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Input = new InputModel
        {
            VogIssuedOn = Volunteer.VogIssuedOn, VogExpiresOn = Volunteer.VogExpiresOn, UserId = Volunteer.UserId, Version = Volunteer.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Input));
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var today = time.AmsterdamToday();
        foreach (var (field, message) in Volunteers.Vog.CheckDates(Input.VogIssuedOn, Input.VogExpiresOn, today))
        {
            ModelState.AddRefusal($"{nameof(Input)}.{field}", new Refusal(message));
        }
        if (Input.UserId is { } userId && Logins.All(l => l.Id != userId))
        {
            ModelState.AddRefusal(UserKey, new Refusal("Kies een inlog van iemand met de rol vrijwilliger bij deze onderneming."));
        }
        if (Input.Version != Volunteer.Version)
        {
            ModelState.AddRefusal(VogKey, Changed);
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var volunteer = await db.Volunteers.SingleAsync(v => v.Id == Id, cancellationToken);
        volunteer.VogIssuedOn = Input.VogIssuedOn;
        // Only the date of issue: the enterprise's usual term (docs/decisions/0012).
        volunteer.VogExpiresOn = Input.VogExpiresOn ?? Input.VogIssuedOn?.AddYears(Volunteers.Vog.DefaultYears);
        volunteer.UserId = Input.UserId;
        volunteer.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return this.Refuse(Changed, VogKey);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return this.Refuse(new Refusal("Deze inlog hoort al bij een andere vrijwilliger."), UserKey);
        }
        TempData.Say("De gegevens van {0} zijn opgeslagen.", Name);
        return RedirectToPage("/Volunteers/Edit", new { id = Id });
    }

    public async Task<IActionResult> OnPostStopAsync(bool restore, CancellationToken cancellationToken)
    {
        // An erased person's volunteer record stays (archived, for the hours' counts) but is not found.
        if (await db.Volunteers.SingleOrDefaultAsync(v => v.Id == Id && db.People.Any(p => p.Id == v.PersonId), cancellationToken) is not { } volunteer)
        {
            return NotFound();
        }
        volunteer.ArchivedAt = restore ? null : volunteer.ArchivedAt ?? time.UtcNow();
        volunteer.Version++;
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.People.Where(p => p.Id == volunteer.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        TempData.Say(restore ? "{0} doet weer mee als vrijwilliger." : "{0} is gestopt als vrijwilliger. De uren blijven bewaard.", name);
        return RedirectToPage("/Volunteers/Edit", new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == Id, cancellationToken) is not { } volunteer
            || await db.People.Where(p => p.Id == volunteer.PersonId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) is not { } name)
        {
            return false;
        }
        Volunteer = volunteer;
        Name = name;
        Vog = Volunteers.Vog.StateOn(volunteer.VogExpiresOn, time.AmsterdamToday(), VogModel.DefaultDays);
        Logins = await db.Memberships.AsNoTracking().Where(m => m.Role == Roles.Volunteer)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, Name = u.DisplayName + " (" + u.Email + ")" })
            .OrderBy(o => o.Name).Select(o => new VolunteerArea.Option(o.Id, o.Name)).ToListAsync(cancellationToken);
        var now = time.UtcNow();
        Shifts = await db.ShiftSignups.AsNoTracking().Where(s => s.VolunteerId == volunteer.Id)
            .Join(db.Sessions.Where(x => x.StartsAt > now), s => s.SessionId, x => x.Id, (s, x) => new { s.RoleId, x.StartsAt, x.Activity!.Name })
            .Join(db.VolunteerRoles, x => x.RoleId, r => r.Id, (x, r) => new { x.StartsAt, x.Name, Role = r.Name })
            .OrderBy(x => x.StartsAt).Take(10).Select(x => new ShiftRow(x.StartsAt, x.Name, x.Role)).ToListAsync(cancellationToken);
        Hours = await db.VolunteerHours.AsNoTracking().Where(h => h.PersonId == volunteer.PersonId)
            .Join(db.VolunteerRoles, h => h.RoleId, r => r.Id, (h, r) => new { h.Id, h.WorkedOn, r.Name, h.Minutes })
            .OrderByDescending(h => h.WorkedOn).ThenBy(h => h.Id).Take(10).Select(h => new HoursRow(h.Id, h.WorkedOn, h.Name, h.Minutes)).ToListAsync(cancellationToken);
        return true;
    }
}
