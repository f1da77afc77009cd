using Wijkbasis.Data;

namespace Wijkbasis.Features.Rooms;

/// <summary>What a room offers; a room has any combination.</summary>
[Flags]
public enum Facility
{
    None = 0,
    Kitchen = 1,
    Projector = 2,
    Wheelchair = 4,
    Wifi = 8,
    Sound = 16,
    Whiteboard = 32,
    Garden = 64,
}

/// <summary>How a room's rates count: per hour (to the minute), or per part of day (morning, afternoon, evening).</summary>
public enum TariffUnit
{
    Hour,
    PartOfDay,
}

/// <summary>Who pays which rate. Own use by the enterprise is free.</summary>
public enum TariffCategory
{
    Own,
    Social,
    Entrepreneur,
    Commercial,
}

public enum BookingKind
{
    Booking,
    /// <summary>The room is closed (maintenance, holidays): nothing can be booked then.</summary>
    Block,
}

public enum RequestStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>A room or space an enterprise uses and rents out: capacity, facilities, opening hours, three rates.</summary>
public sealed class Room : ITenantOwned, IAudited
{
    public const int NameMax = 100;
    public const int DescriptionMax = 1000;
    public const int CapacityMax = 1000;
    /// <summary>A rate above € 10.000 per hour or part of day is a typing error.</summary>
    public const long RateMax = 1_000_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Capacity { get; set; }
    public Facility Facilities { get; set; }
    public TariffUnit Unit { get; set; }
    public long SocialRateCents { get; set; }
    public long EntrepreneurRateCents { get; set; }
    public long CommercialRateCents { get; set; }
    public TimeOnly OpensAt { get; set; } = new(9, 0);
    public TimeOnly ClosesAt { get; set; } = new(22, 0);
    /// <summary>Bit (1 &lt;&lt; DayOfWeek) per day the room is open.</summary>
    public int OpenDays { get; set; } = RoomRules.Weekdays;
    /// <summary>Outside parties may ask for this room on the public request form.</summary>
    public bool AcceptsRequests { get; set; }
    /// <summary>The room's calendar feed may be read without logging in (titles are neutral, see <see cref="RoomBooking.FeedTitle"/>).</summary>
    public bool FeedIsPublic { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    public bool IsOpenOn(DayOfWeek day) => (OpenDays & (1 << (int)day)) != 0;

    public long RateFor(TariffCategory category) => category switch
    {
        TariffCategory.Social => SocialRateCents,
        TariffCategory.Entrepreneur => EntrepreneurRateCents,
        TariffCategory.Commercial => CommercialRateCents,
        _ => 0,
    };

    /// <summary>The price of using this room from <paramref name="startsAt"/> to <paramref name="endsAt"/> (UTC) at the rate of <paramref name="category"/>.</summary>
    public long PriceFor(TariffCategory category, DateTime startsAt, DateTime endsAt) =>
        RoomRules.Price(Unit, RateFor(category), startsAt, endsAt);

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>A room taken for a time: a booking, or a block when the room is closed. Both live in one table so the
/// database itself refuses any overlap (a trigger on both providers), also when two requests race.</summary>
public sealed class RoomBooking : ITenantOwned, IAudited
{
    public const int TitleMax = 100;
    public const int PartyMax = 100;
    public const int ReasonMax = 200;
    public const string BusyTitle = "Bezet";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RoomId { get; set; }
    public Room? Room { get; set; }
    public BookingKind Kind { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    /// <summary>What colleagues see ("Yoga met Fatima", "Onderhoud verwarming").</summary>
    public required string Title { get; set; }
    /// <summary>What the public calendar feed shows; empty means "Bezet".</summary>
    public string? PublicTitle { get; set; }
    /// <summary>Who uses the room: an organisation or entrepreneur, never needed for own use.</summary>
    public string? Party { get; set; }
    public TariffCategory Category { get; set; }
    /// <summary>Fixed when booked, so a later change of rates does not change what was agreed.</summary>
    public long PriceCents { get; set; }
    /// <summary>Bookings made as one recurring series share this id.</summary>
    public Guid? SeriesId { get; set; }
    public Guid? RequestId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime? CancelledAt { get; set; }
    public string? CancelledByName { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>Raised on every change, for calendar apps (iCal SEQUENCE).</summary>
    public int Sequence { get; set; }

    public bool IsCancelled => CancelledAt is not null;

    /// <summary>Neutral text for a calendar feed: never the party or anything a requester typed about themselves.</summary>
    public string FeedTitle => Kind == BookingKind.Block ? "Gesloten" : string.IsNullOrWhiteSpace(PublicTitle) ? BusyTitle : PublicTitle;

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>An outside party (a neighbourhood entrepreneur, a partner organisation) asks for a room on the public
/// form. A coordinator approves it (it becomes a booking) or declines it with a reason. The contact details are
/// seen only by coordinators and never appear in a booking, the calendar or a feed.</summary>
public sealed class BookingRequest : ITenantOwned, IAudited
{
    public const int OrganisationMax = 100;
    public const int PurposeMax = 100;
    public const int MessageMax = 1000;
    public const int NameMax = 100;
    public const int EmailMax = 200;
    public const int PhoneMax = 30;
    public const int ReasonMax = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RoomId { get; set; }
    public Room? Room { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public TariffCategory Category { get; set; }
    public required string Organisation { get; set; }
    /// <summary>What it is for ("Yogales"); also the booking's public title once approved.</summary>
    public required string Purpose { get; set; }
    public string? Message { get; set; }
    public required string ContactName { get; set; }
    public required string ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public RequestStatus Status { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    public string? DeclineReason { get; set; }
    public Guid? BookingId { get; set; }
    /// <summary>Concurrency token: of two coordinators deciding at once, one wins.</summary>
    public int Version { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}
