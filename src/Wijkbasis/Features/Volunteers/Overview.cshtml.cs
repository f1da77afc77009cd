using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>Hours per person per role for a year or one month of it, with totals; and the same as CSV.</summary>
public sealed class OverviewModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jaar")] public int? YearAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "maand")] public int? MonthAsked { get; set; }

    public sealed record Line(Guid PersonId, string Name, string Role, long Minutes, int Entries);
    public List<Line> Lines { get; private set; } = [];
    public int Year { get; private set; }
    public int? Month { get; private set; }
    public long Total => Lines.Sum(l => l.Minutes);

    public string PeriodName => Month is { } m
        ? new DateOnly(Year, m, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture)
        : Year.ToString(CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var csv = new StringBuilder("naam;rol;uren;minuten;keren\r\n");
        foreach (var l in Lines)
        {
            csv.Append(string.Join(';', Csv.Cell(l.Name), Csv.Cell(l.Role), VolunteerRules.Format(l.Minutes),
                l.Minutes.ToString(CultureInfo.InvariantCulture), l.Entries.ToString(CultureInfo.InvariantCulture))).Append("\r\n");
        }
        var period = Month is { } m ? $"{Year}-{m:00}" : Year.ToString(CultureInfo.InvariantCulture);
        return File(Csv.Bytes(csv), "text/csv; charset=utf-8", $"uren-{period}.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        Year = YearAsked is > 2000 and < 2100 ? YearAsked.Value : today.Year;
        Month = MonthAsked is >= 1 and <= 12 ? MonthAsked : null;
        var from = new DateOnly(Year, Month ?? 1, 1);
        var until = Month is null ? from.AddYears(1) : from.AddMonths(1);
        var grouped = await db.VolunteerHours.AsNoTracking().Where(h => h.WorkedOn >= from && h.WorkedOn < until)
            .GroupBy(h => new { h.PersonId, h.RoleId })
            .Select(g => new { g.Key.PersonId, g.Key.RoleId, Minutes = g.Sum(h => (long)h.Minutes), Entries = g.Count() })
            .ToListAsync(cancellationToken);
        var personIds = grouped.Select(g => g.PersonId).Distinct().ToList();
        var names = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var roles = await db.VolunteerRoles.ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        Lines = grouped.Select(g => new Line(g.PersonId, names.GetValueOrDefault(g.PersonId, "?"), roles.GetValueOrDefault(g.RoleId, "?"), g.Minutes, g.Entries))
            .OrderBy(l => l.Name, StringComparer.CurrentCulture).ThenBy(l => l.PersonId).ThenBy(l => l.Role, StringComparer.CurrentCulture).ToList();
    }
}
