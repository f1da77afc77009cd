using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Partners;

/// <summary>The enterprise's partner organisations: search by name, filter by kind and buurt, a page at a time.</summary>
public sealed class IndexModel(WijkbasisDb db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrganisationKind? Soort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Buurt { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Soort is not null || !string.IsNullOrEmpty(Buurt);
    public List<Row> Rows { get; private set; } = [];
    public List<(string Code, string Name)> Buurten { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var key = Organisation.KeyOf(Q.Length > Organisation.NameMax ? Q[..Organisation.NameMax] : Q);
            query = query.Where(o => o.NameKey.Contains(key));
        }
        if (Soort is { } kind && Enum.IsDefined(kind))
        {
            query = query.Where(o => o.Kind == kind);
        }
        if (!string.IsNullOrEmpty(Buurt))
        {
            query = query.Where(o => o.BuurtCode == Buurt);
        }
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderBy(o => o.NameKey).ThenBy(o => o.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(o => new Row(o.Id, o.Name, o.Kind,
                db.PostcodeAreas.Where(a => a.BuurtCode == o.BuurtCode).Select(a => a.BuurtName).FirstOrDefault(),
                db.OrganisationContacts.Count(c => c.OrganisationId == o.Id)))
            .ToListAsync(cancellationToken);
        Buurten = await Shared.BuurtChoices.OfEnterpriseAsync(db, cancellationToken);
    }

    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, string? BuurtName, int Contacts);
}
