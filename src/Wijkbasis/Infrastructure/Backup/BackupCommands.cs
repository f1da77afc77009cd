namespace Wijkbasis.Infrastructure.Backup;

/// <summary>Commands for the administrator (tools/backup, tools/restore; docs/decisions/0020), run instead of the web app:
/// <c>Wijkbasis backup DATA_FOLDER [--keys KEY_FOLDER]</c> and
/// <c>Wijkbasis restore DATA_FOLDER [--keys KEY_FOLDER] [--force]</c>. Exit code 0 when done and every check passed, else 1.</summary>
public static class BackupCommands
{
    private const string Usage = "usage: backup DATA_FOLDER [--keys KEY_FOLDER] | restore DATA_FOLDER [--keys KEY_FOLDER] [--force]";

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args is not [("backup" or "restore") and var verb, ..])
        {
            return false;
        }
        var (ok, text) = Parse(args[1..]) is { } options
            ? verb == "backup" && !options.Force
                ? await BackupAndRestore.BackupAsync(app.Services, options.Data, options.Keys, CancellationToken.None)
                : verb == "restore"
                    ? await BackupAndRestore.RestoreAsync(app.Services, options.Data, options.Keys, options.Force, CancellationToken.None)
                    : (false, Usage)
            : (false, Usage);
        await (ok ? Console.Out : Console.Error).WriteLineAsync(text);
        Environment.ExitCode = ok ? 0 : 1;
        return true;
    }

    private sealed record Options(string Data, string? Keys, bool Force);

    /// <summary>One folder, then --keys FOLDER and --force in any order; anything else is a mistake.</summary>
    private static Options? Parse(string[] args)
    {
        string? data = null, keys = null;
        var force = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--force":
                    force = true;
                    break;
                case "--keys" when i + 1 < args.Length:
                    keys = args[++i];
                    break;
                case var folder when !folder.StartsWith('-') && data is null:
                    data = folder;
                    break;
                default:
                    return null;
            }
        }
        return data is null ? null : new Options(data, keys, force);
    }
}
