using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Report;

/// <summary>A fixed version, shown exactly as frozen, with a notice per figure where the live figure has moved since.
/// Read only: this page has no handler that writes. Its PDF, CSV and XLSX are made from the frozen content.</summary>
public sealed class FixedModel(WijkbasisDb db, ReportBuilder builder, TenantContext tenant, AuditLog audit) : PageModel
{
    public FixedReport Fixed { get; private set; } = null!;
    public ReportContent Report { get; private set; } = null!;
    public Dictionary<string, ReportFigure> Live { get; private set; } = [];
    public FixedReport? Newer { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (ImpactPeriod.Parse(Fixed.PeriodKey) is { } period)
        {
            var live = await builder.LiveAsync(period, null, ct);
            Live = live.Figures.ToDictionary(f => f.Id);
        }
        if (Fixed.SupersededAt is not null)
        {
            Newer = await db.FixedReports.AsNoTracking().Where(f => f.PeriodKey == Fixed.PeriodKey && f.Number > Fixed.Number)
                .OrderByDescending(f => f.Number).FirstOrDefaultAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct)
            ? File(ReportPdf.Render(Report, tenant.Name, Status(Fixed)), "application/pdf", IndexModel.FileName(Report, "pdf", Fixed.Number))
            : NotFound();

    public Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct) => ExportAsync(id, ExportFormat.Csv, ct);

    public Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct) => ExportAsync(id, ExportFormat.Xlsx, ct);

    private async Task<IActionResult> ExportAsync(Guid id, ExportFormat format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var document = ReportExport.Document(Report, tenant.Name, IndexModel.Stem(Report, Fixed.Number));
        await audit.RecordExportAsync("Rapportage", $"vastgesteld={id}", document.RowCount, format.Key(), null, [], ct);
        return Export.File(document, format);
    }

    public static string Status(FixedReport f) =>
        $"Vastgesteld op {f.FixedAt.ToAmsterdam().ToString("d MMMM yyyy HH:mm", ReportFormat.Dutch)} door {f.FixedByName} (versie {f.Number})"
        + (f.SupersededAt is { } s ? $"; vervangen op {s.ToAmsterdam().ToString("d MMMM yyyy", ReportFormat.Dutch)}" : "");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        // The tenant filter: another enterprise's fixed report is not found (404).
        var found = await db.FixedReports.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (found is null)
        {
            return false;
        }
        Fixed = found;
        Report = ReportContent.FromJson(found.Content);
        return true;
    }
}
