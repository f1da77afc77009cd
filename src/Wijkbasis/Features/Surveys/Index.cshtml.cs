using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Surveys;

/// <summary>Metingen: per instrument and round the number of answers and, only for groups of 5 or more, the mean score, the
/// subscales and pre/post change. Never a person's score (docs/decisions/0031).</summary>
public sealed class IndexModel(WijkbasisDb db, SurveyResults results) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "instrument")] public Instrument? Chosen { get; set; }
    [BindProperty(SupportsGet = true, Name = "vragenlijst")] public Guid? SurveyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "van")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "naar")] public string? To { get; set; }

    public List<Survey> OwnSurveys { get; private set; } = [];
    public InstrumentResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        OwnSurveys = await db.Surveys.AsNoTracking().Where(s => s.ArchivedAt == null).OrderBy(s => s.TitleNl).ToListAsync(cancellationToken);
        var instrument = Chosen ?? Instrument.DeJongGierveld6;
        Survey? survey = null;
        if (instrument == Instrument.Custom && (survey = OwnSurveys.SingleOrDefault(s => s.Id == SurveyId)) is null)
        {
            return NotFound();
        }
        if (!Enum.IsDefined(instrument))
        {
            return NotFound();
        }
        Chosen = instrument;
        Results = await results.ComputeAsync(instrument, survey, Clean(From), Clean(To), cancellationToken);
        return Page();
    }

    private static string? Clean(string? round) => string.IsNullOrWhiteSpace(round) ? null : round.Trim();
}
