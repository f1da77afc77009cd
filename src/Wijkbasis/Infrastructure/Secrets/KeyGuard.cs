using System.Data.Common;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Infrastructure.Secrets;

/// <summary>What the database holds that a key outside it protects: sealed audit rows (chain key), data-protection keys
/// (key-encryption key) and sealed fields (field-encryption keys). Asked once per key at start, without an enterprise
/// (on PostgreSQL row-level security then lets every row through; these reads return flags and samples, never show them).</summary>
public sealed class ProtectedData(IServiceScopeFactory scopes)
{
    public bool HasSealedAuditRows() => Read(db => TenantBypass.AuditChain(db).Any(a => a.ChainSeq != null));

    public bool HasDataProtectionKeys() => Read(db => db.DataProtectionKeys.Any());

    public bool HasSealedFields() => Read(db => SealedColumns(db).Any(c => Sample(db, c, null) is not null));

    /// <summary>The oldest and the newest sealed audit row.</summary>
    public List<AuditEntry> EndsOfChain() => Read(db =>
    {
        var sealedRows = TenantBypass.AuditChain(db).AsNoTracking().Where(a => a.ChainSeq != null);
        return sealedRows.OrderBy(a => a.ChainSeq).Take(1).ToList().Concat(sealedRows.OrderByDescending(a => a.ChainSeq).Take(1).ToList())
            .DistinctBy(a => a.Id).ToList();
    });

    /// <summary>The newest data-protection key elements (encrypted).</summary>
    public List<string> NewestDataProtectionKeys() => Read(db => db.DataProtectionKeys.AsNoTracking().OrderByDescending(k => k.Id).Take(3)
        .Select(k => k.Xml).ToList());

    /// <summary>One sealed value per sealed column: sealed with <paramref name="keyId"/>, or (null) with any key not in
    /// <paramref name="except"/>. Returns the cipher context and the stored text.</summary>
    public List<(string Context, string Stored)> Samples(string? keyId, IReadOnlyCollection<string> except) => Read(db =>
        SealedColumns(db).Select(c => Sample(db, c, keyId, except)).OfType<(string, string)>().ToList());

    private sealed record SealedColumn(string Entity, string Table, string IdColumn, string Column, string Property);

    private static List<SealedColumn> SealedColumns(WijkbasisDb db) =>
        db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.FindPrimaryKey() is { Properties.Count: 1 })
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType == typeof(SealedText))
                .Select(p => new SealedColumn(t.ClrType.Name, t.GetTableName()!, t.FindPrimaryKey()!.Properties[0].GetColumnName(), p.GetColumnName(), p.Name)))
            .ToList();

    private static (string Context, string Stored)? Sample(WijkbasisDb db, SealedColumn c, string? keyId, IReadOnlyCollection<string>? except = null)
    {
        var connection = db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        var where = new StringBuilder($"\"{c.Column}\" IS NOT NULL");
        var n = 0;
        void Parameter(string value, string clause)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"p{n}";
            p.Value = value;
            command.Parameters.Add(p);
            where.Append(clause.Replace("@p", $"@p{n}", StringComparison.Ordinal));
            n++;
        }
        if (keyId is not null)
        {
            Parameter($"{FieldCipher.Format}:{keyId}:%", $" AND \"{c.Column}\" LIKE @p");
        }
        foreach (var other in except ?? [])
        {
            Parameter($"{FieldCipher.Format}:{other}:%", $" AND \"{c.Column}\" NOT LIKE @p");
        }
        command.CommandText = $"SELECT \"{c.IdColumn}\", \"{c.Column}\" FROM \"{c.Table}\" WHERE {where} LIMIT 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var id = reader.GetValue(0) is Guid g ? g : Guid.Parse(reader.GetValue(0).ToString()!);
        return ($"{c.Entity}.{c.Property}:{id:N}", reader.GetString(1));
    }

    private T Read<T>(Func<WijkbasisDb, T> read)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        db.Database.OpenConnection();
        try
        {
            return read(db);
        }
        catch (DbException) when (!db.Database.GetAppliedMigrations().Any())
        {
            // Not migrated yet: an empty database, nothing to protect. (Any other failure is not "no data".)
            return default!;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }
}

/// <summary>Keys fail closed (docs/decisions/0018). At start every key is loaded and checked against the data made with
/// it; when one is missing or is not the key the data was made with, /readyz is unhealthy and every other request gets a
/// maintenance page (503) that names the key. No key is ever made over existing data: the loaders refuse instead.</summary>
public sealed class KeyGuard(IServiceProvider services, ILogger<KeyGuard> log)
{
    private readonly Lazy<IReadOnlyList<KeyProblemException>> problems = new(() => Check(services, log));

    public IReadOnlyList<KeyProblemException> Problems => problems.Value;

    private static List<KeyProblemException> Check(IServiceProvider services, ILogger log)
    {
        var found = new[]
        {
            services.GetRequiredService<AuditChainKey>().Problem,
            services.GetRequiredService<KeyEncryptionKey>().Problem,
            services.GetRequiredService<FieldKeyRing>().Problem,
        }.OfType<KeyProblemException>().ToList();
        foreach (var problem in found)
        {
            log.LogCritical("Key problem, the app serves a maintenance page only: {Problem}", problem.Message);
        }
        return found;
    }

    /// <summary>Files the app makes (database, WAL, mail, keys, checkpoint) are readable by its own user only: the
    /// process's file-creation mask says so before anything is made (POSIX; a no-op on Windows).</summary>
    public static void OwnerOnlyFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = NativeMethods.umask(0b000_111_111);
        }
    }

    /// <summary>Narrows files made before <see cref="OwnerOnlyFiles"/> existed (an older installation's database).</summary>
    public static void NarrowExisting(IEnumerable<string> files, ILogger log)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        foreach (var file in files.Where(File.Exists))
        {
            var mode = File.GetUnixFileMode(file);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                File.SetUnixFileMode(file, mode & (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
                log.LogWarning("{File} was readable by other users; it is now readable by the app's user only", file);
            }
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
#pragma warning disable SYSLIB1054, CA5392 // one call into libc at start; no marshalling
        public static extern uint umask(uint mask);
#pragma warning restore SYSLIB1054, CA5392
    }
}

public static class KeyChecks
{
    /// <summary>The audit chain key is the one the chain was sealed with: the oldest or the newest sealed row verifies
    /// with it (both wrong: another key; one changed row alone is tampering, which the chain check reports).</summary>
    public static void CheckAuditKey(byte[] key, ProtectedData data, string where)
    {
        var ends = data.EndsOfChain();
        if (ends.Count > 0 && !ends.Any(r => AuditChain.HashOf(key, r, r.ChainSeq!.Value, r.PrevHash!) == r.Hash))
        {
            throw new KeyProblemException("audit chain", where,
                $"The audit chain key ({where}) is not the key the audit chain in the database was sealed with. Put the original key back.");
        }
    }

    /// <summary>The key-encryption key opens the data-protection keys in the database (one of the newest will do).</summary>
    public static void CheckKeyEncryptionKey(byte[] key, ProtectedData data, string where)
    {
        var elements = data.NewestDataProtectionKeys();
        if (elements.Count == 0)
        {
            return;
        }
        foreach (var xml in elements)
        {
            var encrypted = System.Xml.Linq.XElement.Parse(xml).Descendants(AesGcmXmlEncryptor.ElementName).FirstOrDefault();
            if (encrypted is null)
            {
                return;
            }
            try
            {
                AesGcmXmlDecryptor.Decrypt(key, encrypted);
                return;
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                // try the next one
            }
        }
        throw new KeyProblemException("key-encryption", where,
            $"The key-encryption key ({where}) does not open the login keys in the database: it is not the key they were made with. Put the original key back.");
    }

    /// <summary>Every field-encryption key id used in the database is listed, and each listed key opens a value sealed with it.</summary>
    public static void CheckFieldKeys(FieldKeyRing ring, ProtectedData data, string where)
    {
        var unlisted = data.Samples(null, ring.Ids.ToList());
        if (unlisted.Count > 0)
        {
            var id = new SealedText(unlisted[0].Stored).KeyId;
            throw new KeyProblemException($"field-encryption {id}", where,
                $"Field-encryption key {id} is missing from {where}, but the database holds fields sealed with it. Put the key back.");
        }
        var cipher = new FieldCipher(ring);
        foreach (var id in ring.Ids)
        {
            foreach (var (context, stored) in data.Samples(id, []))
            {
                try
                {
                    cipher.Open(new SealedText(stored), context);
                }
                catch (Exception e) when (e is CryptographicException or FormatException)
                {
                    throw new KeyProblemException($"field-encryption {id}", where,
                        $"Field-encryption key {id} in {where} is not the key the fields in the database were sealed with. Put the original key back.");
                }
            }
        }
    }
}

/// <summary>Readiness includes the keys: unhealthy, naming the key, when one is missing or wrong.</summary>
public sealed class KeysPresent(KeyGuard guard) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(guard.Problems.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy(string.Join(" ", guard.Problems.Select(p => p.Message))));
}

/// <summary>Puts the maintenance page in front of everything except the health endpoints.</summary>
public sealed class MaintenanceWhenKeysFail : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var problems = context.RequestServices.GetRequiredService<KeyGuard>().Problems;
            if (problems.Count == 0 || context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz"))
            {
                await nextMiddleware(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "300";
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(MaintenancePage(problems), context.RequestAborted);
        });
        next(app);
    };

    /// <summary>Bilingual and self-contained: shown when the app cannot trust its own keys, so without its layout,
    /// localisation or database. Names the key and where it is expected, for the administrator.</summary>
    internal static string MaintenancePage(IReadOnlyList<KeyProblemException> problems)
    {
        var items = string.Concat(problems.Select(p =>
            $"<li><strong>{System.Net.WebUtility.HtmlEncode(p.Key)}</strong> ({System.Net.WebUtility.HtmlEncode(p.Where)}): {System.Net.WebUtility.HtmlEncode(p.Message)}</li>"));
        return "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
               "<title>Wijkbasis: onderhoud / maintenance</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style></head><body>" +
               "<h1>Wijkbasis is even niet beschikbaar</h1>" +
               "<p>Er is onderhoud nodig. Uw gegevens zijn veilig. Probeer het later opnieuw of neem contact op met de beheerder.</p>" +
               "<h2 lang=\"en\">Maintenance: a key is missing or wrong</h2>" +
               "<p lang=\"en\">The database holds data made with a key that this server does not have. Wijkbasis does not start " +
               "without it and never makes a new key over existing data. Put the original key file back and restart:</p>" +
               $"<ul lang=\"en\" id=\"sleutels\">{items}</ul></body></html>";
    }
}
