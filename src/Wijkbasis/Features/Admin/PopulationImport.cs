using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Admin;

/// <summary>Reads CBS's "Kerncijfers wijken en buurten" for one year, in either of the two layouts CBS publishes it
/// in, and replaces that year's inhabitants per buurt. The file is CBS's own; nothing has to be renamed or removed:
/// <list type="bullet">
/// <item>the yearly download from cbs.nl (kwb-JJJJ.csv): columns <c>gwb_code_10</c> (or <c>gwb_code</c>),
/// <c>recs</c>, <c>a_inw</c>, <c>a_00_14</c>, <c>a_15_24</c>, <c>a_25_44</c>, <c>a_45_64</c>, <c>a_65_oo</c>;</item>
/// <item>a StatLine table downloaded as CSV: columns <c>Codering_3</c>, <c>SoortRegio_2</c>, <c>AantalInwoners_5</c>,
/// <c>k_0Tot15Jaar_8</c> … <c>k_65JaarOfOuder_12</c> (the number after the last underscore differs per year, so
/// a column is recognised by its name before it).</item>
/// </list>
/// Rows of the country, municipalities and wijken are skipped; so are buurten for which CBS gives no inhabitants
/// ("." means secret or unknown). Separator (';' or ',') and quoting are read by Sep.</summary>
public static partial class PopulationImport
{
    public const int MaxErrors = 20;
    public const int FirstYear = 2000;

    [GeneratedRegex("^BU[0-9]{8}$")] private static partial Regex BuurtCode();
    [GeneratedRegex("_[0-9]+$")] private static partial Regex StatLineSuffix();

    public sealed record Row(string BuurtCode, int Inhabitants, int? Age0To15, int? Age15To25, int? Age25To45, int? Age45To65, int? Age65Plus);

    /// <summary>What a file holds: the buurten to import, what was skipped and why, and every problem found.</summary>
    public sealed record Parsed(IReadOnlyList<Row> Rows, int OtherRegions, int WithoutInhabitants, IReadOnlyList<Refusal> Errors)
    {
        public long Inhabitants => Rows.Sum(r => (long)r.Inhabitants);
    }

    private sealed record Layout(string Code, string Inhabitants, string[] Ages);

    private static readonly Layout Kwb = new("gwb_code_10", "a_inw", ["a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo"]);
    private static readonly Layout StatLine = new("Codering", "AantalInwoners",
        ["k_0Tot15Jaar", "k_15Tot25Jaar", "k_25Tot45Jaar", "k_45Tot65Jaar", "k_65JaarOfOuder"]);

    public static Parsed Parse(TextReader reader)
    {
        var errors = new List<Refusal>();
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        int otherRegions = 0, withoutInhabitants = 0;
        SepReader csv;
        try
        {
            csv = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(reader);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException)
        {
            return new Parsed([], 0, 0, [new Refusal("Het bestand is geen leesbaar CSV-bestand.")]);
        }
        using (csv)
        {
            if (csv.Header.ColNames.Count == 0 || !csv.HasRows)
            {
                return new Parsed([], 0, 0, [new Refusal("Het bestand bevat geen regels.")]);
            }
            var names = csv.Header.ColNames.Select(n => n.Trim().Trim('\uFEFF')).ToList();
            int Find(string name)
            {
                var exact = names.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                return exact >= 0 ? exact : names.FindIndex(n => string.Equals(StatLineSuffix().Replace(n, ""), name, StringComparison.OrdinalIgnoreCase));
            }
            var layout = Find(StatLine.Code) >= 0 && Find(StatLine.Inhabitants) >= 0 ? StatLine : Kwb;
            var code = Find(layout.Code);
            if (code < 0 && layout == Kwb)
            {
                code = Find("gwb_code");
            }
            var inhabitants = Find(layout.Inhabitants);
            if (code < 0 || inhabitants < 0)
            {
                return new Parsed([], 0, 0, [new Refusal(
                    "Dit lijkt geen bestand met de kerncijfers wijken en buurten van het CBS: de kolommen {0} en {1} (of {2} en {3}) ontbreken.",
                    Kwb.Code, Kwb.Inhabitants, StatLine.Code, StatLine.Inhabitants)]);
            }
            var ages = layout.Ages.Select(Find).ToArray();
            foreach (var row in csv)
            {
                var line = row.LineNumberFrom;
                void Problem(string format, params object?[] args)
                {
                    if (errors.Count < MaxErrors)
                    {
                        errors.Add(new Refusal(format, [line, .. args]));
                    }
                }
                if (row.ColCount <= Math.Max(code, inhabitants))
                {
                    if (row.Span.Trim().Length > 0)
                    {
                        Problem("Regel {0}: er ontbreken kolommen.");
                    }
                    continue;
                }
                var fields = new string[row.ColCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[i].ToString().Trim();
                }
                var regionCode = fields[code];
                if (!regionCode.StartsWith("BU", StringComparison.OrdinalIgnoreCase))
                {
                    otherRegions++; // the country, a municipality or a wijk
                    continue;
                }
                regionCode = regionCode.ToUpperInvariant();
                if (!BuurtCode().IsMatch(regionCode))
                {
                    Problem("Regel {0}: de buurtcode {1} is niet BU gevolgd door 8 cijfers.", regionCode);
                    continue;
                }
                int? Count(int column, string name, ref bool bad)
                {
                    if (column < 0 || column >= fields.Length)
                    {
                        return null;
                    }
                    var text = fields[column];
                    if (text is "" or "." or "-" or "x" or "X")
                    {
                        return null; // CBS's mark for secret, unknown or not applicable
                    }
                    if (int.TryParse(text.Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                        && value <= 10_000_000)
                    {
                        return value;
                    }
                    Problem("Regel {0}: in kolom {1} staat {2}; dat is geen aantal.", name, text.Length > 20 ? text[..20] : text);
                    bad = true;
                    return null;
                }
                var bad = false;
                var people = Count(inhabitants, names[inhabitants], ref bad);
                var bands = ages.Select(a => Count(a, a >= 0 ? names[a] : "", ref bad)).ToArray();
                if (bad)
                {
                    continue;
                }
                if (people is null or 0)
                {
                    withoutInhabitants++;
                    continue;
                }
                if (rows.ContainsKey(regionCode))
                {
                    Problem("Regel {0}: buurt {1} staat twee keer in het bestand.", regionCode);
                    continue;
                }
                rows[regionCode] = new Row(regionCode, people.Value, bands[0], bands[1], bands[2], bands[3], bands[4]);
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new Refusal("Het bestand bevat geen buurten met een aantal inwoners."));
        }
        return new Parsed([.. rows.Values.OrderBy(r => r.BuurtCode, StringComparer.Ordinal)], otherRegions, withoutInhabitants, errors);
    }

    /// <summary>How many of the file's buurten are new for the year and how many replace figures already there.</summary>
    public static async Task<(int New, int Replaced, int Dropped)> CompareAsync(WijkbasisDb db, int year, Parsed parsed, CancellationToken cancellationToken)
    {
        var existing = (await db.BuurtPopulations.Where(p => p.Year == year).Select(p => p.BuurtCode).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var replaced = parsed.Rows.Count(r => existing.Contains(r.BuurtCode));
        return (parsed.Rows.Count - replaced, replaced, existing.Count - replaced);
    }

    /// <summary>Replaces the year's figures with the file's, all or nothing.</summary>
    public static Task ImportAsync(WijkbasisDb db, int year, Parsed parsed, DateTime now, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await db.BuurtPopulations.Where(p => p.Year == year).ExecuteDeleteAsync(cancellationToken);
            foreach (var batch in parsed.Rows.Chunk(1000))
            {
                db.BuurtPopulations.AddRange(batch.Select(r => new BuurtPopulation
                {
                    BuurtCode = r.BuurtCode, Year = year, Inhabitants = r.Inhabitants, Age0To15 = r.Age0To15, Age15To25 = r.Age15To25,
                    Age25To45 = r.Age25To45, Age45To65 = r.Age45To65, Age65Plus = r.Age65Plus, ImportedAt = now,
                }));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            return true;
        }, cancellationToken);
}
