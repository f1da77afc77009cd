using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Buddies;

/// <summary>Adds a buddy (a user with the Buddy role gets a profile) or changes one; archiving keeps the history.</summary>
public sealed class EditModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(Name = nameof(Input))] public BuddyInput Input { get; set; } = new();
    public Buddy? Existing { get; private set; }
    public List<(Guid Id, string Name)> FreeUsers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (await db.Buddies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } buddy)
            {
                return NotFound();
            }
            Existing = buddy;
            Input = BuddyInput.From(buddy);
        }
        FreeUsers = await BuddyInput.FreeBuddyUsersAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Buddy? buddy = null;
        if (id is not null && (buddy = await db.Buddies.SingleOrDefaultAsync(b => b.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }
        Existing = buddy;
        foreach (var (field, refusal) in Input.Check(time.AmsterdamToday()))
        {
            ModelState.AddRefusal($"{nameof(Input)}.{field}", refusal);
        }
        FreeUsers = await BuddyInput.FreeBuddyUsersAsync(db, cancellationToken);
        if (buddy is null && !FreeUsers.Any(u => u.Id == Input.UserId))
        {
            ModelState.AddRefusal(UserIdKey, new("Kies een gebruiker met de rol Buddy. Nodig iemand eerst uit bij Gebruikers."));
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        if (buddy is null)
        {
            buddy = new Buddy { Name = "", UserId = Input.UserId!.Value, CreatedAt = time.UtcNow() };
            db.Buddies.Add(buddy);
        }
        Input.ApplyTo(buddy);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return this.Refuse(new("Deze gebruiker is al buddy."), UserIdKey);
        }
        TempData.Say("{0} is opgeslagen.", buddy.Name);
        return RedirectToPage("/Buddies/Index");
    }

    private const string UserIdKey = $"{nameof(Input)}.{nameof(BuddyInput.UserId)}";

    public async Task<IActionResult> OnPostArchiveAsync(Guid? id, bool restore, CancellationToken cancellationToken)
    {
        if (id is null || await db.Buddies.SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } buddy)
        {
            return NotFound();
        }
        buddy.ArchivedAt = restore ? null : time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(restore ? "{0} is teruggezet." : "{0} is gearchiveerd. Lopende casussen blijven bij deze buddy tot ze zijn overgedragen.", buddy.Name);
        return RedirectToPage("/Buddies/Index");
    }
}
