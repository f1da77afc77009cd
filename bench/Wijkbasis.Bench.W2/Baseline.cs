using Npgsql;
using NpgsqlTypes;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Impact.Indicators;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Bench.W2;

/// <summary>The baseline: the same figures as the app's cube, written by hand in SQL for speed and read with raw Npgsql
/// (no EF). Every grain (the year, its quarters, its months) comes out of one pass per source with GROUPING SETS; one
/// statement serves several indicators where they read the same rows. The rows come back as the app's
/// <see cref="FigureRow"/>s, per indicator and time (0 the year, 1–4 the quarters, 5–16 the months), so the two can be
/// compared row for row.</summary>
internal sealed class Baseline(NpgsqlDataSource dataSource, IReadOnlyList<Guid> tenants, int year, DateOnly today)
{
    /// <summary>The indicators the baseline computes (the rest are listed in bench/README.md).</summary>
    public static readonly IReadOnlyList<string> Covers =
    [
        Reach.Persons, Reach.New, Reach.Returning, Reach.ByAge, Population.ReachShare,
        Activities.Sessions, Activities.CheckIns, Activities.HeadCounts,
        Volunteering.Registered, Volunteering.Active, Volunteering.Hours, Volunteering.VogValid,
    ];

    private const int Times = 17;
    private readonly Dictionary<string, List<FigureRow>[]> rows = Covers.ToDictionary(id => id, _ => Enumerable.Range(0, Times).Select(_ => new List<FigureRow>()).ToArray());

    private DateTime FromUtc => Clock.FromAmsterdam(new DateOnly(year, 1, 1), TimeOnly.MinValue);
    private DateTime UntilUtc => Clock.FromAmsterdam(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue);

    /// <summary>The time index of a row from its grouping: the year, the quarter or the month.</summary>
    private static int TimeOf(int? quarter, int? month) => month is { } m ? 4 + m : quarter is { } q ? q : 0;

    private int? MonthKey(int time) => time >= 5 ? year * 100 + time - 4 : null;

    public async Task<Dictionary<string, List<FigureRow>[]>> ComputeAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await ReachAndVisitsAsync(connection, ct);
        await NewAsync(connection, ct);
        await PopulationAsync(connection, ct);
        await SessionsAndHeadCountsAsync(connection, ct);
        await VolunteerHoursAsync(connection, ct);
        await VolunteerListAsync(connection, ct);
        return rows;
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter("tenants", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = tenants.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = FromUtc });
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = UntilUtc });
        command.Parameters.Add(new NpgsqlParameter("first", NpgsqlDbType.Date) { Value = new DateOnly(year, 1, 1) });
        command.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.Date) { Value = new DateOnly(year + 1, 1, 1) });
        command.Parameters.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer) { Value = year });
        command.Parameters.Add(new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = today });
        return command;
    }

    /// <summary>Check-ins of the year, one row per person and month (sessions by their start, months by their date), then
    /// distinct persons, visits and the age bands at every grain: reach.persons, reach.age, activities.checkIns.</summary>
    private async Task ReachAndVisitsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            WITH pm AS MATERIALIZED (
                SELECT p."TenantId" AS t, p."BuurtCode" AS b, c."PersonId" AS pid,
                       CASE WHEN p."BirthYear" IS NULL THEN 'unknown' WHEN @year - p."BirthYear" < 13 THEN 'children'
                            WHEN @year - p."BirthYear" < 18 THEN 'teens' WHEN @year - p."BirthYear" < 65 THEN 'adults' ELSE 'seniors' END AS band,
                       extract(quarter FROM s."StartsAt" AT TIME ZONE 'Europe/Amsterdam')::int AS q,
                       extract(month FROM s."OccurrenceDate")::int AS m,
                       count(*) AS n
                FROM "CheckIns" c
                JOIN "Sessions" s ON s."Id" = c."SessionId"
                JOIN "People" p ON p."Id" = c."PersonId"
                WHERE c."TenantId" = ANY(@tenants) AND s."TenantId" = ANY(@tenants) AND p."TenantId" = ANY(@tenants)
                  AND s."StartsAt" >= @from AND s."StartsAt" < @until
                GROUP BY 1, 2, 3, 4, 5, 6)
            SELECT t, b, CASE WHEN GROUPING(band) = 0 THEN band END, CASE WHEN GROUPING(q) = 0 THEN q END,
                   CASE WHEN GROUPING(m) = 0 THEN m END, count(DISTINCT pid), sum(n)::bigint
            FROM pm
            GROUP BY GROUPING SETS ((t, b), (t, b, q), (t, b, m), (t, b, band), (t, b, band, q), (t, b, band, m))
            """;
        await using var command = Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var tenant = reader.GetGuid(0);
            var buurt = reader.IsDBNull(1) ? null : reader.GetString(1);
            var band = reader.IsDBNull(2) ? null : reader.GetString(2);
            var time = TimeOf(reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4));
            var persons = reader.GetInt64(5);
            var visits = reader.GetInt64(6);
            if (band is null)
            {
                rows[Reach.Persons][time].Add(new(tenant, buurt, MonthKey(time), FigureRow.Whole, persons, null, persons));
                rows[Activities.CheckIns][time].Add(new(tenant, buurt, MonthKey(time), FigureRow.Whole, visits, null, persons));
            }
            else
            {
                rows[Reach.ByAge][time].Add(new(tenant, buurt, MonthKey(time), band, persons, null, persons));
            }
        }
    }

    /// <summary>New persons: those whose first visit ever (to the enterprise) falls in the period; at month grain by the
    /// month of that first visit. Returning: reached minus new, where that is more than nothing.</summary>
    private async Task NewAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            WITH firsts AS (
                SELECT c."PersonId" AS pid, min(s."StartsAt") AS first_at, min(s."OccurrenceDate") AS first_day
                FROM "CheckIns" c
                JOIN "Sessions" s ON s."Id" = c."SessionId"
                WHERE c."TenantId" = ANY(@tenants) AND s."TenantId" = ANY(@tenants) AND s."StartsAt" < @until
                GROUP BY c."PersonId"
                HAVING min(s."StartsAt") >= @from),
            f AS (
                SELECT p."TenantId" AS t, p."BuurtCode" AS b,
                       extract(quarter FROM f.first_at AT TIME ZONE 'Europe/Amsterdam')::int AS q,
                       extract(month FROM f.first_day)::int AS m
                FROM firsts f JOIN "People" p ON p."Id" = f.pid
                WHERE p."TenantId" = ANY(@tenants))
            SELECT t, b, CASE WHEN GROUPING(q) = 0 THEN q END, CASE WHEN GROUPING(m) = 0 THEN m END, count(*)
            FROM f
            GROUP BY GROUPING SETS ((t, b), (t, b, q), (t, b, m))
            """;
        var fresh = new Dictionary<(Guid, string?, int), long>();
        await using (var command = Command(connection, sql))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var tenant = reader.GetGuid(0);
                var buurt = reader.IsDBNull(1) ? null : reader.GetString(1);
                var time = TimeOf(reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3));
                var count = reader.GetInt64(4);
                rows[Reach.New][time].Add(new(tenant, buurt, MonthKey(time), FigureRow.Whole, count, null, count));
                fresh[(tenant, buurt, time)] = count;
            }
        }
        for (var time = 0; time < Times; time++)
        {
            foreach (var reached in rows[Reach.Persons][time])
            {
                var value = reached.Value - fresh.GetValueOrDefault((reached.TenantId, reached.BuurtCode, time));
                if (value > 0)
                {
                    rows[Reach.Returning][time].Add(reached with { Value = value, Base = (long)value });
                }
            }
        }
    }

    /// <summary>Reach against the buurt's inhabitants (the latest CBS year up to this one); the inhabitants on a row of
    /// their own per buurt, owned by no enterprise.</summary>
    private async Task PopulationAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            SELECT DISTINCT ON ("BuurtCode") "BuurtCode", "Inhabitants"
            FROM "BuurtPopulations" WHERE "Year" <= @year
            ORDER BY "BuurtCode", "Year" DESC
            """;
        var inhabitants = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = Command(connection, sql))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetInt32(1) > 0)
                {
                    inhabitants[reader.GetString(0)] = reader.GetInt32(1);
                }
            }
        }
        for (var time = 0; time < Times; time++)
        {
            var reached = rows[Reach.Persons][time].Where(r => r.BuurtCode is { } b && inhabitants.ContainsKey(b)).ToList();
            rows[Population.ReachShare][time].AddRange(reached);
            foreach (var buurt in reached.Select(r => r.BuurtCode!).Distinct())
            {
                rows[Population.ReachShare][time].Add(new(Guid.Empty, buurt, MonthKey(time), FigureRow.Whole, 0, inhabitants[buurt], null));
            }
        }
    }

    /// <summary>Sessions held (not cancelled, up to today) and the head counts of the year's sessions, per enterprise.</summary>
    private async Task SessionsAndHeadCountsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            WITH s AS MATERIALIZED (
                SELECT "Id", "TenantId" AS t, ("CancelledAt" IS NULL AND "OccurrenceDate" <= @today) AS held,
                       extract(quarter FROM "StartsAt" AT TIME ZONE 'Europe/Amsterdam')::int AS q,
                       extract(month FROM "OccurrenceDate")::int AS m
                FROM "Sessions"
                WHERE "TenantId" = ANY(@tenants) AND "StartsAt" >= @from AND "StartsAt" < @until),
            h AS (
                SELECT s.t, s.q, s.m, sum(h."Children") AS children, sum(h."Teens") AS teens, sum(h."Adults") AS adults, sum(h."Seniors") AS seniors
                FROM "HeadCounts" h JOIN s ON s."Id" = h."SessionId"
                WHERE h."TenantId" = ANY(@tenants)
                GROUP BY 1, 2, 3),
            held AS (
                SELECT t, q, m, count(*) AS n FROM s WHERE held GROUP BY 1, 2, 3)
            SELECT 's', t, CASE WHEN GROUPING(q) = 0 THEN q END, CASE WHEN GROUPING(m) = 0 THEN m END, sum(n)::bigint, 0, 0, 0
            FROM held GROUP BY GROUPING SETS ((t), (t, q), (t, m))
            UNION ALL
            SELECT 'h', t, CASE WHEN GROUPING(q) = 0 THEN q END, CASE WHEN GROUPING(m) = 0 THEN m END,
                   sum(children)::bigint, sum(teens)::bigint, sum(adults)::bigint, sum(seniors)::bigint
            FROM h GROUP BY GROUPING SETS ((t), (t, q), (t, m))
            """;
        await using var command = Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var tenant = reader.GetGuid(1);
            var time = TimeOf(reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3));
            if (reader.GetString(0) == "s")
            {
                rows[Activities.Sessions][time].Add(new(tenant, null, MonthKey(time), FigureRow.Whole, reader.GetInt64(4), null, null));
                continue;
            }
            string[] parts = ["children", "teens", "adults", "seniors"];
            for (var i = 0; i < 4; i++)
            {
                var n = reader.GetInt64(4 + i);
                if (n > 0)
                {
                    rows[Activities.HeadCounts][time].Add(new(tenant, null, MonthKey(time), parts[i], n, null, n));
                }
            }
        }
    }

    /// <summary>Volunteer hours of the year: distinct persons who gave time and the minutes, at every grain.</summary>
    private async Task VolunteerHoursAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            WITH h AS (
                SELECT p."TenantId" AS t, p."BuurtCode" AS b, h."PersonId" AS pid, h."Minutes" AS minutes,
                       extract(quarter FROM h."WorkedOn")::int AS q, extract(month FROM h."WorkedOn")::int AS m
                FROM "VolunteerHours" h JOIN "People" p ON p."Id" = h."PersonId"
                WHERE h."TenantId" = ANY(@tenants) AND p."TenantId" = ANY(@tenants) AND h."WorkedOn" >= @first AND h."WorkedOn" < @next)
            SELECT t, b, CASE WHEN GROUPING(q) = 0 THEN q END, CASE WHEN GROUPING(m) = 0 THEN m END, count(DISTINCT pid), sum(minutes)::bigint
            FROM h GROUP BY GROUPING SETS ((t, b), (t, b, q), (t, b, m))
            """;
        await using var command = Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var tenant = reader.GetGuid(0);
            var buurt = reader.IsDBNull(1) ? null : reader.GetString(1);
            var time = TimeOf(reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3));
            var persons = reader.GetInt64(4);
            rows[Volunteering.Active][time].Add(new(tenant, buurt, MonthKey(time), FigureRow.Whole, persons, null, persons));
            rows[Volunteering.Hours][time].Add(new(tenant, buurt, MonthKey(time), FigureRow.Whole, reader.GetInt64(5), null, persons));
        }
    }

    /// <summary>The volunteer list per period (a stock: on the list during the period; with a valid VOG on its last day),
    /// all 17 periods in one statement.</summary>
    private async Task VolunteerListAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            SELECT pr.time, p."TenantId", p."BuurtCode",
                   count(DISTINCT v."PersonId") FILTER (WHERE v."ArchivedAt" IS NULL OR v."ArchivedAt" >= pr.from_utc),
                   count(*) FILTER (WHERE v."ArchivedAt" IS NULL OR v."ArchivedAt" >= pr.until_utc),
                   count(*) FILTER (WHERE (v."ArchivedAt" IS NULL OR v."ArchivedAt" >= pr.until_utc) AND v."VogExpiresOn" >= pr.last_day)
            FROM unnest(@times, @froms, @untils, @lasts) AS pr(time, from_utc, until_utc, last_day)
            JOIN "Volunteers" v ON v."CreatedAt" < pr.until_utc
            JOIN "People" p ON p."Id" = v."PersonId"
            WHERE v."TenantId" = ANY(@tenants) AND p."TenantId" = ANY(@tenants)
            GROUP BY 1, 2, 3
            """;
        var periods = Enumerable.Range(0, Times).Select(t => (Time: t, Period: Wijkbasis.Features.MunicipalView.MunicipalCube.PeriodOf(year, t))).ToList();
        await using var command = Command(connection, sql);
        command.Parameters.Add(new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = periods.Select(p => p.Time).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("froms", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        { Value = periods.Select(p => Clock.FromAmsterdam(p.Period.From, TimeOnly.MinValue)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("untils", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        { Value = periods.Select(p => Clock.FromAmsterdam(p.Period.Until, TimeOnly.MinValue)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("lasts", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = periods.Select(p => p.Period.To).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var time = reader.GetInt32(0);
            var tenant = reader.GetGuid(1);
            var buurt = reader.IsDBNull(2) ? null : reader.GetString(2);
            var (registered, all, valid) = (reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
            if (registered > 0)
            {
                rows[Volunteering.Registered][time].Add(new(tenant, buurt, MonthKey(time), FigureRow.Whole, registered, null, registered));
            }
            if (all > 0)
            {
                rows[Volunteering.VogValid][time].Add(new(tenant, buurt, MonthKey(time), FigureRow.Whole, valid, all, all));
            }
        }
    }
}
