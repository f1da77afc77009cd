using System.Globalization;
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

/// <summary>The live report of a period: figures from the registry beside the period before, trends with their data
/// tables, chosen stories and texts; the fixed versions of the period; PDF, CSV and XLSX of what is shown.</summary>
public sealed class IndexModel(WijkbasisDb db, ReportBuilder builder, TenantContext tenant, TimeProvider time, AuditLog audit) : PageModel
{
    public ImpactPeriod Period { get; private set; }
    public ReportContent? Report { get; private set; }
    /// <summary>When the figures shown were computed (kept figures can be some minutes old).</summary>
    public ReportFigureCache.Served? Figures => builder.LastFigures;
    public List<FixedReport> Versions { get; private set; } = [];
    public int ConsentedStories { get; private set; }
    public PeriodPicker Picker { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string? periode, string? soort, string? jaar, string? kwartaal, string? maand,
        string? van, string? tot, CancellationToken ct)
    {
        if (soort is not null)
        {
            var (picked, problem) = PeriodPicker.Read(soort, jaar, kwartaal, maand, van, tot);
            if (problem is not null)
            {
                Picker = new PeriodPicker { Kind = soort, Year = jaar, Quarter = kwartaal, Month = maand, From = van, To = tot };
                return this.Refuse(problem, "periode");
            }
            return RedirectToPage("/Report/Index", new { periode = picked!.Value.Key });
        }
        var period = await PeriodAsync(periode);
        if (period is null)
        {
            Picker = PeriodPicker.For(Default);
            return this.Refuse(new Refusal("Deze periode kennen we niet: ‘{0}’. Kies een jaar, kwartaal, maand of van–tot.", periode), "periode");
        }
        Period = period.Value;
        Picker = PeriodPicker.For(Period);
        Report = await builder.LiveAsync(Period, await builder.DraftAsync(Period, ct), ct);
        Versions = await db.FixedReports.AsNoTracking().Where(f => f.PeriodKey == Period.Key).OrderByDescending(f => f.Number).ToListAsync(ct);
        ConsentedStories = await builder.ConsentedStories(Period).CountAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string? periode, CancellationToken ct)
    {
        if (await LiveOrNullAsync(periode, ct) is not { } report)
        {
            return NotFound();
        }
        var status = $"Stand van {time.AmsterdamToday().ToString("d MMMM yyyy", ReportFormat.Dutch)}, nog niet vastgesteld";
        return File(ReportPdf.Render(report, tenant.Name, status), "application/pdf", FileName(report, "pdf"));
    }

    public Task<IActionResult> OnGetCsvAsync(string? periode, CancellationToken ct) => ExportAsync(periode, ExportFormat.Csv, ct);

    public Task<IActionResult> OnGetXlsxAsync(string? periode, CancellationToken ct) => ExportAsync(periode, ExportFormat.Xlsx, ct);

    /// <summary>The report's tables through the one export mechanism; figures only, so no purpose is asked, but the
    /// download is audited like every export (docs/decisions/0025).</summary>
    private async Task<IActionResult> ExportAsync(string? periode, ExportFormat format, CancellationToken ct)
    {
        if (await LiveOrNullAsync(periode, ct) is not { } report)
        {
            return NotFound();
        }
        var document = ReportExport.Document(report, tenant.Name, Stem(report));
        await audit.RecordExportAsync("Rapportage", $"periode={report.PeriodKey}", document.RowCount, format.Key(), null, [], ct);
        return Export.File(document, format);
    }

    public static string FileName(ReportContent report, string extension, int? number = null) => $"{Stem(report, number)}.{extension}";

    public static string Stem(ReportContent report, int? number = null) =>
        $"rapportage-{report.PeriodKey.Replace("..", "-tot-", StringComparison.Ordinal)}{(number is { } n ? $"-versie-{n}" : "")}";

    private ImpactPeriod Default => ImpactPeriod.Year(time.AmsterdamToday().Year);

    private Task<ImpactPeriod?> PeriodAsync(string? key) =>
        Task.FromResult(string.IsNullOrWhiteSpace(key) ? Default : ImpactPeriod.Parse(key));

    private async Task<ReportContent?> LiveOrNullAsync(string? periode, CancellationToken ct)
    {
        if (await PeriodAsync(periode) is not { } period)
        {
            return null;
        }
        return await builder.LiveAsync(period, await builder.DraftAsync(period, ct), ct);
    }
}

/// <summary>The period picker's fields as typed (so a refused choice shows again), and how they read.</summary>
public sealed class PeriodPicker
{
    public string Kind { get; init; } = "jaar";
    public string? Year { get; init; }
    public string? Quarter { get; init; }
    public string? Month { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }

    public static PeriodPicker For(ImpactPeriod p) => new()
    {
        Kind = p.Kind switch { PeriodKind.Quarter => "kwartaal", PeriodKind.Month => "maand", PeriodKind.Custom => "vrij", _ => "jaar" },
        Year = p.From.Year.ToString(CultureInfo.InvariantCulture),
        Quarter = ((p.From.Month - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture),
        Month = p.From.Month.ToString(CultureInfo.InvariantCulture),
        From = p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        To = p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads the picker; a choice it cannot read is refused with what is wrong, never guessed.</summary>
    public static (ImpactPeriod? Period, Refusal? Problem) Read(string kind, string? year, string? quarter, string? month, string? from, string? to)
    {
        if (kind is "vrij")
        {
            if (!TryDate(from, out var f))
            {
                return (null, new Refusal("Vul een begindatum in (dag-maand-jaar)."));
            }
            if (!TryDate(to, out var t))
            {
                return (null, new Refusal("Vul een einddatum in (dag-maand-jaar)."));
            }
            var (custom, problem) = ImpactPeriod.Custom(f, t);
            return problem is null ? (custom, null) : (null, problem);
        }
        if (kind is not ("jaar" or "kwartaal" or "maand"))
        {
            return (null, new Refusal("Kies jaar, kwartaal, maand of van–tot."));
        }
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < ImpactPeriod.Earliest.Year || y > 2100)
        {
            return (null, new Refusal("Vul een jaar in tussen {0} en {1}.", ImpactPeriod.Earliest.Year, 2100));
        }
        if (kind == "kwartaal")
        {
            return int.TryParse(quarter, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4
                ? (ImpactPeriod.Quarter(y, q), null)
                : (null, new Refusal("Kies een kwartaal van 1 tot en met 4."));
        }
        if (kind == "maand")
        {
            return int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
                ? (ImpactPeriod.Month(y, m), null)
                : (null, new Refusal("Kies een maand van 1 tot en met 12."));
        }
        return (ImpactPeriod.Year(y), null);
    }

    private static bool TryDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
