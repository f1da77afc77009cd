using System.Diagnostics;
using System.Text.Json;

namespace Wijkbasis.Tests.Features;

/// <summary>The independent iCalendar parser: tests/ical-check/check.mjs (ical.js, run with node); ./test installs it
/// with npm ci. Used by every feed test (the public agenda, the room feeds).</summary>
public static class ICalCheck
{
    public static JsonElement Parse(string ics)
    {
        var folder = FindCheckFolder();
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "ical.js")), $"Run 'npm ci --prefix {folder}' first (./test does).");
        using var node = Process.Start(new ProcessStartInfo("node", "check.mjs")
        {
            WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        node.StandardInput.Write(ics);
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEnd();
        var error = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string FindCheckFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ical-check");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/ical-check not found above " + AppContext.BaseDirectory);
    }
}
