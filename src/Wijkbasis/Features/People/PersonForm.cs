using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.People;

/// <summary>The fields of the register that a coordinator types in; shared by Create and Edit.</summary>
public sealed class PersonInput : IValidatableObject
{
    [Required(ErrorMessage = "Vul een naam of roepnaam in.")]
    [StringLength(Person.NameMax, ErrorMessage = "De naam mag maximaal {1} tekens lang zijn.")]
    [Display(Name = "Naam")]
    public string Name { get; set; } = "";

    public bool IsAlias { get; set; }

    [Range(1900, 2100, ErrorMessage = "Vul een geboortejaar in tussen 1900 en nu.")]
    [Display(Name = "Geboortejaar")]
    public int? BirthYear { get; set; }

    [StringLength(7, ErrorMessage = "Vul de postcode in als 1234 AB.")]
    [Display(Name = "Postcode")]
    public string? Postcode { get; set; }

    [StringLength(Person.PhoneMax, ErrorMessage = "Het telefoonnummer mag maximaal {1} tekens lang zijn.")]
    [RegularExpression(@"^[0-9+()\- ]*$", ErrorMessage = "Een telefoonnummer bevat alleen cijfers, spaties, + en -.")]
    [Display(Name = "Telefoon")]
    public string? Phone { get; set; }

    [StringLength(Person.EmailMax, ErrorMessage = "Het e-mailadres mag maximaal {1} tekens lang zijn.")]
    [EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [StringLength(Person.LanguagesMax, ErrorMessage = "De talen mogen samen maximaal {1} tekens lang zijn.")]
    [Display(Name = "Talen")]
    public string? Languages { get; set; }

    public bool IsVrager { get; set; }
    public bool IsDrager { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        PostcodeRules.CheckPostcodeAndBirthYear(Postcode, BirthYear, validationContext);

    public static PersonInput From(Person p) => new()
    {
        Name = p.Name,
        IsAlias = p.IsAlias,
        BirthYear = p.BirthYear,
        Postcode = p.Postcode,
        Phone = p.Phone,
        Email = p.Email,
        Languages = p.Languages,
        IsVrager = p.IsVrager,
        IsDrager = p.IsDrager,
    };

    /// <summary>Copies the input onto a person and derives the buurt from the postcode table.</summary>
    public async Task ApplyToAsync(Person p, WijkbasisDb db, CancellationToken cancellationToken)
    {
        p.Name = Name.Trim();
        p.SearchName = SearchText.Normalize(Name);
        p.IsAlias = IsAlias;
        p.BirthYear = BirthYear;
        p.Postcode = PostcodeRules.Normalize(Postcode);
        p.BuurtCode = await PostcodeRules.BuurtOfAsync(db, p.Postcode, cancellationToken);
        p.Phone = Blank(Phone);
        p.Email = Blank(Email);
        p.Languages = Blank(Languages);
        p.IsVrager = IsVrager;
        p.IsDrager = IsDrager;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public static partial class PostcodeRules
{
    // Dutch postcodes: no leading zero; SA, SD and SS are never issued.
    [GeneratedRegex(@"^\s*([1-9][0-9]{3})\s?(?!SA|SD|SS)([A-Z]{2})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PostcodePattern();

    /// <summary>The checks every form with a postcode and a birth year makes (the register, a newcomer at the door).</summary>
    public static IEnumerable<ValidationResult> CheckPostcodeAndBirthYear(string? postcode, int? birthYear, ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(postcode) && Normalize(postcode) is null)
        {
            yield return new ValidationResult("Vul de postcode in als 1234 AB.", ["Postcode"]);
        }
        var year = context.GetService(typeof(TimeProvider)) is TimeProvider time ? time.GetUtcNow().Year : 2100;
        if (birthYear > year)
        {
            yield return new ValidationResult("Het geboortejaar ligt in de toekomst.", ["BirthYear"]);
        }
    }

    /// <summary>"1234ab" → "1234 AB"; null when it is not a Dutch postcode.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var match = PostcodePattern().Match(input.ToUpperInvariant());
        return match.Success ? $"{match.Groups[1].Value} {match.Groups[2].Value}" : null;
    }

    public static async Task<string?> BuurtOfAsync(WijkbasisDb db, string? postcode, CancellationToken cancellationToken) =>
        postcode is null
            ? null
            : await db.PostcodeAreas.Where(a => a.Postcode == postcode.Replace(" ", "", StringComparison.Ordinal))
                .Select(a => a.BuurtCode).SingleOrDefaultAsync(cancellationToken);
}

public static class PeopleSearch
{
    /// <summary>People whose name contains the text (accents and case ignored), or whose postcode starts with
    /// it when it starts with four digits ("6822", "6822 AB", "6822ab").</summary>
    public static IQueryable<Person> Matching(this IQueryable<Person> people, string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return people;
        }
        var postcode = q.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (postcode.Length >= 4 && postcode[..4].All(char.IsAsciiDigit))
        {
            // Stored as "1234 AB": match on the digits, then on the letters if given.
            var prefix = postcode.Length > 4 ? $"{postcode[..4]} {postcode[4..]}" : postcode;
            return people.Where(p => p.Postcode != null && p.Postcode.StartsWith(prefix));
        }
        var name = SearchText.Normalize(q);
        return people.Where(p => p.SearchName.Contains(name));
    }
}

public static class SearchText
{
    /// <summary>Lower case without accents, single spaces: "José  Ütrecht" → "jose utrecht".</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return "";
        }
        var decomposed = input.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var space = char.IsWhiteSpace(c);
            if (space && lastSpace)
            {
                continue;
            }
            sb.Append(space ? ' ' : c);
            lastSpace = space;
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
