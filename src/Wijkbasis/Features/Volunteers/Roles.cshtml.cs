using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>The coordinator's list of volunteer roles: add, rename, VOG required or not, archive (and bring back).
/// An archived role keeps its shifts and hours; it is no longer chosen.</summary>
public sealed class RolesModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(Name = "Name")] public string? Name { get; set; }
    [BindProperty(Name = "RoleId")] public Guid? RoleId { get; set; }
    [BindProperty(Name = "RequiresVog")] public bool RequiresVog { get; set; }

    public sealed record Row(VolunteerRole Role, int Upcoming, long Minutes);
    public List<Row> Rows { get; private set; } = [];
    public Guid? FailedRoleId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (VolunteerRole.Check(Name) is { } problem)
        {
            return await RefuseNameAsync(problem, null, cancellationToken);
        }
        var name = Name!.Trim();
        var key = VolunteerRole.KeyOf(name);
        if (await db.VolunteerRoles.AnyAsync(r => r.Key == key, cancellationToken))
        {
            return await RefuseNameAsync(new Refusal("‘{0}’ staat al op de lijst.", name), null, cancellationToken);
        }
        db.VolunteerRoles.Add(new VolunteerRole { Name = name, Key = key, RequiresVog = RequiresVog, CreatedAt = time.UtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await RefuseNameAsync(new Refusal("‘{0}’ staat al op de lijst.", name), null, cancellationToken);
        }
        TempData.Say("‘{0}’ is toegevoegd.", name);
        return RedirectToPage("/Volunteers/Roles");
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        if (await db.VolunteerRoles.SingleOrDefaultAsync(r => r.Id == RoleId, cancellationToken) is not { } role)
        {
            return NotFound();
        }
        if (VolunteerRole.Check(Name) is { } problem)
        {
            return await RefuseNameAsync(problem, role.Id, cancellationToken);
        }
        var name = Name!.Trim();
        var key = VolunteerRole.KeyOf(name);
        if (await db.VolunteerRoles.AnyAsync(r => r.Key == key && r.Id != role.Id, cancellationToken))
        {
            return await RefuseNameAsync(new Refusal("‘{0}’ staat al op de lijst. Kies een andere naam.", name), role.Id, cancellationToken);
        }
        var old = role.Name;
        (role.Name, role.Key) = (name, key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await RefuseNameAsync(new Refusal("‘{0}’ staat al op de lijst. Kies een andere naam.", name), role.Id, cancellationToken);
        }
        TempData.Say("‘{0}’ heet nu ‘{1}’.", old, name);
        return RedirectToPage("/Volunteers/Roles");
    }

    public async Task<IActionResult> OnPostVogAsync(CancellationToken cancellationToken)
    {
        if (await db.VolunteerRoles.SingleOrDefaultAsync(r => r.Id == RoleId, cancellationToken) is not { } role)
        {
            return NotFound();
        }
        role.RequiresVog = RequiresVog;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(RequiresVog ? "Voor ‘{0}’ is nu een geldige VOG nodig." : "Voor ‘{0}’ is geen VOG meer nodig.", role.Name);
        return RedirectToPage("/Volunteers/Roles");
    }

    public async Task<IActionResult> OnPostArchiveAsync(bool restore, CancellationToken cancellationToken)
    {
        if (await db.VolunteerRoles.SingleOrDefaultAsync(r => r.Id == RoleId, cancellationToken) is not { } role)
        {
            return NotFound();
        }
        role.ArchivedAt = restore ? null : role.ArchivedAt ?? time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(restore ? "‘{0}’ is weer in gebruik." : "‘{0}’ is gearchiveerd. Diensten en uren blijven bewaard.", role.Name);
        return RedirectToPage("/Volunteers/Roles");
    }

    /// <summary>Refuses the name typed for a new role (<paramref name="roleId"/> null) or for this role.</summary>
    private Task<IActionResult> RefuseNameAsync(Refusal refusal, Guid? roleId, CancellationToken cancellationToken)
    {
        FailedRoleId = roleId;
        return this.RefuseAsync(db, () => LoadAsync(cancellationToken), refusal, nameof(Name));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        Rows = await db.VolunteerRoles.AsNoTracking()
            .OrderBy(r => r.ArchivedAt != null).ThenBy(r => r.Key)
            .Select(r => new Row(r,
                db.ShiftSignups.Count(s => s.RoleId == r.Id && db.Sessions.Any(x => x.Id == s.SessionId && x.StartsAt > now)),
                db.VolunteerHours.Where(h => h.RoleId == r.Id).Sum(h => (long)h.Minutes)))
            .ToListAsync(cancellationToken);
    }
}
