using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.MoneyFlows;

/// <summary>The lines of a year, newest first, searchable by counterparty or description; a line is corrected by
/// reversing it (with a reason), never by changing it.</summary>
public sealed class LinesModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(MoneyLine Line, bool Reversed);

    [BindProperty(Name = "LineId")] public Guid? LineId { get; set; }
    [BindProperty(Name = "Reason")] public string? Reason { get; set; }

    [BindProperty(SupportsGet = true, Name = "jaar")] public int? Jaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "zoek")] public string? Zoek { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public MoneyDirection? Soort { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int Pagina { get; set; } = 1;

    public int Year { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReverseAsync(CancellationToken cancellationToken)
    {
        var line = await db.MoneyLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == LineId, cancellationToken);
        if (line is null)
        {
            return NotFound();
        }
        var reversed = await db.MoneyLines.AnyAsync(l => l.ReversesLineId == line.Id, cancellationToken);
        var (reversal, problem) = MoneyRules.Reverse(line, reversed, Reason, tenant.UserId, tenant.DisplayName, time.UtcNow());
        if (problem is null)
        {
            db.MoneyLines.Add(reversal!);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData.Say("De regel is teruggeboekt.");
                return RedirectToPage(new { jaar = line.BookedOn.Year });
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Two reversals of one line at once: the unique index lets one through.
                problem = new("Deze regel is al teruggeboekt.");
            }
        }
        Jaar = line.BookedOn.Year;
        return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), problem, nameof(Reason));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var thisYear = time.AmsterdamToday().Year;
        Year = Jaar is { } y && y >= MoneyRules.EarliestDate.Year && y <= thisYear ? y : thisYear;
        var first = new DateOnly(Year, 1, 1);
        var next = first.AddYears(1);
        var query = db.MoneyLines.AsNoTracking().Where(l => l.BookedOn >= first && l.BookedOn < next);
        if (Soort is { } direction && Enum.IsDefined(direction))
        {
            query = query.Where(l => l.Direction == direction);
        }
        if (!string.IsNullOrWhiteSpace(Zoek))
        {
            var term = Zoek.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // translated to LOWER(...) LIKE on both databases
            query = query.Where(l => l.Counterparty.ToLower().Contains(term) || (l.Description != null && l.Description.ToLower().Contains(term)));
#pragma warning restore CA1862
        }
        Total = await query.CountAsync(cancellationToken);
        Pagina = Math.Clamp(Pagina, 1, Pages);
        var lines = await query.OrderByDescending(l => l.BookedOn).ThenByDescending(l => l.Id)
            .Skip((Pagina - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = lines.Select(l => l.Id).ToList();
        var reversed = (await db.MoneyLines.Where(l => l.ReversesLineId != null && ids.Contains(l.ReversesLineId.Value))
            .Select(l => l.ReversesLineId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        Rows = lines.Select(l => new Row(l, reversed.Contains(l.Id))).ToList();
    }
}
