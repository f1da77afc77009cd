using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>Per room and month: hours open, hours booked, occupancy and rental income; and the twelve months up to
/// the chosen one for all rooms together.</summary>
public sealed class OccupancyModel(WijkbasisDb db, TimeProvider time, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "maand")] public string? MonthText { get; set; }
    public DateOnly Month { get; private set; }
    public List<(Room Room, Occupancy Month)> PerRoom { get; private set; } = [];
    public List<(DateOnly Month, Occupancy Total)> Year { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        Month = DateOnly.TryParseExact(MonthText, "yyyy-MM", out var m) && Math.Abs(m.DayNumber - today.DayNumber) < 3660
            ? m : new DateOnly(today.Year, today.Month, 1);
        var first = Month.AddMonths(-11);
        var from = Clock.FromAmsterdam(first, TimeOnly.MinValue);
        var until = Clock.FromAmsterdam(Month.AddMonths(1), TimeOnly.MinValue);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.ArchivedAt == null).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var rows = await db.RoomBookings.AsNoTracking()
            .Where(b => b.CancelledAt == null && b.StartsAt < until && b.EndsAt > from)
            .ToListAsync(cancellationToken);
        PerRoom = rooms.Select(r => (r, RoomRules.MonthOf(r, Month.Year, Month.Month, rows))).ToList();
        for (var month = first; month <= Month; month = month.AddMonths(1))
        {
            var all = rooms.Select(r => RoomRules.MonthOf(r, month.Year, month.Month, rows)).ToList();
            Year.Add((month, new Occupancy(all.Sum(o => o.OpenMinutes), all.Sum(o => o.BookedMinutes), all.Sum(o => o.IncomeCents), all.Sum(o => o.Bookings))));
        }
    }

    public ExportButtons Downloads => new("/Rooms/Occupancy",
        new Dictionary<string, string> { ["maand"] = Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) }, AsksPurpose: false);

    /// <summary>The month's bookings, every room, CSV or XLSX (docs/decisions/0025). Who rents a room is an
    /// organisation or entrepreneur, not a resident of the register: audited, no purpose asked.</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => ExportAsync(ExportFormat.Csv, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) => ExportAsync(ExportFormat.Xlsx, cancellationToken);

    private async Task<IActionResult> ExportAsync(ExportFormat format, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var from = Clock.FromAmsterdam(Month, TimeOnly.MinValue);
        var until = Clock.FromAmsterdam(Month.AddMonths(1), TimeOnly.MinValue);
        var bookings = await db.RoomBookings.AsNoTracking().Where(b => b.StartsAt < until && b.EndsAt > from)
            .OrderBy(b => b.StartsAt).ThenBy(b => b.Id)
            .Select(b => new { b.StartsAt, b.EndsAt, Room = b.Room!.Name, b.Kind, b.Title, b.Party, b.Category, b.PriceCents, Cancelled = b.CancelledAt != null })
            .ToListAsync(cancellationToken);
        string Time(DateTime at) => at.ToAmsterdam().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        ExportColumn[] columns =
        [
            new(localizer["Datum"], ExportKind.Date), new(localizer["Begin"]), new(localizer["Einde"]), new(localizer["Ruimte"]),
            new(localizer["Soort"]), new(localizer["Titel"]), new(localizer["Huurder"]), new(localizer["Tarief"]),
            new(localizer["Prijs"], ExportKind.Money), new(localizer["Status"]),
        ];
        var document = new ExportDocument($"boekingen-{Month:yyyy-MM}", new ExportTable(columns, [.. bookings.Select(b => (IReadOnlyList<object?>)
        [
            DateOnly.FromDateTime(b.StartsAt.ToAmsterdam()), Time(b.StartsAt), Time(b.EndsAt), b.Room, localizer[b.Kind == BookingKind.Block ? "dicht" : "Boeking"].Value, b.Title, b.Party ?? "",
            localizer[RoomRules.CategoryLabel(b.Category)].Value, b.PriceCents / 100m, b.Cancelled ? localizer["geannuleerd"].Value : "",
        ])]));
        await audit.RecordExportAsync("Boekingen", $"maand={Month:yyyy-MM}", document.RowCount, format.Key(), null, [], cancellationToken);
        return Export.File(document, format);
    }
}
