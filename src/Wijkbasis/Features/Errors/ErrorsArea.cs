using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Wijkbasis.Features.Errors;

public sealed class ErrorsArea : Area
{
    public override void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToFolder("/Errors");
}
