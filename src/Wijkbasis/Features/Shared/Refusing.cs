using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Features.Shared;

/// <summary>The one way a page refuses a post: nothing of it is saved (the change tracker is cleared), the message
/// goes into model state as a translatable text, the page is loaded again with what the user typed, and the answer
/// is always 400 Bad Request — for a field that is missing as for a rule that says no.</summary>
public static class Refusing
{
    public const int Status = StatusCodes.Status400BadRequest;

    /// <summary>Adds a refusal to model state under <paramref name="key"/> ("" for the whole form, "Input.Amount" for a field).</summary>
    public static void AddRefusal(this ModelStateDictionary modelState, string key, Refusal refusal) =>
        modelState.AddModelError(key, refusal.Encode());

    /// <summary>Refuses the post: forgets what was changed, adds <paramref name="refusal"/> (if any; model state may
    /// already hold the errors), reloads the page's data and answers 400 with the page.</summary>
    public static async Task<IActionResult> RefuseAsync(this PageModel page, DbContext db, Func<Task> reload,
        Refusal? refusal = null, string key = "")
    {
        db.ChangeTracker.Clear();
        if (refusal is not null)
        {
            page.ModelState.AddRefusal(key, refusal);
        }
        await reload();
        page.Response.StatusCode = Status;
        return page.Page();
    }

    /// <summary>Refuses without reloading (a page whose data is already in place).</summary>
    public static IActionResult Refuse(this PageModel page, Refusal? refusal = null, string key = "")
    {
        if (refusal is not null)
        {
            page.ModelState.AddRefusal(key, refusal);
        }
        page.Response.StatusCode = Status;
        return page.Page();
    }
}
