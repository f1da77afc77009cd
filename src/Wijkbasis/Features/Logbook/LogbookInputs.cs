using System.ComponentModel.DataAnnotations;
using Wijkbasis.Features.People;

namespace Wijkbasis.Features.Logbook;

public sealed class HeadCountInput : IValidatableObject
{
    [Range(0, HeadCount.MaxPerBand, ErrorMessage = "Vul bij 0–12 jaar een aantal in van 0 tot en met 500.")]
    [Display(Name = "0–12 jaar")]
    public int? Children { get; set; }
    [Range(0, HeadCount.MaxPerBand, ErrorMessage = "Vul bij 13–17 jaar een aantal in van 0 tot en met 500.")]
    [Display(Name = "13–17 jaar")]
    public int? Teens { get; set; }
    [Range(0, HeadCount.MaxPerBand, ErrorMessage = "Vul bij 18–64 jaar een aantal in van 0 tot en met 500.")]
    [Display(Name = "18–64 jaar")]
    public int? Adults { get; set; }
    [Range(0, HeadCount.MaxPerBand, ErrorMessage = "Vul bij 65+ een aantal in van 0 tot en met 500.")]
    [Display(Name = "65+")]
    public int? Seniors { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Children ?? 0) + (Teens ?? 0) + (Adults ?? 0) + (Seniors ?? 0) == 0)
        {
            yield return new ValidationResult("Vul bij minstens één leeftijdsgroep een aantal in.", [nameof(Children)]);
        }
    }
}

public sealed class EntryInput
{
    public LogEntryKind Kind { get; set; } = LogEntryKind.Story;

    [Required(ErrorMessage = "Schrijf eerst iets op.")]
    [StringLength(LogEntry.TextMax, ErrorMessage = "Een verhaal of notitie mag maximaal {1} tekens lang zijn.")]
    public string? Text { get; set; }

    public Guid? PersonId { get; set; }
    public bool ConsentToReport { get; set; }
}

public sealed class NewPersonInput : IValidatableObject
{
    [Required(ErrorMessage = "Vul een naam of roepnaam in.")]
    [StringLength(Person.NameMax, ErrorMessage = "De naam mag maximaal {1} tekens lang zijn.")]
    public string? Name { get; set; }

    [Range(1900, 2100, ErrorMessage = "Vul een geboortejaar in tussen 1900 en nu.")]
    public int? BirthYear { get; set; }

    [StringLength(7, ErrorMessage = "Vul de postcode in als 1234 AB.")]
    public string? Postcode { get; set; }

    /// <summary>Participation is registered on consent; without it, count the person as a walk-in instead.</summary>
    public bool Consent { get; set; }

    /// <summary>Confirms it is a different person from the one with the same name already registered.</summary>
    public bool SomeoneElse { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in PostcodeRules.CheckPostcodeAndBirthYear(Postcode, BirthYear, validationContext))
        {
            yield return problem;
        }
        if (!Consent)
        {
            yield return new ValidationResult("Vraag eerst of het goed is dat we naam en bezoek bijhouden. Wil iemand dat niet? Tel hem of haar dan mee bij de telling.", [nameof(Consent)]);
        }
    }
}

/// <summary>One tap on a stepper: one more or one less in an age band.</summary>
public sealed class StepInput : IValidatableObject
{
    [Required(ErrorMessage = "Kies een leeftijdsgroep.")]
    [EnumDataType(typeof(AgeBand), ErrorMessage = "Kies een leeftijdsgroep.")]
    public AgeBand? Band { get; set; }

    [Range(-1, 1, ErrorMessage = "Tel er één bij of haal er één af.")]
    public int Delta { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delta == 0)
        {
            yield return new ValidationResult("Tel er één bij of haal er één af.", [nameof(Delta)]);
        }
    }
}
