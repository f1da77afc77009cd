using Wijkbasis.Data;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Demo;

/// <summary>Rooms for the demo enterprises with a year of use: the enterprise's own activities, neighbourhood
/// entrepreneurs every week at a fair rate, a partner's consultation hour every other week, one-off evenings, the
/// summer and Christmas closures, and requests from outside that wait, were approved or were declined. Deterministic
/// for a given seed and day.</summary>
public sealed class DemoRooms(WijkbasisDb db, TenantContext tenant, TimeProvider time, ILogger<DemoRooms> log)
{
    private sealed record RoomPlan(string Name, int Capacity, Facility Facilities, TariffUnit Unit, long Social, long Entrepreneur, long Commercial,
        TimeOnly Opens, TimeOnly Closes, int Days, bool Requests, bool PublicFeed, string Description);

    private sealed record SeriesPlan(int Room, string Title, string? PublicTitle, string? Party, TariffCategory Category, Repeat Repeat,
        DayOfWeek Day, TimeOnly Start, TimeOnly End);

    private sealed record OneOff(int Room, string Title, string? Party, TariffCategory Category, TimeOnly Start, TimeOnly End);

    private const int MonToSat = RoomRules.Weekdays | (1 << (int)DayOfWeek.Saturday);

    private static readonly Dictionary<string, (RoomPlan[] Rooms, SeriesPlan[] Series, OneOff[] OneOffs)> ByEnterprise = new()
    {
        ["huiskamer"] = (
        [
            new("Grote zaal", 40, Facility.Kitchen | Facility.Projector | Facility.Wheelchair | Facility.Wifi | Facility.Sound, TariffUnit.Hour,
                1000, 1750, 4500, new(9, 0), new(22, 0), MonToSat, true, true, "De huiskamer van de buurt: lange tafels, een bar met koffie, een scherm."),
            new("Spreekkamer", 6, Facility.Wifi | Facility.Wheelchair, TariffUnit.Hour, 500, 800, 2000, new(9, 0), new(17, 0), RoomRules.Weekdays, true, false,
                "Een rustige kamer met een deur die dicht kan, voor gesprekken en spreekuren."),
            new("Keuken", 12, Facility.Kitchen | Facility.Wheelchair, TariffUnit.PartOfDay, 2500, 4000, 9000, new(9, 0), new(22, 0), MonToSat, true, false,
                "Een grote keuken met zes pitten en twee ovens."),
        ],
        [
            new(0, "KoffieKaffee", "KoffieKaffee", null, TariffCategory.Own, Repeat.Weekly, DayOfWeek.Tuesday, new(10, 0), new(12, 0)),
            new(0, "Taalcafé", "Taalcafé", null, TariffCategory.Own, Repeat.Weekly, DayOfWeek.Thursday, new(14, 0), new(16, 0)),
            new(0, "Yogales", "Yoga", "Yoga in de Wijk", TariffCategory.Entrepreneur, Repeat.Weekly, DayOfWeek.Tuesday, new(19, 0), new(20, 30)),
            new(0, "Naaiatelier", "Naaiatelier", "Naaiatelier Klarendal", TariffCategory.Entrepreneur, Repeat.Weekly, DayOfWeek.Wednesday, new(13, 0), new(16, 0)),
            new(1, "Spreekuur schuldhulp", null, "Rijnstad", TariffCategory.Social, Repeat.EveryOtherWeek, DayOfWeek.Thursday, new(9, 30), new(11, 30)),
            new(1, "Spreekuur wijkteam", null, "Wijkteam Klarendal", TariffCategory.Social, Repeat.Weekly, DayOfWeek.Monday, new(13, 0), new(15, 0)),
            new(2, "Kookworkshop Syrische keuken", "Kookworkshop", "Keuken van Damascus", TariffCategory.Entrepreneur, Repeat.EveryOtherWeek, DayOfWeek.Saturday, new(10, 0), new(13, 0)),
            new(2, "Samen eten koken", "Samen eten", null, TariffCategory.Own, Repeat.EveryOtherWeek, DayOfWeek.Friday, new(15, 0), new(19, 30)),
        ],
        [
            new(0, "Bewonersavond woningcorporatie", "Volkshuisvesting", TariffCategory.Social, new(19, 30), new(21, 30)),
            new(0, "Workshop fietsreparatie", "Fietsmaker Jansen", TariffCategory.Entrepreneur, new(14, 0), new(17, 0)),
            new(0, "Vergadering wijkplatform", "Wijkplatform Klarendal", TariffCategory.Social, new(20, 0), new(22, 0)),
            new(0, "Bedrijfstraining", "Adviesbureau Oost", TariffCategory.Commercial, new(9, 0), new(12, 0)),
            new(1, "Inloop energiecoach", "Energiecoaches Arnhem", TariffCategory.Social, new(10, 0), new(12, 0)),
            new(2, "Taartenworkshop", "Bakkerij de Zoete Inval", TariffCategory.Entrepreneur, new(13, 0), new(17, 0)),
        ]),
        ["groene-spijker"] = (
        [
            new("Tuinkas", 15, Facility.Garden | Facility.Wheelchair, TariffUnit.PartOfDay, 1500, 2500, 6000, new(9, 0), new(18, 0), RoomRules.AllDays, true, true,
                "De kas midden in de tuin: warm in het voorjaar, met een lange werktafel."),
            new("Kantine", 25, Facility.Kitchen | Facility.Wifi, TariffUnit.Hour, 800, 1500, 3500, new(9, 0), new(21, 0), MonToSat, true, false,
                "De kantine bij de ingang, met koffie en uitzicht op de moestuin."),
        ],
        [
            new(0, "Zaaiworkshop", "Zaaien", "Kwekerij Het Zaadje", TariffCategory.Entrepreneur, Repeat.EveryOtherWeek, DayOfWeek.Saturday, new(13, 0), new(16, 0)),
            new(1, "Tuinoverleg", null, null, TariffCategory.Own, Repeat.Weekly, DayOfWeek.Monday, new(19, 0), new(20, 30)),
        ],
        [
            new(1, "Buurtlunch", "Buurtvereniging Spijkerkwartier", TariffCategory.Social, new(12, 0), new(14, 0)),
            new(0, "Fotoshoot", "Studio Licht", TariffCategory.Commercial, new(9, 0), new(12, 0)),
        ]),
        ["jongeren-malburgen"] = (
        [
            new("Sportzaal", 30, Facility.Sound, TariffUnit.Hour, 1200, 2000, 5000, new(9, 0), new(22, 0), RoomRules.AllDays, true, false,
                "Een kleine zaal voor sport en dans, met een geluidsinstallatie."),
            new("Studieruimte", 12, Facility.Wifi | Facility.Whiteboard | Facility.Projector, TariffUnit.Hour, 0, 1000, 2500, new(9, 0), new(21, 0), RoomRules.Weekdays, false, false,
                "Tafels, stopcontacten en een whiteboard: voor huiswerk en trainingen."),
        ],
        [
            new(1, "Huiswerkbegeleiding", "Huiswerkbegeleiding", null, TariffCategory.Own, Repeat.Weekly, DayOfWeek.Monday, new(15, 30), new(17, 30)),
            new(0, "Danstraining", "Dans", "Dansschool Malburgen", TariffCategory.Entrepreneur, Repeat.Weekly, DayOfWeek.Thursday, new(18, 0), new(20, 0)),
            new(0, "Boksles", "Boksen", "Boxing Arnhem-Zuid", TariffCategory.Entrepreneur, Repeat.Weekly, DayOfWeek.Saturday, new(10, 0), new(12, 0)),
        ],
        [
            new(1, "Sollicitatietraining", "Werkplein Arnhem", TariffCategory.Social, new(13, 0), new(16, 0)),
            new(0, "Toernooi tafeltennis", "Sportbedrijf Arnhem", TariffCategory.Social, new(14, 0), new(18, 0)),
        ]),
    };

    private static readonly (string Organisation, string Purpose, TariffCategory Category, string Contact, string Domain)[] Requesters =
    [
        ("Massagepraktijk Zachte Handen", "Stoelmassage", TariffCategory.Entrepreneur, "M. de Bruin", "zachtehanden.demo"),
        ("Stichting Buurtbudget", "Informatieavond", TariffCategory.Social, "K. Yilmaz", "buurtbudget.demo"),
        ("Repair Café Arnhem", "Repair Café", TariffCategory.Social, "J. Hendriks", "repaircafe.demo"),
        ("Kapsalon Noor", "Workshop haarvlechten", TariffCategory.Entrepreneur, "N. El Amrani", "kapsalonnoor.demo"),
        ("Coachpraktijk Richting", "Groepstraining", TariffCategory.Commercial, "P. Smit", "richting.demo"),
        ("GGD Gelderland-Midden", "Voorlichting gezond eten", TariffCategory.Social, "A. Visser", "ggd.demo"),
        ("Schildersbedrijf Kleur", "Vergadering", TariffCategory.Commercial, "T. Vos", "kleur.demo"),
        ("Vrouwengroep Samen Sterk", "Bijeenkomst", TariffCategory.Social, "F. Demir", "samensterk.demo"),
        ("Muziekles Do-Re-Mi", "Gitaarles", TariffCategory.Entrepreneur, "L. Peters", "doremi.demo"),
    ];

    public async Task GenerateAsync(Data.Enterprise enterprise, Random rng, int months, CancellationToken cancellationToken)
    {
        if (!ByEnterprise.TryGetValue(enterprise.Slug, out var setup))
        {
            return;
        }
        months = Math.Clamp(months, 1, 12);
        tenant.MoveTo(enterprise, [], "demo-generator");
        var now = time.UtcNow();
        var today = time.AmsterdamToday();
        var first = today.AddMonths(-months);
        var last = today.AddMonths(3);
        var coordinator = DemoNeighbourhood.Users.First(u => u.Role == Infrastructure.Auth.Roles.Coordinator
            && u.Enterprise is { } i && DemoNeighbourhood.Enterprises[i].Slug == enterprise.Slug).Name;

        var rooms = setup.Rooms.Select(p => new Room
        {
            Name = p.Name, Capacity = p.Capacity, Facilities = p.Facilities, Unit = p.Unit, SocialRateCents = p.Social,
            EntrepreneurRateCents = p.Entrepreneur, CommercialRateCents = p.Commercial, OpensAt = p.Opens, ClosesAt = p.Closes,
            OpenDays = p.Days, AcceptsRequests = p.Requests, FeedIsPublic = p.PublicFeed, Description = p.Description,
            CreatedAt = Clock.FromAmsterdam(first.AddDays(-14), new(9, 0)),
        }).ToList();
        db.Rooms.AddRange(rooms);
        var taken = rooms.ToDictionary(r => r.Id, _ => new List<Busy>());
        var rows = new List<RoomBooking>();

        bool TryAdd(Room room, Slot slot, Func<RoomBooking> make)
        {
            if (taken[room.Id].Any(b => RoomRules.Overlaps(b.StartsAt, b.EndsAt, slot.StartsAt, slot.EndsAt)))
            {
                return false;
            }
            var row = make();
            row.RoomId = room.Id;
            row.StartsAt = slot.StartsAt;
            row.EndsAt = slot.EndsAt;
            row.CreatedByName = coordinator;
            row.CreatedAt = row.CreatedAt == default ? Clock.FromAmsterdam(slot.Date.AddDays(-21) < first ? first.AddDays(-7) : slot.Date.AddDays(-21), new(11, 0)) : row.CreatedAt;
            taken[room.Id].Add(RoomRules.ToBusy(row));
            rows.Add(row);
            return true;
        }

        // Closed periods first: nothing is booked then.
        foreach (var room in rooms)
        {
            for (var year = first.Year; year <= last.Year; year++)
            {
                var summer = new DateOnly(year, 7, 20);
                var christmas = new DateOnly(year, 12, 24);
                foreach (var (from, days, reason) in new[] { (summer, 14, "Zomersluiting"), (christmas, 9, "Kerstvakantie") })
                {
                    if (from.AddDays(days) >= first && from <= last)
                    {
                        TryAdd(room, new Slot(from, Clock.FromAmsterdam(from, TimeOnly.MinValue), Clock.FromAmsterdam(from.AddDays(days), TimeOnly.MinValue)),
                            () => new RoomBooking { Kind = BookingKind.Block, Title = reason, Category = TariffCategory.Own });
                    }
                }
            }
            var maintenance = first.AddDays(rng.Next(20, 60));
            if (maintenance < last)
            {
                TryAdd(room, RoomRules.SlotOn(maintenance, new(8, 0), new(17, 0)),
                    () => new RoomBooking { Kind = BookingKind.Block, Title = "Onderhoud", Category = TariffCategory.Own });
            }
        }

        foreach (var plan in setup.Series)
        {
            var room = rooms[plan.Room];
            var start = first;
            while (start.DayOfWeek != plan.Day)
            {
                start = start.AddDays(1);
            }
            var (slots, _) = RoomRules.Expand(start, plan.Start, plan.End, plan.Repeat, last);
            var series = Guid.CreateVersion7();
            foreach (var slot in slots)
            {
                // A season ends now and then: an entrepreneur skips a week.
                if (plan.Category != TariffCategory.Own && rng.NextDouble() < 0.05)
                {
                    continue;
                }
                TryAdd(room, slot, () => new RoomBooking
                {
                    Kind = BookingKind.Booking, Title = plan.Title, PublicTitle = plan.PublicTitle, Party = plan.Party, Category = plan.Category,
                    PriceCents = room.PriceFor(plan.Category, slot.StartsAt, slot.EndsAt), SeriesId = series,
                });
            }
        }

        for (var week = first; week <= last; week = week.AddDays(7))
        {
            foreach (var oneOff in setup.OneOffs)
            {
                if (rng.NextDouble() > 0.3)
                {
                    continue;
                }
                var room = rooms[oneOff.Room];
                var day = week.AddDays(rng.Next(0, 7));
                if (!room.IsOpenOn(day.DayOfWeek))
                {
                    continue;
                }
                var slot = RoomRules.SlotOn(day, oneOff.Start, oneOff.End);
                TryAdd(room, slot, () => new RoomBooking
                {
                    Kind = BookingKind.Booking, Title = oneOff.Title, Party = oneOff.Party, Category = oneOff.Category,
                    PriceCents = room.PriceFor(oneOff.Category, slot.StartsAt, slot.EndsAt),
                });
            }
        }

        // A few bookings were called off.
        foreach (var row in rows.Where(r => r.Kind == BookingKind.Booking && r.Category != TariffCategory.Own).Where((_, i) => i % 37 == 5).ToList())
        {
            row.CancelledAt = row.StartsAt.AddDays(-3);
            row.CancelledByName = coordinator;
            row.CancelReason = "Afgezegd door de huurder";
            row.Sequence = 1;
        }

        // Requests from outside: decided ones in the past months, waiting ones for the weeks ahead.
        var requests = new List<BookingRequest>();
        var requestable = rooms.Where(r => r.AcceptsRequests).ToList();
        for (var n = 0; n < Requesters.Length && requestable.Count > 0; n++)
        {
            var who = Requesters[n];
            var room = requestable[n % requestable.Count];
            var status = n switch { < 4 => RequestStatus.Approved, < 6 => RequestStatus.Declined, _ => RequestStatus.Pending };
            var day = status == RequestStatus.Pending ? today.AddDays(7 + n * 3) : today.AddDays(-(months * 30) / (n + 2) + 2);
            while (!room.IsOpenOn(day.DayOfWeek))
            {
                day = day.AddDays(1);
            }
            var slot = RoomRules.SlotOn(day, room.OpensAt.AddHours(1), room.OpensAt.AddHours(3));
            var request = new BookingRequest
            {
                RoomId = room.Id, StartsAt = slot.StartsAt, EndsAt = slot.EndsAt, Category = who.Category, Organisation = who.Organisation,
                Purpose = who.Purpose, Message = n % 2 == 0 ? "Wij zoeken een vaste plek in de buurt. Koffie en thee nemen we zelf mee." : null,
                ContactName = who.Contact, ContactEmail = $"info@{who.Domain}", ContactPhone = n % 3 == 0 ? $"06 1234 56{n:00}" : null,
                Status = RequestStatus.Pending, ReceivedAt = Clock.FromAmsterdam(day.AddDays(-10), new(20, 15)),
            };
            if (status == RequestStatus.Approved && !taken[room.Id].Any(b => RoomRules.Overlaps(b.StartsAt, b.EndsAt, slot.StartsAt, slot.EndsAt)))
            {
                var booking = default(RoomBooking);
                TryAdd(room, slot, () => booking = new RoomBooking
                {
                    Kind = BookingKind.Booking, Title = who.Purpose, Party = who.Organisation, Category = who.Category,
                    PriceCents = room.PriceFor(who.Category, slot.StartsAt, slot.EndsAt), RequestId = request.Id,
                    CreatedAt = request.ReceivedAt.AddDays(2),
                });
                (request.Status, request.BookingId) = (RequestStatus.Approved, booking!.Id);
            }
            else if (status == RequestStatus.Declined || status == RequestStatus.Approved)
            {
                request.Status = RequestStatus.Declined;
                request.DeclineReason = "De ruimte is op dat moment al bezet. Een ander tijdstip kan wel: bel of mail ons.";
            }
            if (request.Status != RequestStatus.Pending)
            {
                (request.DecidedAt, request.DecidedByName) = (request.ReceivedAt.AddDays(2), coordinator);
            }
            requests.Add(request);
        }
        db.BookingRequests.AddRange(requests);
        await db.SaveChangesAsync(cancellationToken);
        // Bookings after their requests (the booking points at the request).
        db.RoomBookings.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Demo: {Rooms} rooms, {Bookings} bookings and closures, {Requests} requests for {Enterprise}",
            rooms.Count, rows.Count, requests.Count, enterprise.Slug);
    }
}
