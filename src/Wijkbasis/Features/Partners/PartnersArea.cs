using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Partners;

/// <summary>Partners and warm referrals (docs/decisions/0026): the organisations the enterprise works with, their contact
/// persons and werkafspraken, and residents referred to them.</summary>
public sealed class PartnersArea : Area
{
    /// <summary>Organisations and their contacts: volunteers may look up whom to call.</summary>
    public const string PartnersView = "PartnersView";
    public const string PartnersEdit = "PartnersEdit";
    /// <summary>A resident's referrals are part of their file: not for volunteers.</summary>
    public const string Referrals = "Referrals";
    /// <summary>Agreements with funders, their money, reporting dates and targets (docs/decisions/0029): read and kept by
    /// those who manage the partners (coordinator, wijkverbinder); not for volunteers.</summary>
    public const string Agreements = "Agreements";
    /// <summary>Reporting dates due on Vandaag: the coordinator answers to the funder.</summary>
    public const string AgreementReminders = "AgreementReminders";

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(PartnersView, Roles.Coordinator, Roles.Wijkverbinder, Roles.Volunteer),
        AreaPolicy.ForRoles(PartnersEdit, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(Referrals, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(Agreements, Roles.Coordinator, Roles.Wijkverbinder),
        AreaPolicy.ForRoles(AgreementReminders, Roles.Coordinator),
    ];

    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<TargetActuals>();

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Partners", PartnersView);
        pages.AddFolderApplicationModelConvention("/Partners", m => m.Filters.Add(new AuditNotFoundRecords(
            m.ViewEnginePath.StartsWith("/Partners/Agreement", StringComparison.Ordinal) ? nameof(FundingAgreement) : nameof(Organisation))));
        pages.AuthorizePage("/Partners/Edit", PartnersEdit);
        AddLinkableRoute(pages, "/Partners/Edit", "{enterprise}/partners/nieuw");
        pages.AuthorizePage("/Partners/Referrals", Referrals);
        pages.AuthorizePage("/Partners/Agreements", Agreements);
        pages.AuthorizePage("/Partners/Agreement", Agreements);
        pages.AuthorizePage("/Partners/AgreementEdit", Agreements);
        AddLinkableRoute(pages, "/Partners/AgreementEdit", "{enterprise}/partners/afspraken/nieuw");
    }

    public override IEnumerable<MenuEntry> Menu => [new("Partners", "/Partners/Index", PartnersView, 125)];
}
