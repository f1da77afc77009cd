using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Infrastructure.Backup;

/// <summary>Backup and restore (docs/decisions/0020). A backup is two folders: the DATA folder (the database copy and
/// manifest.json) and, apart from it, the KEY folder (copies of the key files and keys.json). Keeping them apart is
/// the point: a copy of the data alone opens no sealed field, forges no login and re-seals no audit row. A restore goes
/// into an empty database only (or with --force), refuses when the keys present are not the keys the manifest names,
/// and then checks the result: rows per table, a sealed field of every sealed column opens, the keys open the data,
/// and the audit chain verifies against the head signed into the manifest.</summary>
public static class BackupAndRestore
{
    public const string SqliteDataFile = "wijkbasis.db";
    public const string PostgresDataFile = "wijkbasis.dump";

    /// <summary>Makes a backup of the configured database into <paramref name="dataFolder"/> (new or empty) and, when
    /// <paramref name="keyFolder"/> is given, copies the key files there. Safe while the app runs.</summary>
    public static async Task<(bool Ok, string Text)> BackupAsync(IServiceProvider services, string dataFolder, string? keyFolder,
        CancellationToken cancellationToken)
    {
        try
        {
            return (true, await BackupCoreAsync(services, dataFolder, keyFolder, cancellationToken));
        }
        catch (BackupException e)
        {
            return (false, "No backup made: " + e.Message);
        }
    }

    /// <summary>Restores <paramref name="dataFolder"/> into the configured database (empty, or <paramref name="force"/>),
    /// first putting the key files from <paramref name="keyFolder"/> in place when given, and checks the result.</summary>
    public static async Task<(bool Ok, string Text)> RestoreAsync(IServiceProvider services, string dataFolder, string? keyFolder, bool force,
        CancellationToken cancellationToken)
    {
        var report = new StringBuilder();
        try
        {
            return (await RestoreCoreAsync(services, dataFolder, keyFolder, force, report, cancellationToken), report.ToString().TrimEnd());
        }
        catch (BackupException e)
        {
            report.AppendLine("Not restored: " + e.Message);
            return (false, report.ToString().TrimEnd());
        }
    }

    private static async Task<string> BackupCoreAsync(IServiceProvider services, string dataFolder, string? keyFolder, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        dataFolder = Path.GetFullPath(dataFolder);
        keyFolder = keyFolder is null ? null : Path.GetFullPath(keyFolder);
        if (keyFolder is not null && (Inside(keyFolder, dataFolder) || Inside(dataFolder, keyFolder)))
        {
            throw new BackupException("The key folder must not be the data folder or inside it (or the other way round): keys are kept apart from the data.");
        }
        // The app's own check first: every key present and the one the data was made with (Secrets/KeyGuard).
        var problems = services.GetRequiredService<KeyGuard>().Problems;
        if (problems.Count > 0)
        {
            throw new BackupException(string.Join(" ", problems.Select(p => p.Message)));
        }
        var keys = new BackupKeys(configuration);
        var fingerprints = keys.Fingerprints();
        var chainKey = keys.ChainKey();

        NewOwnerOnlyFolder(dataFolder);
        var postgres = DatabaseCopy.IsPostgres(configuration);
        var connectionString = DatabaseCopy.ConnectionString(configuration);
        var dataFile = postgres ? PostgresDataFile : SqliteDataFile;
        var target = Path.Combine(dataFolder, dataFile);
        var createdAt = services.GetRequiredService<TimeProvider>().UtcNow();
        var facts = postgres
            ? await DatabaseCopy.BackupPostgresAsync(configuration, connectionString, target, cancellationToken)
            : await DatabaseCopy.BackupSqliteAsync(connectionString, target, cancellationToken);
        var manifest = new BackupManifest
        {
            CreatedAt = createdAt,
            Provider = postgres ? "postgres" : "sqlite",
            Database = DatabaseName(postgres, connectionString),
            DataFile = dataFile,
            DataSha256 = BackupManifest.Sha256Of(target),
            LastMigration = facts.LastMigration,
            RowCounts = facts.RowCounts,
            Keys = fingerprints,
            AuditHeadSeq = facts.HeadSeq,
            AuditHeadHash = facts.HeadHash,
            AuditCheckpoint = facts.HeadSeq is { } seq ? new AuditCheckpoint(seq, facts.HeadHash!, createdAt).ToLine(chainKey) : null,
            AuditUnsealed = facts.Unsealed,
        };
        WriteNewOwnerOnly(Path.Combine(dataFolder, BackupManifest.FileName), JsonSerializer.Serialize(manifest, BackupManifest.Json) + "\n");

        var text = new StringBuilder();
        var head = facts.HeadSeq is { } h ? Invariant($"{h}") : "-";
        text.AppendLine(Invariant($"Backup of {manifest.Database} ({manifest.Provider}) in {dataFolder}: {facts.RowCounts.Count} tables, {facts.RowCounts.Values.Sum()} rows, audit chain head {head} ({facts.Unsealed} rows not sealed yet)."));
        text.AppendLine("Keys it needs: " + string.Join(", ", fingerprints.Select(f => $"{f.Key} [{f.Fingerprint}]")) + ".");
        if (keyFolder is null)
        {
            text.Append("The keys are NOT in this backup. Keep a copy of them apart from it: ")
                .Append(string.Join("; ", BackupKeys.All.Select(s => $"{s.Kind}: {keys.Place(s)}")))
                .Append(" (or run the backup with --keys KEY_FOLDER).");
        }
        else
        {
            var archive = CopyKeys(keys, keyFolder, fingerprints, createdAt);
            text.Append(Invariant($"Keys copied to {keyFolder} ({archive.Files.Count} files"))
                .Append(archive.Settings.Count > 0 ? $"; given as settings, not copied: {string.Join(", ", archive.Settings)}" : "")
                .Append("). Keep that folder apart from the data backup: together they open everything.");
        }
        return text.ToString();
    }

    private static KeyArchive CopyKeys(BackupKeys keys, string keyFolder, List<KeyFingerprint> fingerprints, DateTime createdAt)
    {
        NewOwnerOnlyFolder(keyFolder);
        var files = new List<KeyArchiveFile>();
        var settings = new List<string>();
        foreach (var source in BackupKeys.All)
        {
            if (keys.Configured(source) is not null)
            {
                settings.Add(source.Setting);
                continue;
            }
            WriteNewOwnerOnly(Path.Combine(keyFolder, source.ArchiveName), File.ReadAllBytes(keys.File(source)));
            files.Add(new KeyArchiveFile(source.Kind, source.ArchiveName));
        }
        var archive = new KeyArchive { CreatedAt = createdAt, Keys = fingerprints, Files = files, Settings = settings };
        WriteNewOwnerOnly(Path.Combine(keyFolder, KeyArchive.FileName), JsonSerializer.Serialize(archive, BackupManifest.Json) + "\n");
        return archive;
    }

    private static async Task<bool> RestoreCoreAsync(IServiceProvider services, string dataFolder, string? keyFolder, bool force,
        StringBuilder report, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var manifest = BackupManifest.Read(dataFolder);
        var postgres = DatabaseCopy.IsPostgres(configuration);
        if (manifest.Provider != (postgres ? "postgres" : "sqlite"))
        {
            throw new BackupException($"This is a {manifest.Provider} backup; the configured database is {(postgres ? "postgres" : "sqlite")}.");
        }
        var dataFile = Path.Combine(Path.GetFullPath(dataFolder), manifest.DataFile);
        if (!File.Exists(dataFile) || BackupManifest.Sha256Of(dataFile) != manifest.DataSha256)
        {
            throw new BackupException($"{dataFile} is missing or is not the file the manifest describes (checksum differs).");
        }

        // 1. Only into an empty database, unless asked.
        var connectionString = DatabaseCopy.ConnectionString(configuration);
        var target = DatabaseName(postgres, connectionString);
        bool? empty = postgres ? await DatabaseCopy.PostgresIsEmptyAsync(connectionString, cancellationToken) : DatabaseCopy.SqliteIsEmpty(connectionString);
        if (empty == false && !force)
        {
            throw new BackupException($"The database {target} is not empty. Restore into a new, empty database, or add --force to replace its contents.");
        }

        // 2. The keys: from the key backup when given (never over a different key), then exactly the keys the manifest names.
        var keys = new BackupKeys(configuration);
        if (keyFolder is not null)
        {
            InstallKeys(keys, keyFolder, manifest, report);
        }
        var present = keys.Fingerprints();
        var wrong = manifest.Keys.Where(k => !present.Contains(k)).ToList();
        if (wrong.Count > 0)
        {
            throw new BackupException("The keys present are not the keys this backup was made with: " + string.Join("; ", wrong.Select(k =>
                present.FirstOrDefault(p => p.Key == k.Key) is { } other
                    ? $"{k.Key} is another key ([{other.Fingerprint}], the backup needs [{k.Fingerprint}])"
                    : $"{k.Key} [{k.Fingerprint}] is missing")) +
                ". Restore with --keys KEY_FOLDER from the same backup, or put those keys in place (" +
                string.Join("; ", BackupKeys.All.Select(s => $"{s.Kind}: {keys.Place(s)}")) + ").");
        }
        report.AppendLine("ok: the keys present are the keys the backup names (" + string.Join(", ", manifest.Keys.Select(k => k.Key)) + ")");

        // 3. The sealer's checkpoint must not be ahead of the restored chain (else it would refuse to seal).
        var chainKey = keys.ChainKey();
        var manifestCheckpoint = manifest.AuditCheckpoint is null ? null : ParseCheckpoint(manifest.AuditCheckpoint, chainKey, "the manifest");
        var checkpointFile = keys.CheckpointFile;
        string? setAside = null;
        if (File.Exists(checkpointFile) && File.ReadAllText(checkpointFile).Trim() != manifest.AuditCheckpoint)
        {
            var existing = TryParse(File.ReadAllText(checkpointFile), chainKey);
            if (existing is null || existing.Seq > (manifestCheckpoint?.Seq ?? 0))
            {
                if (!force)
                {
                    throw new BackupException($"The audit checkpoint {checkpointFile} is " +
                        (existing is null ? "not a checkpoint signed with this chain key" : $"at row {existing.Seq}, past this backup's head {manifestCheckpoint?.Seq ?? 0}: rows made after the backup are gone") +
                        ". Keep that file as evidence and move it away, or add --force (it is then kept as a .before-restore file).");
                }
                setAside = $"{checkpointFile}.before-restore-{manifest.CreatedAt:yyyyMMddTHHmmss}";
            }
        }

        // 4. The data.
        if (postgres)
        {
            if (empty is null)
            {
                await DatabaseCopy.CreatePostgresDatabaseAsync(connectionString, cancellationToken);
            }
            await DatabaseCopy.RestorePostgresAsync(configuration, dataFile, connectionString, clean: empty == false, cancellationToken);
        }
        else
        {
            DatabaseCopy.RestoreSqlite(dataFile, connectionString);
        }
        report.AppendLine(Invariant($"ok: restored the backup of {manifest.Database} made {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC into {target}"));
        if (setAside is not null)
        {
            File.Move(checkpointFile, setAside, overwrite: false);
            report.AppendLine($"note: the earlier audit checkpoint is kept as {setAside}");
        }
        if (manifest.AuditCheckpoint is not null && !File.Exists(checkpointFile))
        {
            AuditCheckpoints.WriteOwnerOnly(checkpointFile, manifest.AuditCheckpoint + "\n");
        }

        // 5. The checks.
        return await CheckAsync(services, manifest, manifestCheckpoint, chainKey, report, cancellationToken);
    }

    private static async Task<bool> CheckAsync(IServiceProvider services, BackupManifest manifest, AuditCheckpoint? manifestCheckpoint, byte[] chainKey,
        StringBuilder report, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var failed = 0;
        void Check(bool ok, string text)
        {
            report.AppendLine((ok ? "ok: " : "FAILED: ") + text);
            failed += ok ? 0 : 1;
        }

        var facts = await DatabaseCopy.ReadFactsAsync(configuration, cancellationToken);
        var differences = manifest.RowCounts
            .Where(c => !facts.RowCounts.TryGetValue(c.Key, out var n) || n != c.Value)
            .Select(c => $"{c.Key}: {(facts.RowCounts.TryGetValue(c.Key, out var n) ? n : 0)} rows, the backup had {c.Value}")
            .ToList();
        Check(differences.Count == 0, differences.Count == 0
            ? Invariant($"row counts match the manifest ({manifest.RowCounts.Count} tables, {manifest.RowCounts.Values.Sum()} rows)")
            : "row counts differ: " + string.Join("; ", differences));

        // One sealed value of every sealed column opens with the keys present.
        var samples = services.GetRequiredService<ProtectedData>().Samples(null, []);
        var cipher = new FieldCipher(new BackupKeys(configuration).FieldKeys());
        var unopened = new List<string>();
        foreach (var (context, stored) in samples)
        {
            try
            {
                _ = cipher.Open(new SealedText(stored), context);
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                unopened.Add($"{context.Split(':')[0]} ({e.Message})");
            }
        }
        Check(unopened.Count == 0, unopened.Count > 0
            ? "sealed fields do not open: " + string.Join("; ", unopened)
            : samples.Count > 0 ? $"a sealed field of each of the {samples.Count} sealed columns in use opens" : "no sealed fields in this backup");

        // The app's own key check against the restored data (audit chain, login keys, field keys).
        var problems = services.GetRequiredService<KeyGuard>().Problems;
        Check(problems.Count == 0, problems.Count == 0 ? "the app's key check passes" : string.Join(" ", problems.Select(p => p.Message)));

        // The audit chain: the app's own check, against the head signed into the manifest and against the sealer's checkpoint.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var limit = services.GetRequiredService<IOptions<AuditOptions>>().Value.LateRowLimit;
            // "Now" is the moment of the backup: rows waiting for the sealer then are not late because the backup is old.
            var chain = await AuditChain.VerifyAsync(db, chainKey, manifest.CreatedAt, limit, manifestCheckpoint, cancellationToken);
            Check(chain.Intact, chain.Intact
                ? Invariant($"the audit chain verifies: {chain.RowsChecked} rows checked, head {chain.HeadSeq}, {chain.Unsealed} rows still to be sealed")
                : Invariant($"the audit chain does not verify at {chain.BrokenAt}: {chain.Reason}"));
            var sealer = await AuditChain.VerifyAsync(db, chainKey, manifest.CreatedAt, limit, services.GetRequiredService<AuditCheckpoints>(), cancellationToken);
            Check(sealer.Intact, sealer.Intact ? "the sealer's checkpoint agrees with the restored chain" : $"against the sealer's checkpoint: {sealer.Reason}");
        }
        report.AppendLine(failed == 0 ? "Restore complete: every check passed." : $"Restored, but {failed} check(s) FAILED: do not start the app on it before they are understood.");
        return failed == 0;
    }

    private static void InstallKeys(BackupKeys keys, string keyFolder, BackupManifest manifest, StringBuilder report)
    {
        var archive = KeyArchive.Read(keyFolder);
        var foreign = manifest.Keys.Where(k => !archive.Keys.Contains(k)).Select(k => k.Key).ToList();
        if (foreign.Count > 0)
        {
            throw new BackupException($"The key backup in {keyFolder} does not hold the keys this data backup was made with ({string.Join(", ", foreign)}).");
        }
        var plan = new List<(string From, string To)>();
        foreach (var file in archive.Files)
        {
            var source = BackupKeys.All.FirstOrDefault(s => s.Kind == file.Kind) ?? throw new BackupException($"Unknown key kind '{file.Kind}' in {keyFolder}.");
            if (keys.Configured(source) is not null)
            {
                report.AppendLine($"note: the {source.Kind} key is configured as setting {source.Setting}; {file.Name} from the key backup is not used");
                continue;
            }
            var from = Path.Combine(keyFolder, Path.GetFileName(file.Name));
            var to = keys.File(source);
            if (File.Exists(to))
            {
                if (!File.ReadAllBytes(to).AsSpan().SequenceEqual(File.ReadAllBytes(from)))
                {
                    throw new BackupException($"A different {source.Kind} key file exists at {to}. A key is never written over: " +
                                              "if it is not needed, move it away and restore again.");
                }
                continue;
            }
            plan.Add((from, to));
        }
        foreach (var (from, to) in plan)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            WriteNewOwnerOnly(to, File.ReadAllBytes(from));
            report.AppendLine($"ok: put key file {to} in place from the key backup");
        }
    }

    private static AuditCheckpoint ParseCheckpoint(string line, byte[] key, string where)
    {
        try
        {
            return AuditCheckpoint.Parse(line, key);
        }
        catch (InvalidDataException e)
        {
            throw new BackupException($"The audit checkpoint in {where} does not hold: {e.Message}");
        }
    }

    private static AuditCheckpoint? TryParse(string line, byte[] key)
    {
        try
        {
            return AuditCheckpoint.Parse(line, key);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string DatabaseName(bool postgres, string connectionString)
    {
        if (!postgres)
        {
            return DatabaseCopy.SqliteFile(connectionString);
        }
        var c = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{c.Database}@{c.Host}:{c.Port}";
    }

    private static bool Inside(string path, string folder)
    {
        var f = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return path == Path.TrimEndingDirectorySeparator(folder) || path.StartsWith(f, StringComparison.Ordinal);
    }

    /// <summary>A new (or empty) folder readable by this user only; never a folder that holds something already.</summary>
    private static void NewOwnerOnlyFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            if (Directory.EnumerateFileSystemEntries(folder).Any())
            {
                throw new BackupException($"{folder} is not empty; a backup never writes over another. Give a new folder.");
            }
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void WriteNewOwnerOnly(string file, string text) => WriteNewOwnerOnly(file, Encoding.UTF8.GetBytes(text));

    private static void WriteNewOwnerOnly(string file, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(file, options);
        stream.Write(bytes);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
