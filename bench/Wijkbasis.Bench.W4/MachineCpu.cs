using System.Diagnostics;

namespace Wijkbasis.Bench.W4;

/// <summary>How busy the whole machine was over a stretch, next to this process (Linux /proc/stat): the figures are only
/// comparable when nothing else was running. On PostgreSQL the server's own work counts as "others".</summary>
internal sealed class MachineCpu
{
    private readonly (long Busy, long Total)? machine = Read();
    private readonly TimeSpan process = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long started = Stopwatch.GetTimestamp();

    /// <summary>"machine 63 % busy, this process 51 %" (shares of all cores), or empty without /proc/stat.</summary>
    public string Since()
    {
        var now = Read();
        if (machine is not { } before || now is not { } after || after.Total == before.Total)
        {
            return "";
        }
        var busy = 100.0 * (after.Busy - before.Busy) / (after.Total - before.Total);
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds * Environment.ProcessorCount;
        var mine = 100.0 * (Process.GetCurrentProcess().TotalProcessorTime - process).TotalMilliseconds / wall;
        return $"machine {busy:F0} % busy, this process {mine:F0} % (of {Environment.ProcessorCount} cores)";
    }

    /// <summary>The first line of /proc/stat: busy and total ticks over all cores.</summary>
    private static (long Busy, long Total)? Read()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Take(8).Select(long.Parse).ToArray();
            var idle = fields[3] + fields[4];
            var total = fields.Sum();
            return (total - idle, total);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
