using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbasis.Features.Errors;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    // A re-executed POST (e.g. a refused antiforgery token) lands here as a POST.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            400 => ("Het formulier is niet geaccepteerd", "Het formulier was verlopen of niet geldig. Er is niets opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog eens."),
            403 => ("Geen toegang", "U heeft geen rechten voor deze pagina. Denkt u dat dit niet klopt? Vraag het de coördinator van uw onderneming."),
            429 => ("Even wachten", "Er waren te veel pogingen om in te loggen vanaf dit adres. Wacht een minuut en probeer het dan opnieuw."),
            405 => ("Dit kan hier niet", "Deze pagina kan alleen bekeken worden. Er is niets opgeslagen."),
            404 => ("Niet gevonden", "Deze pagina of dit gegeven bestaat niet, of u heeft er geen toegang toe."),
            _ => ("Er ging iets mis", "Er ging iets mis aan onze kant. Er is niets opgeslagen. Probeer het later opnieuw."),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
        {
            Response.StatusCode = code;
        }
    }
}
