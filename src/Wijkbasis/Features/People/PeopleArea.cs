using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.People;

public sealed class PeopleArea : Area
{
    public const string RegisterView = "RegisterView";
    public const string RegisterEdit = "RegisterEdit";
    /// <summary>A person's whole record (contact details, vrager/drager, consent history).</summary>
    public const string PersonFile = "PersonFile";
    /// <summary>Erasing a person on request (AVG art. 17): the coordinator, who answers for the register.</summary>
    public const string PersonErase = "PersonErase";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SubjectAccess>();
        builder.Services.AddScoped<PersonErasure>();
    }

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(RegisterView, Roles.Coordinator, Roles.Wijkverbinder, Roles.Volunteer),
        AreaPolicy.ForRoles(RegisterEdit, Roles.Coordinator, Roles.Wijkverbinder),
        // Data minimisation: volunteers find people in the list (for check-in) but do not open their record; those who may
        // open it all log in with two factors.
        AreaPolicy.ForRoles(PersonFile, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(PersonErase, Roles.Coordinator),
    ];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/People", RegisterView);
        pages.AddFolderApplicationModelConvention("/People", m => m.Filters.Add(new AuditNotFoundRecords("Person")));
        pages.AuthorizePage("/People/Details", PersonFile);
        // A person's visit history is part of their file.
        pages.AuthorizePage("/People/Visits", PersonFile);
        // Subject access shows the whole file (docs/decisions/0023); the special-category parts only as far as the
        // buddy programme's access filter lets this worker open them.
        pages.AuthorizePage("/People/Access", PersonFile);
        pages.AuthorizePage("/People/Erase", PersonErase);
        foreach (var page in new[] { "/People/Create", "/People/Edit", "/People/Archive", "/People/Consent" })
        {
            pages.AuthorizePage(page, RegisterEdit);
        }
    }

    public override IEnumerable<MenuEntry> Menu => [new("Mensen", "/People/Index", RegisterView, 20)];
}
