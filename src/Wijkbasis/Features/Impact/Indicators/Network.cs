using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Buddies;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Bonding, bridging and linking from data already kept (docs/decisions/0028): the network of people checked in by
/// name at the same session (<see cref="NetworkMath"/>), its E-I index over age band and over buurt, the bridging meetings
/// and the share of people with a bridging tie; and linking through a professional buddy. A person counts in the buurt of
/// their own postcode, as everywhere in the impact monitor; a tie's two ends count each in its own person's row.</summary>
public static class Network
{
    public const string People = "network.people";
    public const string IndexByAge = "network.eiAge";
    public const string IndexByBuurt = "network.eiBuurt";
    public const string MeetingsByAge = "network.bridgingAge";
    public const string MeetingsByBuurt = "network.bridgingBuurt";
    public const string BridgersByAge = "network.bridgersAge";
    public const string BridgersByBuurt = "network.bridgersBuurt";
    public const string ProfessionalBuddy = "linking.professionalBuddy";

    /// <summary>The plain-Dutch explanation of the method at the top of the section in the report (B1).</summary>
    public static readonly IReadOnlyList<string> Method =
    [
        "Hier ziet u of mensen elkaar ontmoeten bij de activiteiten, en wie ze ontmoeten. Bonding is contact binnen de eigen groep: mensen van dezelfde leeftijd of uit dezelfde buurt. Bridging is contact met mensen uit een andere groep. Linking is contact met organisaties, zoals een professionele buddy of een doorverwijzing.",
        "Hoe wij het tellen: twee mensen die op naam zijn aangemeld bij dezelfde bijeenkomst, hebben elkaar ontmoet. Een ontmoeting in een kleine groep telt zwaarder dan een ontmoeting op een groot feest: bij een bijeenkomst met n mensen telt elke ontmoeting voor 1 gedeeld door (n − 1). Zo weegt een tafel van 5 mensen (¼) zwaarder dan een markt van 200 mensen (1/199).",
        "De E-I-index zegt of de contacten vooral binnen of vooral tussen groepen zijn. Hij loopt van −1 (alle contacten binnen de eigen groep: bonding) tot +1 (alle contacten met andere groepen: bridging). We rekenen hem apart uit voor leeftijdsgroep en voor buurt. Een ontmoeting telt mee bij de buurt en de onderneming van elk van de twee mensen.",
        "Ontmoetingen tussen groepen tellen we per bijeenkomst, bij elk van de twee mensen. Wie elkaar drie keer zag, telt drie keer. Het aantal verschillende mensen dat iemand ontmoette tellen we niet: daarvoor zouden we elk paar mensen apart moeten opslaan.",
        "Wat deze cijfers niet laten zien: alleen mensen die op naam zijn aangemeld tellen mee. Wie alleen geteld is (turven) of niet is aangemeld, ontbreekt. Samen in een ruimte zijn is nog geen vriendschap: we zien dat mensen elkaar konden ontmoeten, niet of ze een band kregen. Van wie de leeftijd of de buurt niet bekend is, telt niet mee bij bonding en bridging voor dat kenmerk. Afkomst of achtergrond legt de app niet vast, dus daarover zeggen deze cijfers niets. Bijeenkomsten die een partnerorganisatie leidt, legt de app nog niet vast.",
    ];

    public static IEnumerable<Indicator> All =>
    [
        new(People, IndicatorSection.Network, "Mensen die anderen ontmoetten",
            "Hoeveel verschillende mensen bij minstens één bijeenkomst waren samen met iemand anders die ook op naam was aangemeld.",
            "Personen met minstens één aanmelding bij een bijeenkomst in de periode waar nog minstens één andere persoon op naam was aangemeld.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: false, AboutPersons: true, PeopleAsync),
        new(IndexByAge, IndicatorSection.Network, "Bonding of bridging naar leeftijd (E-I-index)",
            "Van −1 (alle ontmoetingen met mensen uit de eigen leeftijdsgroep) tot +1 (alle ontmoetingen met mensen uit een andere leeftijdsgroep). Leeftijdsgroepen: 0–12, 13–17, 18–64 en 65 jaar en ouder.",
            "E-I-index van Krackhardt en Stern: (E − I) / (E + I). E is het gewicht van de ontmoetingen tussen leeftijdsgroepen, I binnen een leeftijdsgroep. Elke ontmoeting bij een bijeenkomst met n mensen op naam weegt 1 / (n − 1) (Newman). Wie geen geboortejaar heeft, telt niet mee.",
            "Aanmeldingen in het logboek, personen (geboortejaar, buurt)", IndicatorUnit.Index, [], AdditiveOverTime: false, AboutPersons: true, IndexByAgeAsync),
        new(IndexByBuurt, IndicatorSection.Network, "Bonding of bridging naar buurt (E-I-index)",
            "Van −1 (alle ontmoetingen met mensen uit de eigen buurt) tot +1 (alle ontmoetingen met mensen uit een andere buurt).",
            "E-I-index van Krackhardt en Stern: (E − I) / (E + I). E is het gewicht van de ontmoetingen tussen mensen uit verschillende buurten, I uit dezelfde buurt. Elke ontmoeting bij een bijeenkomst met n mensen op naam weegt 1 / (n − 1) (Newman). Wie geen bekende buurt heeft, telt niet mee.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Index, [], AdditiveOverTime: false, AboutPersons: true, IndexByBuurtAsync),
        new(MeetingsByAge, IndicatorSection.Network, "Ontmoetingen tussen leeftijdsgroepen",
            "Hoe vaak iemand bij een bijeenkomst was met iemand uit een andere leeftijdsgroep. Elke ontmoeting telt bij allebei de mensen, en bij elke bijeenkomst opnieuw.",
            "Per bijeenkomst en per persoon met een bekende leeftijd: het aantal andere aanwezigen op naam uit een andere leeftijdsgroep. Opgeteld over de bijeenkomsten, niet over verschillende paren.",
            "Aanmeldingen in het logboek, personen (geboortejaar, buurt)", IndicatorUnit.Count, [], AdditiveOverTime: true, AboutPersons: true, MeetingsByAgeAsync),
        new(MeetingsByBuurt, IndicatorSection.Network, "Ontmoetingen tussen buurten",
            "Hoe vaak iemand bij een bijeenkomst was met iemand uit een andere buurt. Elke ontmoeting telt bij allebei de mensen, en bij elke bijeenkomst opnieuw.",
            "Per bijeenkomst en per persoon met een bekende buurt: het aantal andere aanwezigen op naam uit een andere buurt. Opgeteld over de bijeenkomsten, niet over verschillende paren.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Count, [], AdditiveOverTime: true, AboutPersons: true, MeetingsByBuurtAsync),
        new(BridgersByAge, IndicatorSection.Network, "Aandeel met contact buiten de eigen leeftijdsgroep",
            "Welk deel van de mensen minstens één keer iemand uit een andere leeftijdsgroep ontmoette.",
            "Personen met een bekende leeftijd die minstens één bijeenkomst hadden met iemand uit een andere leeftijdsgroep, gedeeld door de personen met een bekende leeftijd die iemand anders met een bekende leeftijd ontmoetten.",
            "Aanmeldingen in het logboek, personen (geboortejaar, buurt)", IndicatorUnit.Share, [], AdditiveOverTime: false, AboutPersons: true, BridgersByAgeAsync),
        new(BridgersByBuurt, IndicatorSection.Network, "Aandeel met contact buiten de eigen buurt",
            "Welk deel van de mensen minstens één keer iemand uit een andere buurt ontmoette.",
            "Personen met een bekende buurt die minstens één bijeenkomst hadden met iemand uit een andere buurt, gedeeld door de personen met een bekende buurt die iemand anders met een bekende buurt ontmoetten.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Share, [], AdditiveOverTime: false, AboutPersons: true, BridgersByBuurtAsync),
        new(ProfessionalBuddy, IndicatorSection.Network, "Bewoners met een professionele buddy",
            "Hoeveel bewoners in de periode een buddy hadden die bij een organisatie werkt, zoals het wijkteam (linking).",
            "Personen met een casus die in de periode open was en waarvan de buddy nu een professionele buddy is. Een casus die van buddy wisselde, telt bij de huidige buddy.",
            "Casussen, buddy's, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: false, AboutPersons: true, ProfessionalBuddyAsync)
        { SplitsByMonth = false },
    ];

    /// <summary>Per enterprise, buurt and month of the person: the exact weights of their ends for both attributes, and the
    /// persons counted.</summary>
    internal sealed class Group
    {
        public NetworkMath.Weights Age { get; } = new();
        public NetworkMath.Weights Buurt { get; } = new();
        public int People { get; set; }
        public int MeasuredAge { get; set; }
        public int BridgersAge { get; set; }
        public int MeasuredBuurt { get; set; }
        public int BridgersBuurt { get; set; }
    }

    private sealed class Composition
    {
        public int N { get; set; }
        public int[] Bands { get; } = new int[5];
        public Dictionary<string, int> Buurten { get; } = new(StringComparer.Ordinal);
        public int KnownBuurt { get; set; }
    }

    private readonly record struct Flags(bool MeasuredAge, bool BridgesAge, bool MeasuredBuurt, bool BridgesBuurt);

    /// <summary>One named check-in: the session, the person and what the figures need of them.</summary>
    internal sealed record Visit(Guid SessionId, Guid PersonId, Guid TenantId, string? BuurtCode, int? BirthYear, DateTime StartsAt, DateOnly Date);

    /// <summary>The check-ins of a span, read once as plain rows (one join, no grouping: a city year is about 1.9 million
    /// rows). When the calculation covers one calendar year (the municipal cube) the year is read once and every period of it
    /// takes its slice, as reach does.</summary>
    private static async Task<IReadOnlyList<Visit>> VisitsAsync(ImpactQuery q, CancellationToken ct)
    {
        async Task<List<Visit>> Read(DateTime start, DateTime end) => await (
            from c in q.CheckIns
            join s in q.Sessions on c.SessionId equals s.Id
            where s.StartsAt >= start && s.StartsAt < end
            join p in q.People on c.PersonId equals p.Id
            select new Visit(c.SessionId, c.PersonId, p.TenantId, p.BuurtCode, p.BirthYear, s.StartsAt, s.OccurrenceDate))
            .ToListAsync(ct);
        if (q.Memo.Year is { } year && q.Period.From.Year == year && q.Period.Until <= new DateOnly(year + 1, 1, 1))
        {
            var (yearStart, _, _, _, yearEnd) = Reach.YearBounds(year);
            var all = await q.Memo.GetAsync(("network.visits.year", year), () => Read(yearStart, yearEnd));
            var (from, until) = (q.FromUtc, q.UntilUtc);
            return from == yearStart && until == yearEnd ? all : all.Where(v => v.StartsAt >= from && v.StartsAt < until).ToList();
        }
        return await Read(q.FromUtc, q.UntilUtc);
    }

    /// <summary>Age band as a number: 0 unknown, 1 0–12, 2 13–17, 3 18–64, 4 65+ (reach's bands, at the end of the period).</summary>
    internal static int Band(int? birthYear, int year) => birthYear is not { } born ? 0
        : year - born < 13 ? 1 : year - born < 18 ? 2 : year - born < 65 ? 3 : 4;

    /// <summary>Per enterprise, buurt and month of the person: the exact weights of their ends for both attributes, and the
    /// persons counted. Pair-free: per session only its size and counts per category; no pair of people is ever formed.</summary>
    internal static Task<Dictionary<(Guid TenantId, string? BuurtCode, int Month), Group>> GroupsAsync(ImpactQuery q, CancellationToken ct) =>
        q.Memo.GetAsync(("network", q.Period, q.ByMonth), async () => Compute(await VisitsAsync(q, ct), q.Period.To.Year, q.ByMonth));

    internal static Dictionary<(Guid TenantId, string? BuurtCode, int Month), Group> Compute(IReadOnlyList<Visit> visits, int year, bool byMonth)
    {
        // The composition of every session: its size, and its named attendees per age band and per buurt.
        var sessions = new Dictionary<Guid, Composition>();
        foreach (var v in visits)
        {
            if (!sessions.TryGetValue(v.SessionId, out var c))
            {
                sessions[v.SessionId] = c = new Composition();
            }
            c.N++;
            c.Bands[Band(v.BirthYear, year)]++;
            if (v.BuurtCode is { } b)
            {
                c.Buurten[b] = c.Buurten.GetValueOrDefault(b) + 1;
                c.KnownBuurt++;
            }
        }
        var groups = new Dictionary<(Guid, string?, int), Group>();
        // Per person and month what is known so far; a person belongs to one enterprise and buurt, so to one group.
        var persons = new Dictionary<(Guid Person, int Month), Flags>();
        foreach (var v in visits)
        {
            var c = sessions[v.SessionId];
            var n = c.N;
            if (n < 2)
            {
                continue;
            }
            var month = byMonth ? v.Date.Year * 100 + v.Date.Month : 0;
            var key = (v.TenantId, v.BuurtCode, month);
            if (!groups.TryGetValue(key, out var g))
            {
                groups[key] = g = new Group();
            }
            var band = Band(v.BirthYear, year);
            var age = new NetworkMath.End(n, n - c.Bands[0], band == 0 ? 0 : c.Bands[band]);
            var buurt = new NetworkMath.End(n, c.KnownBuurt, v.BuurtCode is { } b ? c.Buurten[b] : 0);
            g.Age.Add(age);
            g.Buurt.Add(buurt);
            var seen = persons.TryGetValue((v.PersonId, month), out var was);
            var now = new Flags(was.MeasuredAge || age.Measured, was.BridgesAge || age.Bridges,
                was.MeasuredBuurt || buurt.Measured, was.BridgesBuurt || buurt.Bridges);
            g.People += seen ? 0 : 1;
            g.MeasuredAge += now.MeasuredAge && !was.MeasuredAge ? 1 : 0;
            g.BridgersAge += now.BridgesAge && !was.BridgesAge ? 1 : 0;
            g.MeasuredBuurt += now.MeasuredBuurt && !was.MeasuredBuurt ? 1 : 0;
            g.BridgersBuurt += now.BridgesBuurt && !was.BridgesBuurt ? 1 : 0;
            persons[(v.PersonId, month)] = now;
        }
        return groups;
    }

    private static async Task<IReadOnlyList<FigureRow>> RowsAsync(ImpactQuery q, Func<Group, FigureRow?> row, CancellationToken ct)
    {
        var result = new List<FigureRow>();
        foreach (var ((tenantId, buurtCode, month), g) in await GroupsAsync(q, ct))
        {
            if (row(g) is { } r)
            {
                result.Add(r with { TenantId = tenantId, BuurtCode = buurtCode, Month = q.ByMonth ? month : null });
            }
        }
        return result;
    }

    private static FigureRow Row(decimal value, decimal? of, long @base) => new(Guid.Empty, null, null, FigureRow.Whole, value, of, @base);

    private static Task<IReadOnlyList<FigureRow>> PeopleAsync(ImpactQuery q, CancellationToken ct) =>
        RowsAsync(q, g => g.People > 0 ? Row(g.People, null, g.People) : null, ct);

    // E-I as a ratio: value E − I over E + I, resting on the persons measured.
    private static Task<IReadOnlyList<FigureRow>> IndexByAgeAsync(ImpactQuery q, CancellationToken ct) =>
        RowsAsync(q, g => g.MeasuredAge > 0 ? Row(g.Age.External - g.Age.Internal, g.Age.External + g.Age.Internal, g.MeasuredAge) : null, ct);

    private static Task<IReadOnlyList<FigureRow>> IndexByBuurtAsync(ImpactQuery q, CancellationToken ct) =>
        RowsAsync(q, g => g.MeasuredBuurt > 0 ? Row(g.Buurt.External - g.Buurt.Internal, g.Buurt.External + g.Buurt.Internal, g.MeasuredBuurt) : null, ct);

    private static Task<IReadOnlyList<FigureRow>> MeetingsByAgeAsync(ImpactQuery q, CancellationToken ct) =>
        RowsAsync(q, g => g.BridgersAge > 0 ? Row(g.Age.Meetings, null, g.BridgersAge) : null, ct);

    private static Task<IReadOnlyList<FigureRow>> MeetingsByBuurtAsync(ImpactQuery q, CancellationToken ct) =>
        RowsAsync(q, g => g.BridgersBuurt > 0 ? Row(g.Buurt.Meetings, null, g.BridgersBuurt) : null, ct);

    private static Task<IReadOnlyList<FigureRow>> BridgersByAgeAsync(ImpactQuery q, CancellationToken ct) =>
        RowsAsync(q, g => g.MeasuredAge > 0 ? Row(g.BridgersAge, g.MeasuredAge, g.MeasuredAge) : null, ct);

    private static Task<IReadOnlyList<FigureRow>> BridgersByBuurtAsync(ImpactQuery q, CancellationToken ct) =>
        RowsAsync(q, g => g.MeasuredBuurt > 0 ? Row(g.BridgersBuurt, g.MeasuredBuurt, g.MeasuredBuurt) : null, ct);

    /// <summary>Linking: residents whose case was open at some moment of the period with a professional buddy (someone from an
    /// organisation such as the wijkteam). A stock over the period: a trend counts it month by month.</summary>
    private static async Task<IReadOnlyList<FigureRow>> ProfessionalBuddyAsync(ImpactQuery q, CancellationToken ct)
    {
        var (start, end) = (q.FromUtc, q.UntilUtc);
        var rows = await (
            from c in q.Cases
            where c.OpenedAt < end && (c.ClosedAt == null || c.ClosedAt >= start)
            join b in q.Buddies on c.OwnerBuddyId equals b.Id
            where b.Kind == BuddyKind.Professional
            join p in q.People on c.PersonId equals p.Id
            group c.PersonId by new { p.TenantId, p.BuurtCode } into g
            select new { g.Key.TenantId, g.Key.BuurtCode, Persons = g.Distinct().Count() })
            .ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.TenantId, r.BuurtCode, null, FigureRow.Whole, r.Persons, null, r.Persons)).ToList();
    }
}
