using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Surveys;

/// <summary>A resident answers through a printed single-use link, without logging in. The page shows the questions only:
/// never other answers, never who else answered. No person is stored. A used or expired link is refused; the link is
/// marked used in the same transaction as the answer is saved, so two tabs cannot both answer (docs/decisions/0031).
/// Rate limited per address like the other public forms.</summary>
public sealed class AnswerModel(WijkbasisDb db, TenantContext tenant, FieldCipher cipher, TimeProvider time) : PageModel
{
    public const string Actor = "anonieme link";

    [BindProperty] public ResponseInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "klaar")] public bool Done { get; set; }

    public string EnterpriseName { get; private set; } = "";
    public SurveyLink? Link { get; private set; }
    public Survey? Survey { get; private set; }
    public List<SurveyQuestion> Questions { get; private set; } = [];
    /// <summary>Why the link cannot be used (shown instead of the form), or null.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, token, cancellationToken))
        {
            return NotFound();
        }
        if (Closed is not null && !(Done && Link!.UsedAt is not null))
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, token, cancellationToken))
        {
            return NotFound();
        }
        if (Closed is not null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        var link = Link!;
        var answers = ResponseForm.Read(link.Instrument, Questions, Input, ModelState, nameof(Input) + ".");
        if (!ModelState.IsValid || answers is null)
        {
            return this.Refuse();
        }
        tenant.SetActor(null, Actor);
        var now = time.UtcNow();
        var saved = await db.InTransactionAsync(async () =>
        {
            // The one use: only the request that flips UsedAt from empty saves an answer.
            var taken = await db.SurveyLinks.Where(l => l.Id == link.Id && l.UsedAt == null && l.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
            if (taken == 0)
            {
                return false;
            }
            var response = new SurveyResponse
            {
                Instrument = link.Instrument, SurveyId = link.SurveyId, LinkId = link.Id, Round = link.Round,
                TakenOn = time.AmsterdamToday(), ByName = Actor, CreatedAt = now, Answers = null!,
            };
            response.Answers = cipher.Seal(answers.ToJson(), response, SurveyResponse.AnswersField)!;
            db.SurveyResponses.Add(response);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        if (!saved)
        {
            db.ChangeTracker.Clear();
            Closed = "Deze link is al gebruikt. Elke link werkt één keer.";
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        return RedirectToPage("/Surveys/Answer", new { slug, token, klaar = true });
    }

    private async Task<bool> LoadAsync(string slug, string token, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 10 and < 100 } || await tenant.EnterPublicAsync(db, slug, cancellationToken) is not { } enterprise)
        {
            return false;
        }
        EnterpriseName = enterprise.Name;
        var hash = SurveyLink.Hash(token);
        Link = await db.SurveyLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (Link is null)
        {
            return false;
        }
        if (Link.SurveyId is { } surveyId)
        {
            Survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
            Questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == surveyId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        }
        Closed = Link.UsedAt is not null
            ? (Done ? "Dank u wel! Uw antwoorden zijn opgeslagen." : "Deze link is al gebruikt. Elke link werkt één keer.")
            : Link.ExpiresAt <= time.UtcNow() ? "Deze link is verlopen. Vraag om een nieuwe."
            : Survey is { ArchivedAt: not null } ? "Deze vragenlijst is gesloten."
            : null;
        return true;
    }
}
