using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Logbook;

/// <summary>The logbook of any period as CSV or XLSX (issue 18, docs/decisions/0025): the sessions with their counts,
/// and, for staff who may open the register, who checked in by name (the purpose first). The same sessions a user sees
/// elsewhere: a volunteer's own.</summary>
public sealed class DownloadModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The longest period one download covers.</summary>
    public const int MaxDays = 3 * 366;

    [BindProperty(SupportsGet = true, Name = "van")]
    [Display(Name = "Van")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    [Display(Name = "Tot en met")]
    public DateOnly? Until { get; set; }

    /// <summary>Set when the period is readable and allowed: the downloads are offered.</summary>
    public bool Ready { get; private set; }
    public int Sessions { get; private set; }
    public int CheckIns { get; private set; }

    public bool MayExportCheckIns => WeekModel.MayExportCheckInsFor(tenant);

    public ExportButtons SessionDownloads => new("/Logbook/Download", Route, AsksPurpose: false);
    public ExportButtons CheckInDownloads => new("/Logbook/Download", Route, AsksPurpose: true, Choice, Other) { Handler = "CheckIns" };

    private Dictionary<string, string> Route => new()
    {
        ["van"] = (From ?? default).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["tot"] = (Until ?? default).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
    private string? Choice { get; set; }
    private string? Other { get; set; }
    private string Period => $"{From:yyyy-MM-dd}..{Until:yyyy-MM-dd}";
    private string Name(string list) => $"{list}-{From:yyyy-MM-dd}-tot-{Until:yyyy-MM-dd}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is null && Until is null && ModelState.IsValid)
        {
            // First visit: this year so far.
            var today = time.AmsterdamToday();
            (From, Until) = (new DateOnly(today.Year, 1, 1), today);
        }
        if (!Check())
        {
            Response.StatusCode = Refusing.Status;
            return Page();
        }
        var (start, end) = Bounds();
        var sessions = TodayModel.Mine(db, tenant).Where(s => s.StartsAt >= start && s.StartsAt < end);
        Sessions = await sessions.CountAsync(cancellationToken);
        CheckIns = await db.CheckIns.CountAsync(c => sessions.Any(s => s.Id == c.SessionId), cancellationToken);
        Ready = true;
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => SessionsAsync(ExportFormat.Csv, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) => SessionsAsync(ExportFormat.Xlsx, cancellationToken);

    public Task<IActionResult> OnGetCheckInsCsvAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        CheckInsAsync(ExportFormat.Csv, doel, anders, cancellationToken);

    public Task<IActionResult> OnGetCheckInsXlsxAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        CheckInsAsync(ExportFormat.Xlsx, doel, anders, cancellationToken);

    /// <summary>Both dates readable and given, in order, within the app's dates and at most <see cref="MaxDays"/> apart.</summary>
    private bool Check()
    {
        if (!ModelState.IsValid)
        {
            return false;
        }
        if (From is null)
        {
            ModelState.AddRefusal("van", new Refusal("Vul de eerste dag in."));
        }
        if (Until is null)
        {
            ModelState.AddRefusal("tot", new Refusal("Vul de laatste dag in."));
        }
        if (From is { } f && Until is { } u)
        {
            if (f < WeekModel.First || u > WeekModel.Last)
            {
                ModelState.AddRefusal("van", new Refusal("Kies een datum tussen {0} en {1}.", WeekModel.First.ToString("d-M-yyyy"), WeekModel.Last.ToString("d-M-yyyy")));
            }
            else if (u < f)
            {
                ModelState.AddRefusal("tot", new Refusal("De laatste dag ligt vóór de eerste."));
            }
            else if (u.DayNumber - f.DayNumber >= MaxDays)
            {
                ModelState.AddRefusal("tot", new Refusal("Kies een periode van hoogstens {0} dagen.", MaxDays));
            }
        }
        return ModelState.IsValid;
    }

    private (DateTime Start, DateTime End) Bounds() =>
        (Clock.FromAmsterdam(From!.Value, TimeOnly.MinValue), Clock.FromAmsterdam(Until!.Value.AddDays(1), TimeOnly.MinValue));

    private async Task<IActionResult> SessionsAsync(ExportFormat format, CancellationToken cancellationToken)
    {
        if (!Check())
        {
            return this.Refuse();
        }
        var document = await LogbookExport.SessionsAsync(db, tenant, localizer, From!.Value, Until!.Value.AddDays(1), Name("sessies"), cancellationToken);
        await audit.RecordExportAsync("Sessies", $"periode={Period}", document.RowCount, format.Key(), null, [], cancellationToken);
        return Export.File(document, format);
    }

    private async Task<IActionResult> CheckInsAsync(ExportFormat format, string? doel, string? anders, CancellationToken cancellationToken)
    {
        if (!MayExportCheckIns)
        {
            return Forbid();
        }
        if (!Check())
        {
            return this.Refuse();
        }
        var (purpose, problem, field) = ExportPurpose.Read(doel, anders);
        if (problem is not null)
        {
            (Choice, Other) = (doel, anders);
            await OnGetAsync(cancellationToken);
            return this.Refuse(problem, field);
        }
        var (document, people) = await LogbookExport.CheckInsAsync(db, tenant, localizer, From!.Value, Until!.Value.AddDays(1), Name("aanmeldingen"), cancellationToken);
        await audit.RecordExportAsync("Aanmeldingen", $"periode={Period}", document.RowCount, format.Key(), purpose, people, cancellationToken);
        return Export.File(document, format);
    }
}
