using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Talents;

public sealed class TalentsArea : Area
{
    /// <summary>The offers/asks board of talents and needs (first names and buurt only).</summary>
    public const string TalentBoard = "TalentBoard";
    /// <summary>Talent cards, suggestions and guiding matches between neighbours.</summary>
    public const string Matches = "Matches";
    /// <summary>The enterprise's list of talent and need tags.</summary>
    public const string TalentTags = "TalentTags";

    public override void AddServices(WebApplicationBuilder builder) =>
        builder.Services.Configure<TalentOptions>(builder.Configuration.GetSection("Talents"));

    // Volunteers see the board (first name, buurt, what is offered or asked) so they can point people to each other; cards
    // and matches are guided by coordinators and wijkverbinders; the tag list is the coordinator's.
    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(TalentBoard, Roles.Coordinator, Roles.Wijkverbinder, Roles.Volunteer),
        AreaPolicy.ForRoles(Matches, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(TalentTags, Roles.Coordinator),
    ];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizePage("/Talents/Index", TalentBoard);
        pages.AuthorizePage("/Talents/Tags", TalentTags);
        foreach (var page in new[] { "/Talents/Card", "/Talents/Matches", "/Talents/Match" })
        {
            pages.AuthorizePage(page, Matches);
        }
        pages.AddPageApplicationModelConvention("/Talents/Card", m => m.Filters.Add(new AuditNotFoundRecords("TalentCard")));
        pages.AddPageApplicationModelConvention("/Talents/Match", m => m.Filters.Add(new AuditNotFoundRecords("Match")));
    }

    public override IEnumerable<MenuEntry> Menu => [new("Talenten", "/Talents/Index", TalentBoard, 30)];
}
