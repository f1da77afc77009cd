using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Logbook;

/// <summary>A calendar-like week of sessions, each a link to its logbook: every session of the enterprise for
/// staff, the sessions they host for a volunteer.</summary>
public sealed class WeekModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
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

    /// <summary>The week's sessions with their counts, CSV or XLSX (docs/decisions/0025): the same sessions the page
    /// shows (a volunteer's own), counts only, so no purpose is asked.</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => SessionsAsync(ExportFormat.Csv, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) => SessionsAsync(ExportFormat.Xlsx, cancellationToken);

    /// <summary>The week's check-ins by name: people's data, so only staff who may open the register's records, and the
    /// purpose first.</summary>
    public Task<IActionResult> OnGetCheckInsCsvAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        CheckInsAsync(ExportFormat.Csv, doel, anders, cancellationToken);

    public Task<IActionResult> OnGetCheckInsXlsxAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        CheckInsAsync(ExportFormat.Xlsx, doel, anders, cancellationToken);

    public bool MayExportCheckIns => MayExportCheckInsFor(tenant);

    /// <summary>Check-ins by name are people's data: only staff who may open the register's records download them.</summary>
    public static bool MayExportCheckInsFor(TenantContext tenant) => tenant.IsInRole(Roles.Coordinator) || tenant.IsInRole(Roles.Wijkverbinder);

    public ExportButtons SessionDownloads => new("/Logbook/Week", Route, AsksPurpose: false);

    public ExportButtons CheckInDownloads => new("/Logbook/Week", Route, AsksPurpose: true, Choice, Other) { Handler = "CheckIns" };

    private Dictionary<string, string> Route => new() { ["datum"] = Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
    private string? Choice { get; set; }
    private string? Other { get; set; }
    private string Period => $"{Monday:yyyy-MM-dd}..{Monday.AddDays(6):yyyy-MM-dd}";

    private async Task<IActionResult> SessionsAsync(ExportFormat format, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        if (Response.StatusCode == Refusing.Status)
        {
            return Page();
        }
        var document = await LogbookExport.SessionsAsync(db, tenant, localizer, Monday, Monday.AddDays(7), $"sessies-{Monday:yyyy-MM-dd}", cancellationToken);
        await audit.RecordExportAsync("Sessies", $"week={Period}", document.RowCount, format.Key(), null, [], cancellationToken);
        return Export.File(document, format);
    }

    private async Task<IActionResult> CheckInsAsync(ExportFormat format, string? doel, string? anders, CancellationToken cancellationToken)
    {
        if (!MayExportCheckIns)
        {
            return Forbid();
        }
        await OnGetAsync(cancellationToken);
        if (Response.StatusCode == Refusing.Status)
        {
            return Page();
        }
        var (purpose, problem, field) = ExportPurpose.Read(doel, anders);
        if (problem is not null)
        {
            (Choice, Other) = (doel, anders);
            return this.Refuse(problem, field);
        }
        var (document, people) = await LogbookExport.CheckInsAsync(db, tenant, localizer, Monday, Monday.AddDays(7), $"aanmeldingen-{Monday:yyyy-MM-dd}", cancellationToken);
        await audit.RecordExportAsync("Aanmeldingen", $"week={Period}", document.RowCount, format.Key(), purpose, people, cancellationToken);
        return Export.File(document, format);
    }

    public sealed record Row(Guid Id, string Activity, DateTime StartsAt, DateTime EndsAt, string Location, bool Cancelled, bool Closed, int CheckIns);
}
