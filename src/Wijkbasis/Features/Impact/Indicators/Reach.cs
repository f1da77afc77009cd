using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Reach: who came. A person is counted in the buurt of their postcode (null when not known).</summary>
public static class Reach
{
    public const string Persons = "reach.persons";
    public const string New = "reach.new";
    public const string Returning = "reach.returning";
    public const string ByAge = "reach.age";

    public static readonly IReadOnlyList<IndicatorPart> AgeBands =
    [
        new("children", "0–12 jaar"),
        new("teens", "13–17 jaar"),
        new("adults", "18–64 jaar"),
        new("seniors", "65 jaar en ouder"),
        new("unknown", "Leeftijd onbekend"),
    ];

    public static IEnumerable<Indicator> All =>
    [
        new(Persons, IndicatorSection.Reach, "Unieke bezoekers",
            "Hoeveel verschillende mensen op naam zijn aangemeld bij een bijeenkomst. Wie vaker kwam, telt één keer.",
            "Het aantal verschillende personen met minstens één aanmelding bij een bijeenkomst in de periode.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: false, AboutPersons: true,
            PersonsReached),
        new(New, IndicatorSection.Reach, "Nieuwe bezoekers",
            "Mensen die in deze periode voor het eerst kwamen.",
            "Personen van wie de eerste aanmelding ooit (bij deze onderneming) in de periode valt.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: true, AboutPersons: true,
            NewPersons),
        new(Returning, IndicatorSection.Reach, "Terugkerende bezoekers",
            "Mensen die in deze periode kwamen en er eerder ook al waren.",
            "Unieke bezoekers min nieuwe bezoekers.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: false, AboutPersons: true,
            ReturningPersons),
        new(ByAge, IndicatorSection.Reach, "Unieke bezoekers per leeftijd",
            "De unieke bezoekers verdeeld naar leeftijd aan het eind van de periode (uit het geboortejaar).",
            "Unieke bezoekers, verdeeld naar leeftijd: einde van de periode min geboortejaar.",
            "Aanmeldingen in het logboek, personen (geboortejaar, buurt)", IndicatorUnit.Persons, AgeBands, AdditiveOverTime: false,
            AboutPersons: true, PersonsByAge),
    ];

    /// <summary>One row per enterprise, buurt, month (0 when not split by month), age band and role (drager, vrager — a
    /// person who is both counts as drager — or none): the distinct persons who came and their visits. A person has one
    /// band and one role, so the persons of the rows add up to the persons of the buurt.</summary>
    internal sealed record VisitGroup(Guid TenantId, string? BuurtCode, int Month, string Band, string Role, int Persons, int Visits);

    internal const string Drager = "drager", Vrager = "vrager", NoRole = "none";

    /// <summary>The check-ins of the period joined to their sessions and persons, counted once for every indicator that
    /// reads them (unique, age bands, returning, share of the inhabitants, visits on name).</summary>
    internal static Task<List<VisitGroup>> VisitsAsync(ImpactQuery q, CancellationToken ct) =>
        q.Memo.Year is { } year && YearGrain(q, year) is { } grain && q.Db.Database.IsNpgsql()
            ? VisitsSliceOfYear(q, year, grain, ct)
            : q.Memo.GetAsync(("reach.visits", q.Period, q.ByMonth), async () =>
        {
            var byMonth = q.ByMonth;
            var year = q.Period.To.Year;
            return await (
                from c in q.CheckIns
                join s in q.Sessions on c.SessionId equals s.Id
                where s.StartsAt >= q.FromUtc && s.StartsAt < q.UntilUtc
                join p in q.People on c.PersonId equals p.Id
                let band = p.BirthYear == null ? "unknown"
                    : year - p.BirthYear < 13 ? "children"
                    : year - p.BirthYear < 18 ? "teens"
                    : year - p.BirthYear < 65 ? "adults"
                    : "seniors"
                let role = p.IsDrager ? Drager : p.IsVrager ? Vrager : NoRole
                group c.PersonId by new { p.TenantId, p.BuurtCode, Month = EF.Constant(byMonth) ? s.OccurrenceDate.Year * 100 + s.OccurrenceDate.Month : 0, Band = band, Role = role } into g
                select new VisitGroup(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Key.Band, g.Key.Role, g.Distinct().Count(), g.Count()))
                .ToListAsync(ct);
        });

    /// <summary>A row of <see cref="VisitsOfYearSql"/>: Quarter and Month are 0 on the rows of the grains they are not.</summary>
    private sealed class YearVisitRow
    {
        public Guid TenantId { get; init; }
        public string? BuurtCode { get; init; }
        public string Band { get; init; } = "";
        public string Role { get; init; } = "";
        public int Quarter { get; init; }
        public int Month { get; init; }
        public int Persons { get; init; }
        public int Visits { get; init; }
    }

    /// <summary>PostgreSQL: the year's check-ins read once for all 17 grains of the municipal cube. First one row per person
    /// and month, then distinct persons per year, quarter (by the session's start, as the periods are cut) and month (by
    /// the session's date, as the trend splits) with GROUPING SETS, which EF cannot express; the LINQ of
    /// <see cref="VisitsAsync"/> is the same figure per period (and what SQLite runs). Reads only the scope's enterprises,
    /// as <see cref="ImpactQuery.Rows{T}"/> does, under the same row-level security.</summary>
    private const string VisitsOfYearSql = """
        WITH pm AS MATERIALIZED (
            SELECT p."TenantId" AS t, p."BuurtCode" AS b, c."PersonId" AS pid,
                   CASE WHEN p."BirthYear" IS NULL THEN 'unknown' WHEN @year - p."BirthYear" < 13 THEN 'children'
                        WHEN @year - p."BirthYear" < 18 THEN 'teens' WHEN @year - p."BirthYear" < 65 THEN 'adults' ELSE 'seniors' END AS band,
                   CASE WHEN p."IsDrager" THEN 'drager' WHEN p."IsVrager" THEN 'vrager' ELSE 'none' END AS role,
                   CASE WHEN s."StartsAt" < @q2 THEN 1 WHEN s."StartsAt" < @q3 THEN 2 WHEN s."StartsAt" < @q4 THEN 3 ELSE 4 END AS q,
                   extract(month FROM s."OccurrenceDate")::int AS m,
                   count(*)::int AS n
            FROM "CheckIns" c
            JOIN "Sessions" s ON s."Id" = c."SessionId"
            JOIN "People" p ON p."Id" = c."PersonId"
            WHERE c."TenantId" = ANY(@tenants) AND s."TenantId" = ANY(@tenants) AND p."TenantId" = ANY(@tenants)
              AND s."StartsAt" >= @from AND s."StartsAt" < @until
            GROUP BY 1, 2, 3, 4, 5, 6, 7)
        SELECT t AS "TenantId", b AS "BuurtCode", band AS "Band", role AS "Role",
               CASE WHEN GROUPING(q) = 0 THEN q ELSE 0 END AS "Quarter", CASE WHEN GROUPING(m) = 0 THEN m ELSE 0 END AS "Month",
               count(DISTINCT pid)::int AS "Persons", sum(n)::int AS "Visits"
        FROM pm
        GROUP BY GROUPING SETS ((t, b, band, role), (t, b, band, role, q), (t, b, band, role, m))
        """;

    private static async Task<List<VisitGroup>> VisitsSliceOfYear(ImpactQuery q, int year, int grain, CancellationToken ct)
    {
        var all = await q.Memo.GetAsync(("reach.visits.year", year), () =>
        {
            var (from, q2, q3, q4, until) = YearBounds(year);
            return q.Db.Database.SqlQueryRaw<YearVisitRow>(VisitsOfYearSql,
                new Npgsql.NpgsqlParameter("tenants", q.Scope.TenantIds.ToArray()),
                new Npgsql.NpgsqlParameter("year", year),
                new Npgsql.NpgsqlParameter("from", from),
                new Npgsql.NpgsqlParameter("q2", q2),
                new Npgsql.NpgsqlParameter("q3", q3),
                new Npgsql.NpgsqlParameter("q4", q4),
                new Npgsql.NpgsqlParameter("until", until))
                .ToListAsync(ct);
        });
        return all.Where(r => grain switch { 0 => r.Quarter == 0 && r.Month == 0, 5 => r.Month > 0, _ => r.Quarter == grain })
            .Select(r => new VisitGroup(r.TenantId, r.BuurtCode, grain == 5 ? year * 100 + r.Month : 0, r.Band, r.Role, r.Persons, r.Visits))
            .ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> PersonsReached(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        return (await VisitsAsync(q, ct))
            .GroupBy(v => (v.TenantId, v.BuurtCode, v.Month))
            .Select(g => Persons_(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, FigureRow.Whole, g.Sum(v => v.Persons), byMonth))
            .ToList();
    }

    private sealed record NewGroup(Guid TenantId, string? BuurtCode, int Month, int Count);

    private static Task<List<NewGroup>> NewGroupsAsync(ImpactQuery q, CancellationToken ct) =>
        q.Memo.Year is { } year && YearGrain(q, year) is { } grain
            ? SliceOfYear(q, year, grain, ct)
            : q.Memo.GetAsync(("reach.new", q.Period, q.ByMonth), async () =>
            {
                var byMonth = q.ByMonth;
                var start = q.FromUtc;
                var end = q.UntilUtc;
                // Per person their first visit in the period, kept only when they have no visit before the period.
                var firsts =
                    from c in q.CheckIns
                    join s in q.Sessions on c.SessionId equals s.Id
                    where s.StartsAt >= start && s.StartsAt < end
                    group s.OccurrenceDate by c.PersonId into g
                    select new { PersonId = g.Key, First = g.Min() };
                return await (
                    from f in firsts
                    where !(from c in q.CheckIns
                            join s in q.Sessions on c.SessionId equals s.Id
                            where c.PersonId == f.PersonId && s.StartsAt < start
                            select c.Id).Any()
                    join p in q.People on f.PersonId equals p.Id
                    group f.PersonId by new { p.TenantId, p.BuurtCode, Month = EF.Constant(byMonth) ? f.First.Year * 100 + f.First.Month : 0 } into g
                    select new NewGroup(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Count()))
                    .ToListAsync(ct);
            });

    /// <summary>Which grain of the memo's year the query asks for: 0 the year, 1–4 a quarter, 5 the year split by month;
    /// null for anything else.</summary>
    internal static int? YearGrain(ImpactQuery q, int year)
    {
        var p = q.Period;
        if (p.From == new DateOnly(year, 1, 1) && p.Until == new DateOnly(year + 1, 1, 1))
        {
            return q.ByMonth ? 5 : 0;
        }
        return p.Kind == PeriodKind.Quarter && p.From.Year == year && !q.ByMonth ? (p.From.Month - 1) / 3 + 1 : null;
    }

    /// <summary>The instants a year's quarters start (Amsterdam midnight, as <see cref="ImpactQuery.FromUtc"/>), and the next
    /// year's start.</summary>
    internal static (DateTime From, DateTime Q2, DateTime Q3, DateTime Q4, DateTime Until) YearBounds(int year)
    {
        static DateTime Start(int year, int month) => Infrastructure.Time.Clock.FromAmsterdam(new DateOnly(year, month, 1), TimeOnly.MinValue);
        return (Start(year, 1), Start(year, 4), Start(year, 7), Start(year, 10), Start(year + 1, 1));
    }

    /// <summary>New persons at every grain of a year in one pass: a person is new in the period their first visit ever
    /// falls in (the quarter by the session's start, as the periods are cut; the month by the session's date, as the
    /// trend splits), so per first quarter and first month the counts add up to any of the year's grains.</summary>
    private static async Task<List<NewGroup>> SliceOfYear(ImpactQuery q, int year, int grain, CancellationToken ct)
    {
        var all = await q.Memo.GetAsync(("reach.new.year", year), async () =>
        {
            var (yearStart, q2, q3, q4, until) = YearBounds(year);
            var firsts =
                from c in q.CheckIns
                join s in q.Sessions on c.SessionId equals s.Id
                where s.StartsAt < until
                group s by c.PersonId into g
                select new { PersonId = g.Key, First = g.Min(s => s.StartsAt), FirstDay = g.Min(s => s.OccurrenceDate) };
            return await (
                from f in firsts
                where f.First >= yearStart
                join p in q.People on f.PersonId equals p.Id
                group f.PersonId by new
                {
                    p.TenantId, p.BuurtCode,
                    Quarter = f.First < q2 ? 1 : f.First < q3 ? 2 : f.First < q4 ? 3 : 4,
                    Month = f.FirstDay.Month,
                } into g
                select new { g.Key.TenantId, g.Key.BuurtCode, g.Key.Quarter, g.Key.Month, Count = g.Count() })
                .ToListAsync(ct);
        });
        return all.Where(r => grain is 0 or 5 || r.Quarter == grain)
            .GroupBy(r => (r.TenantId, r.BuurtCode, Month: grain == 5 ? year * 100 + r.Month : 0))
            .Select(g => new NewGroup(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Sum(r => r.Count)))
            .ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> NewPersons(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        return (await NewGroupsAsync(q, ct)).Select(r => Persons_(r.TenantId, r.BuurtCode, r.Month, FigureRow.Whole, r.Count, byMonth)).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> ReturningPersons(ImpactQuery q, CancellationToken ct)
    {
        var reached = await PersonsReached(q, ct);
        var fresh = (await NewPersons(q, ct)).ToDictionary(r => (r.TenantId, r.BuurtCode, r.Month), r => r.Value);
        return reached.Select(r =>
        {
            var value = r.Value - fresh.GetValueOrDefault((r.TenantId, r.BuurtCode, r.Month));
            return r with { Value = value, Base = (long)value };
        }).Where(r => r.Value > 0).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> PersonsByAge(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        return (await VisitsAsync(q, ct))
            .GroupBy(v => (v.TenantId, v.BuurtCode, v.Month, v.Band))
            .Select(g => Persons_(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Key.Band, g.Sum(v => v.Persons), byMonth))
            .ToList();
    }

    private static FigureRow Persons_(Guid tenantId, string? buurtCode, int month, string part, int count, bool byMonth) =>
        new(tenantId, buurtCode, byMonth ? month : null, part, count, null, count);
}
