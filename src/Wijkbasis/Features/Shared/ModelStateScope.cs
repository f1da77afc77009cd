using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Wijkbasis.Features.Shared;

public static class ModelStateScope
{
    /// <summary>A page with several forms binds and validates all of them on every post (and a form that was
    /// not sent binds without its prefix). Keep only the entries of the form that was sent.</summary>
    public static void KeepOnly(this ModelStateDictionary modelState, string form)
    {
        foreach (var key in modelState.Keys.Where(k => k != form && !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList())
        {
            modelState.Remove(key);
        }
    }
}
