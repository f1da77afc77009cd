using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

public sealed class CreateModel(WijkbasisDb db, TimeProvider time, SessionPlanner planner) : PageModel, IActivityForm
{
    [BindProperty(Name = nameof(Input))] public ActivityInput Input { get; set; } = new();
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }
    public ActivityChoices Choices { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormKey = FormOnce.NewKey();
        Input.FirstDate = time.AmsterdamToday();
        Choices = await ActivityChoices.LoadAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
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
        FormOnce.Record(db, time, FormKey, Url.Page("/Activities/Details", new { id = activity.Id }));
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        TempData.Say("{0} is toegevoegd.", activity.Name);
        return RedirectToPage("/Activities/Details", new { id = activity.Id });
    }
}
