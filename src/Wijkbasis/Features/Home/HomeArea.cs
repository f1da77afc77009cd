using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Wijkbasis.Features.Home;

public sealed class HomeArea : Area
{
    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Home/Language");
        pages.AuthorizePage("/Home/Index", Account.AccountArea.SignedIn);
    }
}
