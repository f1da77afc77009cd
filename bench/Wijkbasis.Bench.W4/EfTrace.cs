using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wijkbasis.Bench.W4;

/// <summary>What EF Core does for one call, from its DiagnosticListener: connections opened and commands sent.
/// Used once, outside the measurement (listening costs time).</summary>
internal sealed class EfTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly List<IDisposable> subscriptions = [];
    private readonly List<string> commands = [];
    private int opens;

    public static async Task<(int Opens, IReadOnlyList<string> Commands)> OfAsync(Func<Task> work)
    {
        var trace = new EfTrace();
        using (DiagnosticListener.AllListeners.Subscribe(trace))
        {
            try
            {
                await work();
            }
            finally
            {
                lock (trace.subscriptions)
                {
                    trace.subscriptions.ForEach(s => s.Dispose());
                }
            }
        }
        lock (trace.commands)
        {
            return (trace.opens, trace.commands.ToList());
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.ConnectionOpened.Name)
        {
            Interlocked.Increment(ref opens);
        }
        else if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data)
        {
            lock (commands)
            {
                commands.Add(data.Command.CommandText);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
