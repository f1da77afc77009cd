using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Surveys;

/// <summary>Surveys and measurement instruments (docs/decisions/0031): the De Jong Gierveld loneliness scale, the
/// participatieladder and the enterprise's own surveys, filled in with a worker beside a resident or anonymously through a
/// single-use link; results only at group level.</summary>
public sealed class SurveysArea : Area
{
    /// <summary>Filling in an instrument with a resident: whoever may open the resident's file (coordinator, wijkverbinder).</summary>
    public const string SurveysTake = "SurveysTake";
    /// <summary>The group results ("Metingen"), the enterprise's own surveys and the anonymous links: the coordinator.</summary>
    public const string SurveysResults = "SurveysResults";

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(SurveysTake, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(SurveysResults, Roles.Coordinator),
    ];

    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<SurveyResults>();

    public override void ConfigurePages(PageConventionCollection pages)
    {
        // Page by page, not the folder: a folder policy would add to the page's own (a wijkverbinder could not take a scale).
        foreach (var page in new[] { "/Surveys/Index", "/Surveys/Edit", "/Surveys/Links" })
        {
            pages.AuthorizePage(page, SurveysResults);
        }
        pages.AddFolderApplicationModelConvention("/Surveys", m => m.Filters.Add(new AuditNotFoundRecords(
            m.ViewEnginePath == "/Surveys/Take" ? "Person" : nameof(Survey))));
        pages.AuthorizePage("/Surveys/Take", SurveysTake);
        AddLinkableRoute(pages, "/Surveys/Edit", "{enterprise}/metingen/vragenlijsten/nieuw");
        // A resident answers through a printed single-use link: no login (the token is the key, docs/decisions/0031).
        pages.AllowAnonymousToPage("/Surveys/Answer");
    }

    public override IEnumerable<MenuEntry> Menu => [new("Metingen", "/Surveys/Index", SurveysResults, 128)];
}
