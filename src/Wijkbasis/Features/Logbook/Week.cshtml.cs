using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Logbook;

/// <summary>A calendar-like week of sessions, each a link to its logbook: every session of the enterprise for
/// staff, the sessions they host for a volunteer.</summary>
public sealed class WeekModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    public static readonly DateOnly First = new(2000, 1, 1);
    public static readonly DateOnly Last = new(2100, 12, 31);

    /// <summary>Any day of the week to show; empty: this week.</summary>
    [BindProperty(SupportsGet = true, Name = "datum")]
    [Display(Name = "Datum")]
    public DateOnly? Date { get; set; }

    public DateOnly Monday { get; private set; }
    public DateOnly Today { get; private set; }
    public List<(DateOnly Day, List<Row> Sessions)> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = time.AmsterdamToday();
        var refused = false;
        if (!ModelState.IsValid)
        {
            refused = true;
            Date = null;
        }
        else if (Date is { } d && (d < First || d > Last))
        {
            ModelState.AddRefusal("datum", new Refusal("Kies een datum tussen {0} en {1}.", First.ToString("d-M-yyyy"), Last.ToString("d-M-yyyy")));
            refused = true;
            Date = null;
        }
        var day = Date ?? Today;
        Monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var from = Clock.FromAmsterdam(Monday, TimeOnly.MinValue);
        var to = Clock.FromAmsterdam(Monday.AddDays(7), TimeOnly.MinValue);
        var rows = await TodayModel.Mine(db, tenant).Where(s => s.StartsAt >= from && s.StartsAt < to).OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Activity!.Name, s.StartsAt, s.EndsAt, s.Location!.Name, s.CancelledAt != null, s.ClosedAt != null,
                db.CheckIns.Count(c => c.SessionId == s.Id)))
            .ToListAsync(cancellationToken);
        Days = Enumerable.Range(0, 7).Select(i => Monday.AddDays(i))
            .Select(d => (d, rows.Where(r => DateOnly.FromDateTime(r.StartsAt.ToAmsterdam()) == d).ToList())).ToList();
        if (refused)
        {
            Response.StatusCode = Refusing.Status;
        }
        return Page();
    }

    public sealed record Row(Guid Id, string Activity, DateTime StartsAt, DateTime EndsAt, string Location, bool Cancelled, bool Closed, int CheckIns);
}
