namespace Wijkbasis.Features.Report;

/// <summary>What the report partial renders: the content, and for a fixed report the live figures of now (to say
/// where a figure has moved since it was fixed).</summary>
public sealed record ReportView(ReportContent Content, IReadOnlyDictionary<string, ReportFigure>? LiveNow = null)
{
    /// <summary>The live value when it differs from the frozen one; null when it has not moved (or the view is live).</summary>
    public decimal? MovedTo(ReportFigure frozen) =>
        LiveNow is not null && LiveNow.TryGetValue(frozen.Id, out var live) && live.Current != frozen.Current ? live.Current ?? 0 : null;
}
