using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Partners;

/// <summary>The enterprise's agreements with funders (docs/decisions/0029), the running ones first.</summary>
public sealed class AgreementsModel(WijkbasisDb db) : PageModel
{
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = (await db.FundingAgreements.AsNoTracking()
            .Select(a => new Row(a.Id, a.Title, db.Organisations.Where(o => o.Id == a.FunderId).Select(o => o.Name).FirstOrDefault() ?? "",
                a.Kind, a.StartsOn, a.EndsOn,
                db.AgreementReportDates.Where(r => r.AgreementId == a.Id && r.SubmittedOn == null).Min(r => (DateOnly?)r.DueOn)))
            .ToListAsync(cancellationToken))
            .OrderBy(a => a.EndsOn is null ? 0 : 1).ThenByDescending(a => a.EndsOn).ThenBy(a => a.Title, StringComparer.CurrentCulture).ToList();
    }

    public sealed record Row(Guid Id, string Title, string Funder, AgreementKind Kind, DateOnly StartsOn, DateOnly? EndsOn, DateOnly? NextReport);
}
