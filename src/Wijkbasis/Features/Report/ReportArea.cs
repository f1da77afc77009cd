using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Report;

/// <summary>The enterprise report ("Rapportage"): live figures of any period from the indicator registry, stories and
/// texts, fixing ("vaststellen"), PDF and CSV/XLSX.</summary>
public sealed class ReportArea : Area
{
    /// <summary>Reading the report and its fixed versions, and downloading them. The coordinator, and the wijkverbinder:
    /// the figures are counts (never a person), the stories are only those told with consent to report, and the
    /// wijkverbinder is the one who talks with the municipality about the buddy programme's part of them.</summary>
    public const string ReportView = "ReportView";
    /// <summary>Writing the texts, choosing stories and fixing: the coordinator, who answers for the report.</summary>
    public const string ReportWrite = "ReportWrite";

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(ReportView, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(ReportWrite, Roles.Coordinator),
    ];

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReportBuilder>();
        builder.Services.AddSingleton<ReportFigureCache>();
    }

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Report", ReportView);
        pages.AuthorizePage("/Report/Edit", ReportWrite);
        pages.AuthorizePage("/Report/Fix", ReportWrite);
        pages.AddFolderApplicationModelConvention("/Report", m => m.Filters.Add(new AuditNotFoundRecords("FixedReport")));
    }

    public override IEnumerable<MenuEntry> Menu => [new("Rapportage", "/Report/Index", ReportView, 155)];
}
