using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.MoneyFlows;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Features.Talents;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Features.Volunteers;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Impact;

/// <summary>Whose figures: one enterprise (the one the request is in, through the tenant filter) or every enterprise
/// of a municipality (the municipal view; through <see cref="TenantBypass.ForImpact{T}"/>, aggregates only).</summary>
public sealed record ImpactScope(IReadOnlyList<Guid> TenantIds, bool IsMunicipality)
{
    public static ImpactScope Enterprise(Guid tenantId) => new([tenantId], false);

    public static ImpactScope Municipality(IReadOnlyList<Guid> tenantIds) => new(tenantIds, true);
}

/// <summary>What an indicator's query reads: the records of the scope (every enterprise's rows, past the buddy
/// programme's access filter: the figures are counts, never rows), the period and whether to split by month.</summary>
public sealed class ImpactQuery(WijkbasisDb db, FieldCipher cipher, ImpactScope scope, ImpactPeriod period, bool byMonth, DateOnly today,
    ImpactMemo? memo = null)
{
    public WijkbasisDb Db { get; } = db;
    public FieldCipher Cipher { get; } = cipher;
    public ImpactScope Scope { get; } = scope;
    public ImpactPeriod Period { get; } = period;
    public DateOnly From => Period.From;
    public DateOnly Until => Period.Until;
    /// <summary>Split every row by month (for trends); otherwise <see cref="FigureRow.Month"/> is null.</summary>
    public bool ByMonth { get; } = byMonth;
    /// <summary>Today in Amsterdam: a period that runs into the future counts only what has happened.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>Start of the period as a UTC instant (for rows stamped with a time).</summary>
    public DateTime FromUtc => Infrastructure.Time.Clock.FromAmsterdam(From, TimeOnly.MinValue);
    public DateTime UntilUtc => Infrastructure.Time.Clock.FromAmsterdam(Until, TimeOnly.MinValue);

    public IQueryable<T> Rows<T>() where T : class, ITenantOwned => TenantBypass.ForImpact<T>(Db, Scope.TenantIds);

    public IQueryable<Person> People => Rows<Person>();
    public IQueryable<Session> Sessions => Rows<Session>();
    public IQueryable<CheckIn> CheckIns => Rows<CheckIn>();
    public IQueryable<HeadCount> HeadCounts => Rows<HeadCount>();
    public IQueryable<LogEntry> LogEntries => Rows<LogEntry>();
    public IQueryable<Volunteer> Volunteers => Rows<Volunteer>();
    public IQueryable<VolunteerHours> VolunteerHours => Rows<VolunteerHours>();
    public IQueryable<Contribution> Contributions => Rows<Contribution>();
    public IQueryable<Intake> Intakes => Rows<Intake>();
    public IQueryable<Case> Cases => Rows<Case>();
    public IQueryable<CaseContact> CaseContacts => Rows<CaseContact>();
    public IQueryable<ProgrammeSettings> ProgrammeSettings => Rows<ProgrammeSettings>();
    public IQueryable<LedgerEntry> LedgerEntries => Rows<LedgerEntry>();
    public IQueryable<Match> Matches => Rows<Match>();
    public IQueryable<TimeCreditTransfer> TimeCreditTransfers => Rows<TimeCreditTransfer>();
    public IQueryable<TimeCreditAccount> TimeCreditAccounts => Rows<TimeCreditAccount>();
    public IQueryable<Room> Rooms => Rows<Room>();
    public IQueryable<RoomBooking> RoomBookings => Rows<RoomBooking>();
    public IQueryable<MoneyLine> MoneyLines => Rows<MoneyLine>();
    public IQueryable<Buddy> Buddies => Rows<Buddy>();

    /// <summary>What indicators of one calculation share (the same scope throughout): rows one query gave that another
    /// indicator or period can use again.</summary>
    public ImpactMemo Memo { get; } = memo ?? new ImpactMemo(null);

    /// <summary>The month key of a day when splitting by month, else null.</summary>
    public int? MonthOf(DateOnly day) => ByMonth ? ImpactPeriod.MonthKey(day) : null;
}

/// <summary>Results shared by the indicators of one calculation (one scope, one request, one after the other): one reach
/// query serves unique visitors, age bands, visits, returning visitors and the share of the inhabitants; and when the
/// calculation covers one calendar year (<see cref="Year"/>: the municipal cube, which asks for the year, its quarters and
/// its months), a source may compute every grain of that year in one pass and hand each period its slice.</summary>
public sealed class ImpactMemo(int? year)
{
    private readonly Dictionary<object, object> values = [];

    /// <summary>The calendar year every period of this calculation lies in; null when not known.</summary>
    public int? Year { get; } = year;

    public async Task<T> GetAsync<T>(object key, Func<Task<T>> compute) where T : class
    {
        if (values.TryGetValue(key, out var value))
        {
            return (T)value;
        }
        var computed = await compute();
        values[key] = computed;
        return computed;
    }
}
