using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

/// <summary>Move or cancel one session without touching the rest of the series.</summary>
public sealed class SessionEditModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = nameof(Move))] public MoveInput Move { get; set; } = new();
    [BindProperty, StringLength(Session.ReasonMax, ErrorMessage = "De reden mag maximaal {1} tekens lang zijn.")]
    public string? Reason { get; set; }

    public Session Session { get; private set; } = null!;
    public List<(Guid Id, string Name)> Locations { get; private set; } = [];
    public bool HasLog { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var start = Session.StartsAt.ToAmsterdam();
        Move = new MoveInput
        {
            Date = DateOnly.FromDateTime(start), StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(Session.EndsAt.ToAmsterdam()), LocationId = Session.LocationId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Move));
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Refused() is { } refusal)
        {
            ModelState.AddRefusal("", refusal);
        }
        if (Move.LocationId is { } location && !Locations.Any(l => l.Id == location))
        {
            ModelState.AddModelError("Move.LocationId", "Kies een locatie uit de lijst.");
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        if (HasLog)
        {
            return this.Refuse(new Refusal("Er staat al iets in het logboek van deze sessie. Verplaatsen kan dan niet meer."));
        }
        var today = time.AmsterdamToday();
        if (Move.Date < today.AddYears(-1) || Move.Date > today.AddYears(2))
        {
            return this.Refuse(new Refusal("Kies een datum tussen een jaar geleden en twee jaar vooruit."), "Move.Date");
        }
        var startsAt = Clock.FromAmsterdam(Move.Date!.Value, Move.StartTime!.Value);
        Session.StartsAt = startsAt;
        Session.EndsAt = Clock.FromAmsterdam(Move.Date.Value, Move.EndTime!.Value);
        Session.LocationId = Move.LocationId!.Value;
        Session.IsMoved = true;
        Session.Sequence++;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De sessie is verplaatst naar {0}.", Session.StartsAt.Display());
        return RedirectToPage("/Activities/Details", new { id = Session.ActivityId });
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Reason));
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Refused() is { } refusal)
        {
            ModelState.AddRefusal("", refusal);
        }
        else if (HasLog)
        {
            ModelState.AddRefusal("", new Refusal("Er staat al iets in het logboek van deze sessie. Afgelasten kan dan niet meer."));
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        Session.CancelledAt = time.UtcNow();
        Session.CancelReason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        Session.Sequence++;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De sessie van {0} is afgelast.", Session.StartsAt.Display());
        return RedirectToPage("/Activities/Details", new { id = Session.ActivityId });
    }

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Session.IsCancelled)
        {
            Session.CancelledAt = null;
            Session.CancelReason = null;
            Session.Sequence++;
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData.Say("De sessie van {0} gaat weer door.", Session.StartsAt.Display());
        return RedirectToPage("/Activities/Details", new { id = Session.ActivityId });
    }

    private Refusal? Refused() => Session.IsClosed
        ? new Refusal("Het logboek van deze sessie is afgesloten. Verplaatsen of afgelasten kan niet meer.")
        : Session.IsCancelled ? new Refusal("Deze sessie is al afgelast. Zet haar eerst terug.") : null;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var session = await db.Sessions.Include(s => s.Activity).SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (session is null)
        {
            return false;
        }
        Session = session;
        HasLog = (await Logbook.LogbookRules.WithEntriesAsync(db, [Id], cancellationToken)).Count > 0;
        Locations = (await db.Locations.Where(l => l.ArchivedAt == null || l.Id == session.LocationId).OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken)).Select(l => (l.Id, l.Name)).ToList();
        return true;
    }

    public sealed class MoveInput : IValidatableObject
    {
        [Required(ErrorMessage = "Vul de datum in.")] public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Vul de begintijd in.")] public TimeOnly? StartTime { get; set; }
        [Required(ErrorMessage = "Vul de eindtijd in.")] public TimeOnly? EndTime { get; set; }
        [Required(ErrorMessage = "Kies een locatie.")] public Guid? LocationId { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (StartTime is { } start && EndTime is { } end && end <= start)
            {
                yield return new ValidationResult("De sessie moet eindigen na het begin.", [nameof(EndTime)]);
            }
        }
    }
}
