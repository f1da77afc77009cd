using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Admin;

/// <summary>Reads a postcode→buurt table (CSV: postcode;buurtcode;buurtnaam;wijkcode;wijknaam;gemeentecode, optionally
/// followed by breedtegraad;lengtegraad (WGS84, for the asset map), with a header row; ';' or ',' separated; with ','
/// the coordinates take a decimal point) and replaces those postcodes in the table. All or nothing:
/// one bad line and nothing is saved, with the line numbers in the errors.</summary>
public static partial class PostcodeImport
{
    public const int MaxErrors = 20;

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")] private static partial Regex Pc6();
    [GeneratedRegex("^BU[0-9]{8}$")] private static partial Regex BuurtCode();
    [GeneratedRegex("^WK[0-9]{6}$")] private static partial Regex WijkCode();
    [GeneratedRegex("^GM[0-9]{4}$")] private static partial Regex GemeenteCode();

    public sealed record Result(int Imported, List<Refusal> Errors);

    public static (List<PostcodeArea> Rows, List<Refusal> Errors) Parse(TextReader reader)
    {
        var rows = new Dictionary<string, PostcodeArea>(StringComparer.Ordinal);
        var errors = new List<Refusal>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && line.StartsWith("postcode", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var f = line.Split(line.Contains(';', StringComparison.Ordinal) ? ';' : ',').Select(s => s.Trim().Trim('"')).ToArray();
            string? problem = null;
            double? latitude = null, longitude = null;
            if (f.Length is not (6 or 8))
            {
                problem = "Regel {0}: verwacht 6 kolommen, of 8 met breedtegraad en lengtegraad.";
            }
            else
            {
                f[0] = f[0].Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                if (!Pc6().IsMatch(f[0])) problem = "Regel {0}: de postcode moet 1234AB zijn.";
                else if (!BuurtCode().IsMatch(f[1])) problem = "Regel {0}: de buurtcode moet BU gevolgd door 8 cijfers zijn.";
                else if (f[2].Length is 0 or > 100) problem = "Regel {0}: de buurtnaam ontbreekt of is te lang.";
                else if (!WijkCode().IsMatch(f[3])) problem = "Regel {0}: de wijkcode moet WK gevolgd door 6 cijfers zijn.";
                else if (f[4].Length is 0 or > 100) problem = "Regel {0}: de wijknaam ontbreekt of is te lang.";
                else if (!GemeenteCode().IsMatch(f[5])) problem = "Regel {0}: de gemeentecode moet GM gevolgd door 4 cijfers zijn.";
                else if (f.Length == 8 && (f[6].Length > 0 || f[7].Length > 0))
                {
                    if (AssetMap.Position.TryRead(f[6], out var lat) && AssetMap.Position.TryRead(f[7], out var lon)
                        && AssetMap.Position.InNetherlands(lat, lon))
                    {
                        (latitude, longitude) = (lat, lon);
                    }
                    else
                    {
                        problem = "Regel {0}: breedtegraad en lengtegraad moeten een plek in Nederland zijn, zoals 51.985 en 5.915.";
                    }
                }
            }
            if (problem is not null)
            {
                if (errors.Count < MaxErrors)
                {
                    // Each reason is a whole sentence with the line number as its argument, so English shows no Dutch.
                    errors.Add(new Refusal(problem, lineNumber));
                }
                continue;
            }
            rows[f[0]] = new PostcodeArea { Postcode = f[0], BuurtCode = f[1], BuurtName = f[2], WijkCode = f[3], WijkName = f[4], GemeenteCode = f[5],
                Latitude = latitude, Longitude = longitude };
        }
        return (rows.Values.ToList(), errors);
    }

    public static async Task<Result> ImportAsync(WijkbasisDb db, TextReader reader, CancellationToken cancellationToken)
    {
        var (rows, errors) = Parse(reader);
        if (errors.Count > 0)
        {
            return new Result(0, errors);
        }
        if (rows.Count == 0)
        {
            return new Result(0, [new Refusal("Het bestand bevat geen postcodes.")]);
        }
        return await db.InTransactionAsync(async () =>
        {
            foreach (var batch in rows.Chunk(500))
            {
                var codes = batch.Select(r => r.Postcode).ToList();
                await db.PostcodeAreas.Where(a => codes.Contains(a.Postcode)).ExecuteDeleteAsync(cancellationToken);
                db.PostcodeAreas.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            // The buurt of people already in the register follows the new table. BuurtCode is derived
            // reference data, not something a person told us, so this bulk update is not audited per row.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"People\" SET \"BuurtCode\" = (SELECT a.\"BuurtCode\" FROM \"PostcodeAreas\" a " +
                "WHERE a.\"Postcode\" = REPLACE(\"People\".\"Postcode\", ' ', '')) WHERE \"Postcode\" IS NOT NULL", cancellationToken);
            return new Result(rows.Count, []);
        }, cancellationToken);
    }
}
