using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

public sealed class CreateModel(WijkbasisDb db, TimeProvider time, SessionPlanner planner) : PageModel, IActivityForm
{
    [BindProperty(Name = nameof(Input))] public ActivityInput Input { get; set; } = new();
    public ActivityChoices Choices { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.FirstDate = time.AmsterdamToday();
        Choices = await ActivityChoices.LoadAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var (field, message) in await Input.CheckAsync(db, cancellationToken))
        {
            ModelState.AddModelError("Input." + field, message);
        }
        if (Input.CheckFirstDate(time) is { } firstDate)
        {
            ModelState.AddRefusal("Input.FirstDate", firstDate);
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, async () => Choices = await ActivityChoices.LoadAsync(db, cancellationToken));
        }
        var activity = new Activity { Name = "" };
        Input.ApplyTo(activity);
        activity.CreatedAt = activity.UpdatedAt = time.UtcNow();
        db.Activities.Add(activity);
        await planner.PlanAsync(activity, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is toegevoegd.", activity.Name);
        return RedirectToPage("/Activities/Details", new { id = activity.Id });
    }
}
