using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using NpgsqlTypes;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Import;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using Activity = Wijkbasis.Features.Activities.Activity;

namespace Wijkbasis.Bench.W5;

/// <summary>W5 spreadsheet import, one run per database (bench/run-w5 calls it for SQLite and, when a server is given,
/// PostgreSQL): a fresh database migrated by the app, two enterprises seeded alike (people, activities, sessions), an
/// attendance CSV of 100,000 rows (named check-ins, every 20th row a head count). The baseline writes the same rows into
/// the first enterprise with the raw driver in one transaction; the app's <see cref="ImportCommitter"/> then reads the
/// file, validates every row against the second enterprise's register and writes them in one transaction. Prints both
/// times and the ratio as a markdown table. See bench/README.md.</summary>
internal static class W5Program
{
    public static async Task<int> Main(string[] args)
    {
        W5Options options;
        try
        {
            options = W5Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"""
                w5: {e.Message}

                Wijkbasis.Bench.W5 --provider sqlite|postgres [--server CS] [--rows 100000] [--people 2000] [--sessions 520] [--out FILE.md]
                """);
            return 2;
        }
        options = options with { Out = options.Out is null ? null : Path.GetFullPath(options.Out) };
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var database = await BenchDatabase.CreateAsync(options);
        var services = database.StartApp();
        var baselineTenant = await SeedAsync(services, "w5-baseline", "GM0202", options);
        var appTenant = await SeedAsync(services, "w5-app", "GM0203", options);
        var csv = Csv(appTenant, options);

        // The baseline: the same rows, straight into the tables, one transaction.
        var baselineRows = Rows(baselineTenant, options);
        var clock = Stopwatch.StartNew();
        var baselineKind = await BaselineAsync(database, baselineTenant.Id, baselineRows);
        var baseline = clock.Elapsed;

        // The app: read, map, validate against the register, write — what the background commit does.
        Guid jobId;
        var claim = Guid.NewGuid();
        await using (var scope = await services.AsTenantAsync(appTenant.Id, [Roles.Coordinator], "w5"))
        {
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var job = new ImportJob
            {
                Kind = ImportKind.Attendance, FileName = "w5.csv", Content = csv, Status = ImportStatus.Running, ByName = "w5",
                CreatedAt = TimeProvider.System.UtcNow(), ClaimId = claim, ClaimedUntil = TimeProvider.System.UtcNow().AddHours(1),
                Mapping = new ColumnMapping { Columns = { ["activiteit"] = "Activiteit", ["datum"] = "Datum", ["naam"] = "Naam", ["volwassenen"] = "Volwassenen" } }.ToJson(),
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            jobId = job.Id;
        }
        clock.Restart();
        await using (var scope = await services.AsTenantAsync(appTenant.Id, [Roles.Coordinator], "w5"))
        {
            if (!await scope.ServiceProvider.GetRequiredService<ImportCommitter>().RunAsync(jobId, claim, null, CancellationToken.None))
            {
                throw new InvalidOperationException("The import did not commit: its claim was not the one it ran with.");
            }
        }
        var app = clock.Elapsed;

        await using (var scope = await services.AsTenantAsync(appTenant.Id, [Roles.Coordinator], "w5"))
        {
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
            var written = await db.CheckIns.CountAsync() + await db.HeadCounts.CountAsync();
            if (job.Status != ImportStatus.Committed || written != options.Rows)
            {
                await Console.Error.WriteLineAsync($"w5: the import did not commit every row (status {job.Status}, {written} of {options.Rows} rows; {job.Problem})");
                return 1;
            }
        }
        // The export (issue 18): the year the import filled, every check-in by name, as CSV and as XLSX, through the
        // app's LogbookExport (what the logbook download page sends) and, as the baseline, one raw SQL query into the
        // same file writers (the writers are the same library code in both rows; the difference is how the rows are read).
        var (exportFrom, exportUntil) = (new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 1));
        var exports = new List<(string Format, int Rows, TimeSpan App, TimeSpan Raw)>();
        // Once untimed over one week first, so neither row pays for compiling its query and writers.
        await using (var scope = await services.AsTenantAsync(appTenant.Id, [Roles.Coordinator], "w5"))
        {
            var (warm, _) = await LogbookExport.CheckInsAsync(scope.ServiceProvider.GetRequiredService<WijkbasisDb>(),
                scope.ServiceProvider.GetRequiredService<TenantContext>(), scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>(),
                exportFrom, exportFrom.AddDays(7), "w5", CancellationToken.None);
            _ = (Export.Csv(warm), Export.Xlsx(warm), Export.Csv(await RawCheckInsAsync(database, baselineTenant.Id, exportFrom, exportFrom.AddDays(7))));
        }
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            clock.Restart();
            int appRows;
            await using (var scope = await services.AsTenantAsync(appTenant.Id, [Roles.Coordinator], "w5"))
            {
                var (document, _) = await LogbookExport.CheckInsAsync(scope.ServiceProvider.GetRequiredService<WijkbasisDb>(),
                    scope.ServiceProvider.GetRequiredService<TenantContext>(), scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>(),
                    exportFrom, exportUntil, "w5", CancellationToken.None);
                appRows = document.RowCount;
                _ = format == ExportFormat.Csv ? Export.Csv(document) : Export.Xlsx(document);
            }
            var appExport = clock.Elapsed;
            clock.Restart();
            var raw = await RawCheckInsAsync(database, baselineTenant.Id, exportFrom, exportUntil);
            _ = format == ExportFormat.Csv ? Export.Csv(raw) : Export.Xlsx(raw);
            var rawExport = clock.Elapsed;
            if (raw.RowCount != appRows)
            {
                await Console.Error.WriteLineAsync($"w5: the export wrote {appRows} rows, the baseline {raw.RowCount}");
                return 1;
            }
            exports.Add((format.Key().ToUpperInvariant(), appRows, appExport, rawExport));
        }

        var version = database.Provider == "sqlite" ? "SQLite" : "PostgreSQL";
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"### W5 on {version}: {options.Rows:N0} attendance rows ({options.People:N0} people, {options.Sessions:N0} sessions)");
        s.AppendLine();
        s.AppendLine("| database | rows | app: read + validate + commit (s) | raw bulk insert (s) | ratio app/raw | goal < 10 s |");
        s.AppendLine("|---|---:|---:|---:|---:|---|");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"| {database.Provider} | {options.Rows:N0} | {app.TotalSeconds:F2} | {baseline.TotalSeconds:F2} | {app / baseline:F1} | {(app.TotalSeconds < 10 ? "met" : "NOT met")} |");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Raw baseline: {baselineKind}.");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Export of the logbook on {version}: every check-in of the year by name, one file.");
        s.AppendLine();
        s.AppendLine("| database | format | rows | app: LogbookExport + writer (s) | raw SQL + writer (s) | ratio app/raw |");
        s.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var (format, rows, appExport, rawExport) in exports)
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {database.Provider} | {format} | {rows:N0} | {appExport.TotalSeconds:F2} | {rawExport.TotalSeconds:F2} | {appExport / rawExport:F1} |");
        }
        var table = s.ToString();
        Console.WriteLine(table);
        if (options.Out is { } file)
        {
            await File.AppendAllTextAsync(file, table + Environment.NewLine);
        }
        return 0;
    }

    /// <summary>The baseline of the export: one join, ordered in SQL, read with the raw driver into the export's table.</summary>
    private static async Task<ExportDocument> RawCheckInsAsync(BenchDatabase database, Guid tenantId, DateOnly from, DateOnly until)
    {
        const string sql = """
            SELECT s."StartsAt", a."Name", p."Name", c."At"
            FROM "CheckIns" c JOIN "Sessions" s ON s."Id" = c."SessionId" JOIN "Activities" a ON a."Id" = s."ActivityId" JOIN "People" p ON p."Id" = c."PersonId"
            WHERE c."TenantId" = @t AND s."StartsAt" >= @from AND s."StartsAt" < @until
            ORDER BY s."StartsAt", s."Id", p."Name"
            """;
        var (start, end) = (Clock.FromAmsterdam(from, TimeOnly.MinValue), Clock.FromAmsterdam(until, TimeOnly.MinValue));
        var rows = new List<IReadOnlyList<object?>>();
        await using System.Data.Common.DbConnection connection = database.Provider == "postgres"
            ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        void Add(string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        if (database.Provider == "postgres")
        {
            Add("t", tenantId);
            Add("from", start);
            Add("until", end);
        }
        else
        {
            Add("@t", tenantId.ToString().ToUpperInvariant());
            Add("@from", start.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            Add("@until", end.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        }
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var startsAt = DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc).ToAmsterdam();
            rows.Add([DateOnly.FromDateTime(startsAt), startsAt.ToString("HH:mm", CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
                DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc).ToAmsterdam().ToString("HH:mm", CultureInfo.InvariantCulture)]);
        }
        ExportColumn[] columns = [new("Datum", ExportKind.Date), new("Begin"), new("Activiteit"), new("Naam"), new("Aangemeld om")];
        return new ExportDocument("w5-raw", new ExportTable(columns, rows));
    }

    private sealed record Tenant(Guid Id, List<Guid> People, List<string> Names, List<(Guid Id, string Activity, DateOnly Date)> Sessions);

    /// <summary>An enterprise with its people (unique names) and activities with a weekly session each, through the app's
    /// DbContext (tenant stamping and audit as for any row).</summary>
    private static async Task<Tenant> SeedAsync(IServiceProvider services, string slug, string municipalityCode, W5Options options)
    {
        Guid enterpriseId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var municipality = new Municipality { Name = "Gemeente " + slug, Code = municipalityCode };
            var enterprise = new Enterprise { Name = slug, Slug = slug, Kind = EnterpriseKind.Other, MunicipalityId = municipality.Id, CreatedAt = TimeProvider.System.UtcNow() };
            db.AddRange(municipality, enterprise);
            await db.SaveChangesAsync();
            enterpriseId = enterprise.Id;
        }
        var people = new List<Guid>();
        var names = new List<string>();
        var sessions = new List<(Guid, string, DateOnly)>();
        await using (var scope = await services.AsTenantAsync(enterpriseId, [Roles.Coordinator], "w5"))
        {
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < options.People; i++)
            {
                var name = $"Bewoner {i:D6}";
                var person = new Person { Name = name, SearchName = SearchText.Normalize(name), CreatedAt = TimeProvider.System.UtcNow(), UpdatedAt = TimeProvider.System.UtcNow() };
                db.People.Add(person);
                people.Add(person.Id);
                names.Add(name);
            }
            var location = new Location { Name = "Buurthuis", CreatedAt = TimeProvider.System.UtcNow() };
            db.Locations.Add(location);
            var first = new DateOnly(2023, 1, 2);
            const int weeks = 52;
            var activities = (options.Sessions + weeks - 1) / weeks;
            for (var a = 0; a < activities; a++)
            {
                var activity = new Activity
                {
                    Name = $"Activiteit {a:D3}", LocationId = location.Id, Recurrence = Recurrence.Once, StartTime = new(10, 0), EndTime = new(12, 0),
                    FirstDate = first, LastDate = first.AddDays(7 * (weeks - 1)), PlannedUntil = first, CreatedAt = TimeProvider.System.UtcNow(), UpdatedAt = TimeProvider.System.UtcNow(),
                };
                db.Activities.Add(activity);
                for (var w = 0; w < weeks && sessions.Count < options.Sessions; w++)
                {
                    var day = first.AddDays(7 * w + a % 5);
                    var session = new Session
                    {
                        ActivityId = activity.Id, OccurrenceDate = day, LocationId = location.Id,
                        StartsAt = Clock.FromAmsterdam(day, new(10, 0)), EndsAt = Clock.FromAmsterdam(day, new(12, 0)),
                    };
                    db.Sessions.Add(session);
                    sessions.Add((session.Id, activity.Name, day));
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        return new Tenant(enterpriseId, people, names, sessions);
    }

    /// <summary>Row i: session i mod S, and the (i div S)-th person after it — every pair distinct while rows ≤ people × sessions.
    /// Every 20th row is a head count of adults instead.</summary>
    private static IEnumerable<(int Session, int? Person, int Adults)> Plan(W5Options options)
    {
        for (var i = 0; i < options.Rows; i++)
        {
            var session = i % options.Sessions;
            yield return i % 20 == 19 ? (session, null, 1 + i % 30) : (session, (session + i / options.Sessions) % options.People, 0);
        }
    }

    private static byte[] Csv(Tenant tenant, W5Options options)
    {
        var s = new StringBuilder("Activiteit;Datum;Naam;Volwassenen\r\n");
        foreach (var (session, person, adults) in Plan(options))
        {
            var (_, activity, date) = tenant.Sessions[session];
            s.Append(activity).Append(';').Append(date.ToString("d-M-yyyy", CultureInfo.InvariantCulture)).Append(';')
                .Append(person is { } p ? tenant.Names[p] : "").Append(';').Append(person is null ? adults.ToString(CultureInfo.InvariantCulture) : "").Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(s.ToString())];
    }

    private sealed record Row(Guid Id, Guid Session, Guid? Person, int Adults);

    private static List<Row> Rows(Tenant tenant, W5Options options) =>
        Plan(options).Select(r => new Row(Guid.CreateVersion7(), tenant.Sessions[r.Session].Id, r.Person is { } p ? tenant.People[p] : null, r.Adults)).ToList();

    /// <summary>The same rows with the raw driver, in one transaction, as the app's own connection would (the app's role,
    /// synchronous commit / synchronous=FULL). PostgreSQL refuses binary COPY into a table under row-level security, so
    /// the rows are COPY'd into a temporary table and moved on with one INSERT … SELECT (the fastest path the policy
    /// allows; the same as the demo seed's bulk writer).</summary>
    private static async Task<string> BaselineAsync(BenchDatabase database, Guid tenantId, List<Row> rows)
    {
        var now = TimeProvider.System.UtcNow();
        if (database.Provider == "postgres")
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var create = new NpgsqlCommand("""
                CREATE TEMP TABLE w5_checkins (LIKE "CheckIns") ON COMMIT DROP;
                CREATE TEMP TABLE w5_headcounts (LIKE "HeadCounts") ON COMMIT DROP;
                """, connection, transaction))
            {
                await create.ExecuteNonQueryAsync();
            }
            await using (var copy = await connection.BeginBinaryImportAsync("""COPY w5_checkins ("Id", "TenantId", "SessionId", "PersonId", "At", "ByName") FROM STDIN (FORMAT BINARY)"""))
            {
                foreach (var r in rows.Where(r => r.Person is not null))
                {
                    await copy.WriteRowAsync(default, r.Id, tenantId, r.Session, r.Person!.Value, now, "baseline");
                }
                await copy.CompleteAsync();
            }
            await using (var copy = await connection.BeginBinaryImportAsync("""COPY w5_headcounts ("Id", "TenantId", "SessionId", "Children", "Teens", "Adults", "Seniors", "At", "ByName") FROM STDIN (FORMAT BINARY)"""))
            {
                foreach (var r in rows.Where(r => r.Person is null))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(r.Session, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                    await copy.WriteAsync(r.Adults, NpgsqlDbType.Integer);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("baseline", NpgsqlDbType.Text);
                }
                await copy.CompleteAsync();
            }
            await using (var move = new NpgsqlCommand("""
                INSERT INTO "CheckIns" SELECT * FROM w5_checkins;
                INSERT INTO "HeadCounts" SELECT * FROM w5_headcounts;
                """, connection, transaction))
            {
                await move.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
            return "Npgsql binary COPY into a temporary table, then INSERT … SELECT (COPY straight into a table under row-level security is refused), one transaction";
        }
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using (var pragma = new SqliteCommand("PRAGMA synchronous=FULL", connection))
            {
                await pragma.ExecuteNonQueryAsync();
            }
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var checkIn = new SqliteCommand("""INSERT INTO "CheckIns" ("Id", "TenantId", "SessionId", "PersonId", "At", "ByName") VALUES (@id, @t, @s, @p, @at, 'baseline')""", connection, transaction);
            await using var headCount = new SqliteCommand("""INSERT INTO "HeadCounts" ("Id", "TenantId", "SessionId", "Children", "Teens", "Adults", "Seniors", "At", "ByName") VALUES (@id, @t, @s, 0, 0, @a, 0, @at, 'baseline')""", connection, transaction);
            var c = (Id: checkIn.Parameters.Add("@id", SqliteType.Text), T: checkIn.Parameters.Add("@t", SqliteType.Text), S: checkIn.Parameters.Add("@s", SqliteType.Text),
                P: checkIn.Parameters.Add("@p", SqliteType.Text), At: checkIn.Parameters.Add("@at", SqliteType.Text));
            var h = (Id: headCount.Parameters.Add("@id", SqliteType.Text), T: headCount.Parameters.Add("@t", SqliteType.Text), S: headCount.Parameters.Add("@s", SqliteType.Text),
                A: headCount.Parameters.Add("@a", SqliteType.Integer), At: headCount.Parameters.Add("@at", SqliteType.Text));
            var tenant = tenantId.ToString().ToUpperInvariant();
            var at = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            checkIn.Prepare();
            headCount.Prepare();
            foreach (var r in rows)
            {
                if (r.Person is { } person)
                {
                    (c.Id.Value, c.T.Value, c.S.Value, c.P.Value, c.At.Value) =
                        (r.Id.ToString().ToUpperInvariant(), tenant, r.Session.ToString().ToUpperInvariant(), person.ToString().ToUpperInvariant(), at);
                    await checkIn.ExecuteNonQueryAsync();
                }
                else
                {
                    (h.Id.Value, h.T.Value, h.S.Value, h.A.Value, h.At.Value) = (r.Id.ToString().ToUpperInvariant(), tenant, r.Session.ToString().ToUpperInvariant(), r.Adults, at);
                    await headCount.ExecuteNonQueryAsync();
                }
            }
            await transaction.CommitAsync();
        }
        return "Microsoft.Data.Sqlite, one prepared INSERT per table re-bound per row, one transaction, synchronous=FULL";
    }
}
