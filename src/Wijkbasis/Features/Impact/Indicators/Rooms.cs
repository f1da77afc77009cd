using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Rooms: how full they were and what renting them out brought in. About the enterprise, not about persons.</summary>
public static class RoomUse
{
    public const string Occupancy = "rooms.occupancy";
    public const string Income = "rooms.income";

    public static readonly IReadOnlyList<IndicatorPart> Tariffs =
    [
        new("social", "Sociaal tarief"),
        new("entrepreneur", "Buurtondernemer"),
        new("commercial", "Commercieel"),
    ];

    public static string TariffKey(TariffCategory category) => category switch
    {
        TariffCategory.Social => "social",
        TariffCategory.Entrepreneur => "entrepreneur",
        TariffCategory.Commercial => "commercial",
        _ => "own",
    };

    public static IEnumerable<Indicator> All =>
    [
        new(Occupancy, IndicatorSection.Rooms, "Bezetting van de ruimtes",
            "Welk deel van de openingstijd de ruimtes geboekt waren. Dagen of uren dat een ruimte dicht was (geblokkeerd) tellen niet als openingstijd. Afgezegde boekingen tellen niet.",
            "De geboekte minuten binnen de openingstijden (boekingen die niet zijn afgezegd), gedeeld door de minuten dat de ruimtes open waren in de periode: openingsdagen en -tijden van elke ruimte, zonder de blokkades. Zoals op de pagina Bezetting van de ruimtes.",
            "Ruimtes (openingstijden), boekingen en blokkades", IndicatorUnit.Share, [], AdditiveOverTime: false, AboutPersons: false, Occupied),
        new(Income, IndicatorSection.Rooms, "Inkomsten uit verhuur",
            "Wat het verhuren van de ruimtes opbracht, per tarief. Eigen gebruik is gratis en telt niet mee. Afgezegde boekingen tellen niet.",
            "De som van de prijzen van boekingen die in de periode beginnen en niet zijn afgezegd, per tarief.",
            "Boekingen van ruimtes", IndicatorUnit.Euros, Tariffs, AdditiveOverTime: true, AboutPersons: false, Earned),
    ];

    private sealed record Row(Guid TenantId, Guid RoomId, BookingKind Kind, DateTime StartsAt, DateTime EndsAt, TariffCategory Category, long PriceCents);

    /// <summary>Bookings and blocks of the period, not cancelled: a narrow projection (a few thousand rows a year per enterprise).</summary>
    private static Task<List<Row>> RowsAsync(ImpactQuery q, DateTime fromUtc, DateTime untilUtc, CancellationToken ct) =>
        q.RoomBookings.Where(b => b.CancelledAt == null && b.StartsAt < untilUtc && b.EndsAt > fromUtc)
            .Select(b => new Row(b.TenantId, b.RoomId, b.Kind, b.StartsAt, b.EndsAt, b.Category, b.PriceCents))
            .ToListAsync(ct);

    private static async Task<IReadOnlyList<FigureRow>> Occupied(ImpactQuery q, CancellationToken ct)
    {
        var (from, until, fromUtc, untilUtc) = (q.From, q.Until, q.FromUtc, q.UntilUtc);
        var rooms = await q.Rooms.AsNoTracking().Where(r => r.CreatedAt < untilUtc && (r.ArchivedAt == null || r.ArchivedAt >= fromUtc)).ToListAsync(ct);
        // A day's window may start before midnight UTC: take a day more on both sides.
        var rows = await RowsAsync(q, fromUtc.AddDays(-1), untilUtc.AddDays(1), ct);
        var byRoom = rows.ToLookup(r => r.RoomId);
        var sums = new Dictionary<(Guid TenantId, int? Month), (long Booked, long Open)>();
        foreach (var room in rooms)
        {
            var blocks = byRoom[room.Id].Where(r => r.Kind == BookingKind.Block)
                .Select(r => new Busy(Guid.Empty, r.StartsAt, r.EndsAt, "", BookingKind.Block)).ToList();
            var bookings = byRoom[room.Id].Where(r => r.Kind == BookingKind.Booking).OrderBy(r => r.StartsAt).ToList();
            var first = Max(from, DateOnly.FromDateTime(room.CreatedAt.ToAmsterdam()));
            var last = room.ArchivedAt is { } archived ? Min(until, DateOnly.FromDateTime(archived.ToAmsterdam())) : until;
            for (var day = first; day < last; day = day.AddDays(1))
            {
                if (RoomRules.OpenWindow(room, day) is not { } window)
                {
                    continue;
                }
                long open = 0, booked = 0;
                foreach (var (start, end) in RoomRules.FreeIntervals(window.From, window.Until, blocks))
                {
                    open += (long)(end - start).TotalMinutes;
                    foreach (var b in bookings)
                    {
                        if (b.StartsAt >= end)
                        {
                            break;
                        }
                        booked += Overlap(start, end, b.StartsAt, b.EndsAt);
                    }
                }
                var key = (room.TenantId, q.MonthOf(day));
                var (sumBooked, sumOpen) = sums.GetValueOrDefault(key);
                sums[key] = (sumBooked + booked, sumOpen + open);
            }
        }
        return sums.Where(s => s.Value.Open > 0)
            .Select(s => new FigureRow(s.Key.TenantId, null, s.Key.Month, FigureRow.Whole, s.Value.Booked, s.Value.Open, null)).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> Earned(ImpactQuery q, CancellationToken ct)
    {
        var (fromUtc, untilUtc) = (q.FromUtc, q.UntilUtc);
        var rows = await RowsAsync(q, fromUtc, untilUtc, ct);
        return rows.Where(r => r.Kind == BookingKind.Booking && r.StartsAt >= fromUtc && r.StartsAt < untilUtc && r.Category != TariffCategory.Own)
            .GroupBy(r => (r.TenantId, Month: q.MonthOf(DateOnly.FromDateTime(r.StartsAt.ToAmsterdam())), Part: TariffKey(r.Category)))
            .Select(g => new FigureRow(g.Key.TenantId, null, g.Key.Month, g.Key.Part, g.Sum(r => r.PriceCents), null, null))
            .ToList();
    }

    private static long Overlap(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd)
    {
        var start = aStart > bStart ? aStart : bStart;
        var end = aEnd < bEnd ? aEnd : bEnd;
        return end > start ? (long)(end - start).TotalMinutes : 0;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
