using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Logbook;

/// <summary>The logbook as downloads (docs/decisions/0025), for any period: the sessions with their counts, and who
/// checked in by name. One place for the week page, the period download and bench W5's export. The sessions are the
/// ones the user sees (<see cref="TodayModel.Mine"/>: a volunteer's own); the period is Amsterdam days, from
/// <c>from</c> up to but not including <c>until</c>.</summary>
public static class LogbookExport
{
    private static string Time(DateTime utc) => utc.ToAmsterdam().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<ExportDocument> SessionsAsync(WijkbasisDb db, TenantContext tenant, IStringLocalizer localizer,
        DateOnly from, DateOnly until, string fileName, CancellationToken cancellationToken)
    {
        var (start, end) = (Clock.FromAmsterdam(from, TimeOnly.MinValue), Clock.FromAmsterdam(until, TimeOnly.MinValue));
        var rows = await TodayModel.Mine(db, tenant).Where(s => s.StartsAt >= start && s.StartsAt < end).OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.StartsAt, s.EndsAt, Activity = s.Activity!.Name, Location = s.Location!.Name, Cancelled = s.CancelledAt != null, Closed = s.ClosedAt != null,
                CheckIns = db.CheckIns.Count(c => c.SessionId == s.Id),
                Counted = db.HeadCounts.Where(h => h.SessionId == s.Id).Sum(h => (int?)(h.Children + h.Teens + h.Adults + h.Seniors)) ?? 0,
            })
            .ToListAsync(cancellationToken);
        ExportColumn[] columns =
        [
            new(localizer["Datum"], ExportKind.Date), new(localizer["Begin"]), new(localizer["Einde"]), new(localizer["Activiteit"]),
            new(localizer["Locatie"]), new(localizer["Status"]), new(localizer["Aangemeld op naam"], ExportKind.Number),
            new(localizer["Geteld zonder naam"], ExportKind.Number),
        ];
        return new ExportDocument(fileName, new ExportTable(columns, [.. rows.Select(r => (IReadOnlyList<object?>)
        [
            DateOnly.FromDateTime(r.StartsAt.ToAmsterdam()), Time(r.StartsAt), Time(r.EndsAt), r.Activity, r.Location,
            localizer[r.Cancelled ? "afgelast" : r.Closed ? "afgesloten" : "Open"].Value, r.CheckIns, r.Counted,
        ])]));
    }

    /// <summary>Every check-in of the period by name, in the order of the sessions, then by name; and the people in it
    /// (for the export's audit row).</summary>
    public static async Task<(ExportDocument Document, IReadOnlyCollection<Guid> People)> CheckInsAsync(WijkbasisDb db, TenantContext tenant,
        IStringLocalizer localizer, DateOnly from, DateOnly until, string fileName, CancellationToken cancellationToken)
    {
        var (start, end) = (Clock.FromAmsterdam(from, TimeOnly.MinValue), Clock.FromAmsterdam(until, TimeOnly.MinValue));
        var sessions = TodayModel.Mine(db, tenant).Where(s => s.StartsAt >= start && s.StartsAt < end);
        var rows = await (
                from c in db.CheckIns.AsNoTracking()
                join s in sessions on c.SessionId equals s.Id
                select new { s.StartsAt, c.SessionId, Activity = s.Activity!.Name, c.PersonId, c.At, Name = db.People.Where(p => p.Id == c.PersonId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var ordered = rows.OrderBy(c => c.StartsAt).ThenBy(c => c.SessionId).ThenBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.PersonId).ToList();
        ExportColumn[] columns =
        [
            new(localizer["Datum"], ExportKind.Date), new(localizer["Begin"]), new(localizer["Activiteit"]), new(localizer["Naam"]),
            new(localizer["Aangemeld om"]),
        ];
        var document = new ExportDocument(fileName, new ExportTable(columns, [.. ordered.Select(c => (IReadOnlyList<object?>)
        [
            DateOnly.FromDateTime(c.StartsAt.ToAmsterdam()), Time(c.StartsAt), c.Activity, c.Name ?? "?", Time(c.At),
        ])]));
        return (document, ordered.Select(c => c.PersonId).Distinct().ToList());
    }
}
