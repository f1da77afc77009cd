using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Talents;

/// <summary>One match: who helps whom with what and why it was suggested, the next step, stopping it with a reason,
/// and the coordinator's guidance notes.</summary>
public sealed class MatchModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit, IOptions<TalentOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Text { get; set; }
    /// <summary>The version the page was shown with: of two people pressing a button at once, one wins.</summary>
    [BindProperty] public int Version { get; set; }

    public Match Match { get; private set; } = null!;
    public string GiverName { get; private set; } = "";
    public string ReceiverName { get; private set; } = "";
    public List<MatchNote> Notes { get; private set; } = [];
    public bool Stalled => Match.IsStalled(time.UtcNow(), options.Value.StalledAfterDays);
    public int StalledAfterDays => options.Value.StalledAfterDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        await audit.RecordViewAsync(Match, [Match.GiverPersonId, Match.ReceiverPersonId], cancellationToken);
        Version = Match.Version;
        return Page();
    }

    public Task<IActionResult> OnPostNextAsync(CancellationToken cancellationToken) => StepAsync(m =>
    {
        var now = time.UtcNow();
        var status = m.Status;
        var error = status switch
        {
            MatchStatus.Suggested => m.Introduce(tenant.DisplayName, now),
            MatchStatus.Introduced => m.Agree(now),
            MatchStatus.Agreed => m.Complete(now),
            MatchStatus.Done => m.Thank(now),
            _ => "Deze koppeling is afgerond; er is geen volgende stap.",
        };
        return (error, error is null ? $"Gelukt: de koppeling is nu {Match.Label(m.Status).ToLowerInvariant()}." : null);
    }, cancellationToken);

    public Task<IActionResult> OnPostFizzleAsync(CancellationToken cancellationToken) => StepAsync(m =>
    {
        var error = m.Fizzle(Reason, time.UtcNow());
        return (error, error is null ? "De koppeling is gestopt. De reden is bewaard." : null);
    }, cancellationToken, errorKey: nameof(Reason));

    public Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken) => StepAsync(m =>
    {
        if (MatchNote.Check(Text) is { } error)
        {
            return (error, null);
        }
        var now = time.UtcNow();
        db.MatchNotes.Add(new MatchNote
        {
            MatchId = m.Id, PersonId = m.ReceiverPersonId, At = now, ByUserId = tenant.UserId, ByName = tenant.DisplayName, Text = Text!.Trim(),
        });
        m.Touch(now);
        return (null, "De notitie is bewaard.");
    }, cancellationToken, errorKey: nameof(Text), checkVersion: false);

    private async Task<IActionResult> StepAsync(Func<Match, (string? Error, string? Done)> step, CancellationToken cancellationToken,
        string errorKey = "", bool checkVersion = true)
    {
        if (!await LoadAsync(cancellationToken, tracked: true))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (checkVersion && Version != Match.Version)
        {
            return await RefuseAsync("", "Iemand anders heeft deze koppeling net gewijzigd. Kijk of uw stap nog nodig is.", cancellationToken);
        }
        var (error, done) = step(Match);
        if (error is not null)
        {
            return await RefuseAsync(errorKey, error, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseAsync("", "Iemand anders heeft deze koppeling net gewijzigd. Kijk of uw stap nog nodig is.", cancellationToken);
        }
        TempData.Say(done!);
        return Redirect($"/{tenant.Slug}/koppelingen/{Id}");
    }

    private async Task<IActionResult> RefuseAsync(string key, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(key, message);
        db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken);
        Version = Match.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken, bool tracked = false)
    {
        var matches = tracked ? db.Matches : db.Matches.AsNoTracking();
        if (await matches.SingleOrDefaultAsync(m => m.Id == Id, cancellationToken) is not { } match)
        {
            return false;
        }
        Match = match;
        var names = await db.People.AsNoTracking().Where(p => p.Id == match.GiverPersonId || p.Id == match.ReceiverPersonId)
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        GiverName = names.GetValueOrDefault(match.GiverPersonId, "?");
        ReceiverName = names.GetValueOrDefault(match.ReceiverPersonId, "?");
        Notes = await db.MatchNotes.AsNoTracking().Where(n => n.MatchId == Id).OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .ToListAsync(cancellationToken);
        return true;
    }
}
