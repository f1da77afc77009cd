using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Import;

/// <summary>Spreadsheet import (docs/decisions/0030): people, activities with sessions and past attendance from CSV or
/// XLSX, through a column mapping and a dry run, committed in the background as one transaction. Coordinators only: an
/// import writes the register in bulk.</summary>
public sealed class ImportArea : Area
{
    public const string ImportData = "ImportData";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImportPlanner>();
        builder.Services.AddScoped<ImportCommitter>();
        builder.Services.AddSingleton<ImportQueue>();
        builder.Services.AddHostedService<ImportWork>();
    }

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(ImportData, Roles.Coordinator)];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Import", ImportData);
        pages.AddFolderApplicationModelConvention("/Import", m => m.Filters.Add(new AuditNotFoundRecords("ImportJob")));
    }

    public override IEnumerable<MenuEntry> Menu => [new("Importeren", "/Import/Index", ImportData, 195)];
}
