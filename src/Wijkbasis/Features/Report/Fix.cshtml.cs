using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Report;

/// <summary>Fixing ("vaststellen") a period's report: first a summary of what will be frozen, then the figures (now,
/// before, trend, parts), the chosen stories' texts and the three texts are stored as JSON in a new
/// <see cref="FixedReport"/> version; the version before it is marked superseded. Nothing of a fixed report is ever
/// changed after that (the audit records the fixing and the superseding).</summary>
public sealed class FixModel(WijkbasisDb db, ReportBuilder builder, TenantContext tenant, TimeProvider time) : PageModel
{
    public ImpactPeriod Period { get; private set; }
    public ReportContent? Report { get; private set; }
    public FixedReport? Latest { get; private set; }

    /// <summary>The number of the newest version when the form was shown (0: none): a second submit of the same
    /// form finds a newer one and makes no third version.</summary>
    [BindProperty]
    public int Expected { get; set; }

    public async Task<IActionResult> OnGetAsync(string? periode, CancellationToken ct)
    {
        if (ImpactPeriod.Parse(periode) is not { } period)
        {
            return NotFound();
        }
        Period = period;
        await LoadAsync(ct);
        Expected = Latest?.Number ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? periode, CancellationToken ct)
    {
        if (ImpactPeriod.Parse(periode) is not { } period)
        {
            return NotFound();
        }
        Period = period;
        if (Expected < 0)
        {
            // Never shown by the form (0 or a version number): a made-up value is refused, not taken as "someone was first".
            ModelState.AddRefusal(nameof(Expected), new Refusal(FormNotValid));
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(ct));
        }
        // Fixing takes the figures as they are now, never kept ones.
        var content = await builder.LiveAsync(period, await builder.DraftAsync(period, ct), ct, fresh: true);
        FixedReport? made = null;
        try
        {
            made = await db.InTransactionAsync(async () =>
            {
                var current = await db.FixedReports.Where(f => f.PeriodKey == period.Key).OrderByDescending(f => f.Number).FirstOrDefaultAsync(ct);
                if ((current?.Number ?? 0) != Expected)
                {
                    return null;
                }
                var now = time.UtcNow();
                if (current is not null)
                {
                    current.SupersededAt = now;
                    current.SupersededByName = tenant.DisplayName;
                }
                var report = new FixedReport
                {
                    PeriodKey = period.Key, PeriodFrom = period.From, PeriodUntil = period.Until, Number = (current?.Number ?? 0) + 1,
                    FixedAt = now, FixedByUserId = tenant.UserId, FixedByName = tenant.DisplayName, Content = content.ToJson(),
                };
                db.FixedReports.Add(report);
                await db.SaveChangesAsync(ct);
                return report;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
        }
        if (made is null)
        {
            // A double submit, or someone else fixed it meanwhile: show the newest version, make no other.
            var newest = await db.FixedReports.AsNoTracking().Where(f => f.PeriodKey == period.Key).OrderByDescending(f => f.Number).FirstOrDefaultAsync(ct);
            if (newest is null)
            {
                // The form named a version that never was (none is fixed yet): nothing made, the form again.
                return await this.RefuseAsync(db, () => LoadAsync(ct), new Refusal(FormNotValid), nameof(Expected));
            }
            TempData.Say("Deze rapportage was al vastgesteld (versie {0}).", newest.Number);
            return RedirectToPage("/Report/Fixed", new { id = newest.Id });
        }
        TempData.Say("De rapportage is vastgesteld (versie {0}).", made.Number);
        return RedirectToPage("/Report/Fixed", new { id = made.Id });
    }

    private const string FormNotValid = "Het formulier was verlopen of niet geldig. Er is niets opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog eens.";

    private async Task LoadAsync(CancellationToken ct)
    {
        Report = await builder.LiveAsync(Period, await builder.DraftAsync(Period, ct), ct, fresh: true);
        Latest = await db.FixedReports.AsNoTracking().Where(f => f.PeriodKey == Period.Key).OrderByDescending(f => f.Number).FirstOrDefaultAsync(ct);
    }
}
