using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Wijkbasis.Features.Impact;

namespace Wijkbasis.Features.Report;

/// <summary>The report as a clean A4 PDF, drawn with PDFsharp (docs/decisions/0015): title, per section the key
/// figures beside the period before, the parts, a bar chart per monthly trend with its one-sentence summary, the
/// stories and the texts. The text is real text (embedded DejaVu Sans), so it can be selected and read by
/// pdftotext. Always in Dutch: it is the document the enterprise sends.</summary>
public static class ReportPdf
{
    private const double Margin = 50;
    private const double Width = 595 - 2 * Margin;
    private const double Bottom = 842 - Margin;

    private static readonly XColor Ink = XColor.FromArgb(0x1a, 0x1a, 0x1a);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);
    private static readonly XColor Rule = XColor.FromArgb(0xcc, 0xcc, 0xcc);
    private static readonly XColor Bar = XColor.FromArgb(0x1d, 0x4f, 0x91);

    public const string SelectionsTitle = "Belangrijkste verhalen van verandering";

    /// <summary>Header lines under the title, e.g. "Vastgesteld op 6-12-2026 door Corrie Coördinator (versie 2)".</summary>
    public static byte[] Render(ReportContent report, string enterprise, string status)
    {
        ReportFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Rapportage {enterprise} {report.PeriodLabel}";
        document.Info.Author = enterprise;
        document.Info.Creator = "Wijkbasis";
        var w = new Writer(document);
        string Same(string s) => s;

        w.Text($"Rapportage {enterprise}", w.Title);
        w.Text($"Periode: {report.PeriodLabel} (vergeleken met {report.PreviousLabel})", w.Body);
        w.Text(status, w.Small, Muted);
        w.Space(10);
        if (report.IsEmpty)
        {
            w.Text("In deze periode is nog niets vastgelegd.", w.Body);
        }

        foreach (var section in report.Sections)
        {
            w.Need(60);
            w.Text(section.Name, w.Heading);
            if (section.Section == Impact.IndicatorSection.Network)
            {
                foreach (var paragraph in Impact.Indicators.Network.Method)
                {
                    w.Text(paragraph, w.Body);
                }
                w.Space(4);
            }
            if (section.IsEmpty)
            {
                w.Text("In deze periode is hier niets vastgelegd.", w.Body, Muted);
                w.Space(6);
                continue;
            }
            w.Table([("Cijfer", 0.46), (report.PeriodLabel, 0.18), (report.PreviousLabel, 0.18), ("Verandering", 0.18)],
                section.Figures.Select(f => new[]
                {
                    f.Name, ReportFormat.Show(f.Unit, f.Current, Same), ReportFormat.Show(f.Unit, f.Previous, Same),
                    ReportFormat.Change(f.Unit, f.Current, f.Previous, Same),
                }).ToList());
            foreach (var figure in section.Figures)
            {
                if (figure.Parts.Count > 0)
                {
                    w.Need(40);
                    w.Text(figure.Name, w.Bold);
                    w.Table([("Deel", 0.46), (report.PeriodLabel, 0.18), (report.PreviousLabel, 0.18), ("Verandering", 0.18)],
                        figure.Parts.Select(p => new[]
                        {
                            p.Label, ReportFormat.Show(figure.Unit, p.Current, Same), ReportFormat.Show(figure.Unit, p.Previous, Same),
                            ReportFormat.Change(figure.Unit, p.Current, p.Previous, Same),
                        }).ToList());
                }
                if (figure.HasTrend && figure.Trend.Any(t => t.Value is not (null or 0)))
                {
                    w.Chart(figure);
                }
            }
            w.Space(6);
        }

        if (report.Targets is { Count: > 0 } targets)
        {
            w.Need(60);
            w.Text("Doelen uit afspraken", w.Heading);
            w.Table([("Afspraak en cijfer", 0.40), ("Periode", 0.18), ("Streefcijfer", 0.14), ("Werkelijk", 0.14), ("Gehaald", 0.14)],
                targets.SelectMany(line => line.Points.Select(p => new[]
                {
                    $"{line.Agreement} ({line.Funder}): {line.IndicatorName}", p.PeriodLabel,
                    ReportFormat.Show(line.Unit, p.Target, Same), ReportFormat.Show(line.Unit, p.Actual, Same), p.Met ? "ja" : "nee",
                })).ToList());
            w.Space(6);
        }

        if (report.Stories.Count > 0)
        {
            w.Need(60);
            w.Text("Verhalen uit de wijk", w.Heading);
            foreach (var story in report.Stories)
            {
                w.Text($"{story.Date.ToString("d MMMM yyyy", ReportFormat.Dutch)} · {story.Activity}", w.Small, Muted);
                w.Text(story.Text, w.Body);
                w.Space(6);
            }
        }
        if (report.Selections is { Count: > 0 } selections)
        {
            w.Need(60);
            w.Text(SelectionsTitle, w.Heading);
            foreach (var s in selections)
            {
                w.Need(40);
                w.Text($"{s.DomainLabel} · verteld op {s.ToldOn.ToString("d MMMM yyyy", ReportFormat.Dutch)}", w.Bold);
                w.Text(s.Text ?? Stories.StoryRules.NotPublishable, s.Text is null ? w.Small : w.Body, s.Text is null ? Muted : Ink);
                w.Text("Waarom gekozen: " + s.Reasons, w.Body);
                if (s.Group is not null)
                {
                    w.Text("Gekozen door: " + s.Group, w.Small, Muted);
                }
                w.Space(6);
            }
        }
        foreach (var (title, text) in new[] { ("Wat ging goed", report.WentWell), ("Wat leerden we", report.Learned), ("Plannen", report.Plans) })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                w.Need(50);
                w.Text(title, w.Heading);
                foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
                {
                    w.Text(paragraph, w.Body);
                }
            }
        }
        w.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>"Unieke bezoekers: van 22 in januari 2026 naar 38 in december 2026. Het hoogst in maart 2026 (41)."</summary>
    public static string Summary(ReportFigure figure, CultureInfo culture, Func<string, string> t)
    {
        var first = figure.Trend[0];
        var last = figure.Trend[^1];
        var top = figure.Trend.Where(p => p.Value is not null).OrderByDescending(p => p.Value).ThenBy(p => p.Month).FirstOrDefault();
        var sentence = string.Format(culture, t("{0}: van {1} in {2} naar {3} in {4}."), t(figure.Name),
            ReportFormat.Show(figure.Unit, first.Value, t), ReportFormat.MonthLabel(first.Month, culture),
            ReportFormat.Show(figure.Unit, last.Value, t), ReportFormat.MonthLabel(last.Month, culture));
        if (top is not null && figure.Trend.Count > 2)
        {
            sentence += " " + string.Format(culture, t("Het hoogst in {0} ({1})."), ReportFormat.MonthLabel(top.Month, culture),
                ReportFormat.Show(figure.Unit, top.Value, t));
        }
        return sentence;
    }

    /// <summary>Also draws the subject-access PDF (Features/People/SubjectAccess): one look for every document we send.</summary>
    internal sealed class Writer
    {
        private readonly PdfDocument document;
        private XGraphics? gfx;
        private double y;
        private int pages;

        public XFont Title { get; } = new(ReportFonts.Family, 18, XFontStyleEx.Bold);
        public XFont Heading { get; } = new(ReportFonts.Family, 13, XFontStyleEx.Bold);
        public XFont Bold { get; } = new(ReportFonts.Family, 10, XFontStyleEx.Bold);
        public XFont Body { get; } = new(ReportFonts.Family, 10, XFontStyleEx.Regular);
        public XFont Small { get; } = new(ReportFonts.Family, 8, XFontStyleEx.Regular);

        public Writer(PdfDocument document)
        {
            this.document = document;
            NewPage();
        }

        private XGraphics G => gfx!;

        private void NewPage()
        {
            gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            pages++;
            G.DrawString(pages.ToString(CultureInfo.InvariantCulture), Small, new XSolidBrush(Muted), new XRect(Margin, Bottom + 16, Width, 10), XStringFormats.TopRight);
            y = Margin;
        }

        public void Finish() => gfx?.Dispose();

        public void Need(double height)
        {
            if (y + height > Bottom)
            {
                NewPage();
            }
        }

        public void Space(double height) => y += height;

        public void Text(string text, XFont font, XColor? color = null)
        {
            var brush = new XSolidBrush(color ?? Ink);
            var lineHeight = font.Size * 1.35;
            foreach (var line in Wrap(text, font, Width))
            {
                Need(lineHeight);
                G.DrawString(line, font, brush, new XRect(Margin, y, Width, lineHeight), XStringFormats.TopLeft);
                y += lineHeight;
            }
            if (font == Heading || font == Title)
            {
                y += 4;
            }
        }

        public void Table(IReadOnlyList<(string Head, double Share)> columns, IReadOnlyList<string[]> rows)
        {
            var pen = new XPen(Rule, 0.5);
            void Row(IReadOnlyList<string> cells, XFont font)
            {
                var wrapped = cells.Select((c, i) => Wrap(c, font, columns[i].Share * Width - 8).ToList()).ToList();
                var height = wrapped.Max(l => l.Count) * font.Size * 1.3 + 6;
                Need(height);
                var x = Margin;
                for (var i = 0; i < cells.Count; i++)
                {
                    var cellWidth = columns[i].Share * Width;
                    var ly = y + 3;
                    foreach (var line in wrapped[i])
                    {
                        G.DrawString(line, font, new XSolidBrush(Ink), new XRect(x + 4, ly, cellWidth - 8, font.Size * 1.3),
                            i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
                        ly += font.Size * 1.3;
                    }
                    x += cellWidth;
                }
                y += height;
                G.DrawLine(pen, Margin, y, Margin + Width, y);
            }
            Need(40);
            Row(columns.Select(c => c.Head).ToList(), Bold);
            foreach (var row in rows)
            {
                Row(row, Body);
            }
            y += 8;
        }

        /// <summary>A bar per month, the highest value marked on the axis, months under the first and last bar, and
        /// the summary sentence under it.</summary>
        public void Chart(ReportFigure figure)
        {
            const double height = 90;
            Need(height + 60);
            G.DrawString(figure.Name + " per maand", Bold, new XSolidBrush(Ink), new XRect(Margin, y, Width, 14), XStringFormats.TopLeft);
            y += 16;
            var max = figure.Trend.Max(p => p.Value ?? 0);
            if (max <= 0)
            {
                max = 1;
            }
            var left = Margin + 40;
            var chartWidth = Width - 40;
            var slot = chartWidth / figure.Trend.Count;
            var axis = new XPen(Muted, 0.5);
            G.DrawLine(axis, left, y + height, left + chartWidth, y + height);
            G.DrawLine(axis, left, y, left, y + height);
            G.DrawString(ReportFormat.Plain(max), Small, new XSolidBrush(Muted), new XRect(Margin, y - 4, 36, 10), XStringFormats.TopRight);
            G.DrawString("0", Small, new XSolidBrush(Muted), new XRect(Margin, y + height - 8, 36, 10), XStringFormats.TopRight);
            var brush = new XSolidBrush(Bar);
            for (var i = 0; i < figure.Trend.Count; i++)
            {
                var value = figure.Trend[i].Value ?? 0;
                var barHeight = (double)(value / max) * height;
                G.DrawRectangle(brush, left + i * slot + slot * 0.15, y + height - barHeight, slot * 0.7, barHeight);
            }
            var labelFirst = ReportFormat.MonthShort(figure.Trend[0].Month, ReportFormat.Dutch);
            var labelLast = ReportFormat.MonthShort(figure.Trend[^1].Month, ReportFormat.Dutch);
            G.DrawString(labelFirst, Small, new XSolidBrush(Muted), new XRect(left, y + height + 2, 100, 10), XStringFormats.TopLeft);
            G.DrawString(labelLast, Small, new XSolidBrush(Muted), new XRect(left + chartWidth - 100, y + height + 2, 100, 10), XStringFormats.TopRight);
            y += height + 16;
            Text(Summary(figure, ReportFormat.Dutch, s => s), Small, Muted);
            y += 8;
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            if (string.IsNullOrEmpty(text))
            {
                yield return "";
                yield break;
            }
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var attempt = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && G.MeasureString(attempt, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = attempt;
                }
            }
            yield return line;
        }
    }
}

/// <summary>PDFsharp reads its font from a file of the system: DejaVu Sans (Debian's fonts-dejavu-core), else
/// Liberation Sans (fonts-liberation). ./run and ./test install the first when neither is there.</summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "Wijkbasis Sans";
    private static readonly Lock Gate = new();
    private static bool registered;

    private static readonly string[][] Candidates =
    [
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
        ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"],
    ];

    private readonly string regular;
    private readonly string bold;

    private ReportFonts(string regular, string bold)
    {
        this.regular = regular;
        this.bold = bold;
    }

    public static void Register()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }
            var pair = Candidates.FirstOrDefault(c => c.All(File.Exists)) ?? throw new InvalidOperationException(
                "No font for the PDF report: install Debian's fonts-dejavu-core (or fonts-liberation); ./run and ./test do this.");
            GlobalFontSettings.FontResolver = new ReportFonts(pair[0], pair[1]);
            registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "wb-bold" : "wb-regular", false, italic);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == "wb-bold" ? bold : regular);
}
