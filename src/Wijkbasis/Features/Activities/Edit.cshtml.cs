using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

public sealed class EditModel(WijkbasisDb db, TimeProvider time, SessionPlanner planner) : PageModel, IActivityForm
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = nameof(Input))] public ActivityInput Input { get; set; } = new();
    public ActivityChoices Choices { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id && a.ArchivedAt == null, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        Input = ActivityInput.From(activity);
        Choices = await ActivityChoices.LoadAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == Id && a.ArchivedAt == null, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        foreach (var (field, message) in await Input.CheckAsync(db, cancellationToken))
        {
            ModelState.AddModelError("Input." + field, message);
        }
        if (Input.CheckFirstDate(time, activity.FirstDate) is { } firstDate)
        {
            ModelState.AddRefusal("Input.FirstDate", firstDate);
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, async () => Choices = await ActivityChoices.LoadAsync(db, cancellationToken));
        }
        var (name, description, isPublic, oldFirstDate) = (activity.Name, activity.Description, activity.IsPublic, activity.FirstDate);
        Input.ApplyTo(activity);
        activity.UpdatedAt = time.UtcNow();
        if (activity.Name != name || activity.Description != description || activity.IsPublic != isPublic)
        {
            // Calendar apps only take a changed event over when its SEQUENCE goes up.
            await planner.TouchFutureAsync(activity, cancellationToken);
        }
        // Future sessions follow the new rule; past, moved and cancelled sessions stay as they were. A first date moved
        // back adds the sessions before the old one (entering history).
        await planner.PlanAsync(activity, cancellationToken, oldFirstDate);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De wijzigingen in {0} zijn opgeslagen.", activity.Name);
        return RedirectToPage("/Activities/Details", new { id = activity.Id });
    }
}
