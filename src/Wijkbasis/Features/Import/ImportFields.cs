using System.Text.Json;
using Wijkbasis.Features.People;

namespace Wijkbasis.Features.Import;

/// <summary>A field an import fills, with the Dutch label shown when mapping and the column heads it is guessed from.</summary>
public sealed record ImportField(string Key, string Label, bool Required, params string[] Heads);

public static class ImportFields
{
    public const string Name = "naam";
    public const string BirthYear = "geboortejaar";
    public const string Postcode = "postcode";
    public const string Phone = "telefoon";
    public const string Email = "email";
    public const string Languages = "talen";
    public const string Activity = "activiteit";
    public const string Date = "datum";
    public const string Start = "begin";
    public const string End = "eind";
    public const string Location = "locatie";
    public const string Children = "kinderen";
    public const string Teens = "tieners";
    public const string Adults = "volwassenen";
    public const string Seniors = "senioren";

    public static IReadOnlyList<ImportField> Of(ImportKind kind) => kind switch
    {
        ImportKind.People =>
        [
            new(Name, "Naam", true, "naam", "name", "roepnaam", "volledige naam"),
            new(BirthYear, "Geboortejaar", false, "geboortejaar", "jaar", "birth year"),
            new(Postcode, "Postcode", false, "postcode", "pc", "zip"),
            new(Phone, "Telefoon", false, "telefoon", "telefoonnummer", "tel", "mobiel", "phone"),
            new(Email, "E-mail", false, "e-mail", "email", "e-mailadres", "mail"),
            new(Languages, "Talen", false, "talen", "taal", "languages"),
        ],
        ImportKind.Sessions =>
        [
            new(Activity, "Activiteit", true, "activiteit", "naam activiteit", "activity"),
            new(Date, "Datum", true, "datum", "dag", "date"),
            new(Start, "Begintijd", true, "begintijd", "begin", "van", "start"),
            new(End, "Eindtijd", true, "eindtijd", "eind", "tot", "end"),
            new(Location, "Locatie", false, "locatie", "plek", "plaats", "location"),
        ],
        _ =>
        [
            new(Activity, "Activiteit", true, "activiteit", "naam activiteit", "activity"),
            new(Date, "Datum", true, "datum", "dag", "date"),
            new(Name, "Naam (bij een aanmelding op naam)", false, "naam", "deelnemer", "bezoeker", "name"),
            new(BirthYear, "Geboortejaar (als twee mensen dezelfde naam hebben)", false, "geboortejaar", "jaar"),
            new(Children, "Kinderen (0–12)", false, "kinderen", "kinderen 0-12"),
            new(Teens, "Tieners (13–17)", false, "tieners", "jongeren", "tieners 13-17"),
            new(Adults, "Volwassenen (18–64)", false, "volwassenen", "volwassenen 18-64"),
            new(Seniors, "Ouderen (65+)", false, "ouderen", "senioren", "65+"),
        ],
    };

    public static string Label(ImportKind kind) => kind switch
    {
        ImportKind.People => "Mensen",
        ImportKind.Sessions => "Activiteiten met bijeenkomsten",
        _ => "Aanwezigheid (op naam en tellingen)",
    };
}

/// <summary>Which column of the file fills which field: field key → column head.</summary>
public sealed class ColumnMapping
{
    public Dictionary<string, string> Columns { get; init; } = new(StringComparer.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(Columns);

    public static ColumnMapping FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new();
        }
        try
        {
            return new() { Columns = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new(StringComparer.Ordinal) };
        }
        catch (JsonException)
        {
            return new();
        }
    }

    /// <summary>The column index of a field in these heads, or null when it is not mapped (or the head is gone).</summary>
    public int? IndexOf(string field, IReadOnlyList<string> heads)
    {
        if (!Columns.TryGetValue(field, out var head) || string.IsNullOrEmpty(head))
        {
            return null;
        }
        for (var i = 0; i < heads.Count; i++)
        {
            if (string.Equals(heads[i], head, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>A mapping for these heads: the remembered one where its heads are in the file, else guessed from the
    /// heads' names.</summary>
    public static ColumnMapping For(ImportKind kind, IReadOnlyList<string> heads, ColumnMapping? remembered)
    {
        var mapping = new ColumnMapping();
        var normalized = heads.Select(h => SearchText.Normalize(h)).ToList();
        foreach (var field in ImportFields.Of(kind))
        {
            if (remembered?.IndexOf(field.Key, heads) is { } known)
            {
                mapping.Columns[field.Key] = heads[known];
                continue;
            }
            var guess = normalized.FindIndex(h => field.Heads.Contains(h));
            if (guess >= 0)
            {
                mapping.Columns[field.Key] = heads[guess];
            }
        }
        return mapping;
    }
}
