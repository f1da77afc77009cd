using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Talents;

/// <summary>One match: who helps whom with what and why it was suggested, the next step, stopping it with a reason,
/// and the coordinator's guidance notes.</summary>
public sealed class MatchModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit, IOptions<TalentOptions> options,
    TimeCreditBookings bookings) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Text { get; set; }
    /// <summary>The version the page was shown with: of two people pressing a button at once, one wins.</summary>
    [BindProperty] public int Version { get; set; }
    /// <summary>Time credits the receiver gives the giver with the thanks (optional; only with the time bank on).</summary>
    [BindProperty] public string? Points { get; set; }

    public Match Match { get; private set; } = null!;
    public string GiverName { get; private set; } = "";
    public string ReceiverName { get; private set; } = "";
    public List<MatchNote> Notes { get; private set; } = [];
    /// <summary>The enterprise keeps time credits: thanking a done match can give points.</summary>
    public bool TimeBankOn { get; private set; }
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

    public Task<IActionResult> OnPostNextAsync(CancellationToken cancellationToken) => !string.IsNullOrWhiteSpace(Points)
        ? ThankWithPointsAsync(cancellationToken)
        : StepAsync(m =>
    {
        var now = time.UtcNow();
        var status = m.Status;
        var error = status switch
        {
            MatchStatus.Suggested => m.Introduce(tenant.DisplayName, now),
            MatchStatus.Introduced => m.Agree(now),
            MatchStatus.Agreed => m.Complete(now),
            MatchStatus.Done => m.Thank(now),
            _ => new Refusal("Deze koppeling is afgerond; er is geen volgende stap."),
        };
        return (error, error is null ? Reached(m.Status) : null);
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

    private static readonly Refusal Conflict = new("Iemand anders heeft deze koppeling net gewijzigd. Kijk of uw stap nog nodig is.");

    /// <summary>What a step says when it is done (a whole sentence per status: a status mid-sentence is lower case).</summary>
    private static string Reached(MatchStatus status) => status switch
    {
        MatchStatus.Introduced => "Gelukt: de koppeling is nu kennisgemaakt.",
        MatchStatus.Agreed => "Gelukt: de koppeling is nu afgesproken.",
        MatchStatus.Done => "Gelukt: de koppeling is nu gedaan.",
        _ => "Gelukt: de koppeling is nu bedankt.",
    };

    /// <summary>Thanks the giver of a done match with time credits from the receiver's account (reciprocity: who was
    /// helped gives). The thanks and the transfer (linked to the match) are saved together or not at all, under the
    /// time bank's lock, so a balance bound or a second thanks at the same moment refuses both.</summary>
    private async Task<IActionResult> ThankWithPointsAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (Version != Match.Version)
        {
            return await this.RefuseAsync(db, ReloadAsync, Conflict, "");
        }
        if (Match.Status != MatchStatus.Done)
        {
            return await this.RefuseAsync(db, ReloadAsync, new("Punten geven kan bij het bedanken, als de hulp gedaan is."), nameof(Points));
        }
        if (!long.TryParse(Points!.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture,
                out var points) || points <= 0)
        {
            return await this.RefuseAsync(db, ReloadAsync, new("Vul bij punten een heel getal groter dan 0 in, of laat het leeg."), nameof(Points));
        }
        if (await bookings.SettingsAsync(cancellationToken) is not { Enabled: true })
        {
            return await this.RefuseAsync(db, ReloadAsync, TimeCreditLedger.Off, nameof(Points));
        }
        var (id, seen, about, giverName, receiverName) = (Match.Id, Version, Match.About, GiverName, ReceiverName);
        var from = await bookings.PersonAccountAsync(Match.ReceiverPersonId, receiverName, cancellationToken);
        var to = await bookings.PersonAccountAsync(Match.GiverPersonId, giverName, cancellationToken);
        var description = about.Length == 0 ? "Bedankt voor de hulp" : $"Bedankt voor de hulp: {about}";
        var result = await bookings.TransferAsync(from, to, points, description[..Math.Min(description.Length, TimeCreditTransfer.DescriptionMax)],
            cancellationToken, Match.LinkKind, id, async _ =>
            {
                var match = await db.Matches.SingleAsync(m => m.Id == id, cancellationToken);
                return match.Version != seen ? Conflict : match.Thank(time.UtcNow());
            });
        if (!result.Done)
        {
            return await this.RefuseAsync(db, ReloadAsync, result.Text, nameof(Points));
        }
        TempData.Say("Gelukt: de koppeling is nu bedankt. {0} gaf {1} {2} punten.", receiverName, giverName, points);
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult> StepAsync(Func<Match, (Refusal? Error, string? Done)> step, CancellationToken cancellationToken,
        string errorKey = "", bool checkVersion = true)
    {
        if (!await LoadAsync(cancellationToken, tracked: true))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (checkVersion && Version != Match.Version)
        {
            return await this.RefuseAsync(db, ReloadAsync, Conflict, "");
        }
        var (error, done) = step(Match);
        if (error is not null)
        {
            return await this.RefuseAsync(db, ReloadAsync, error, errorKey);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await this.RefuseAsync(db, ReloadAsync, Conflict, "");
        }
        TempData.Say(done!);
        return RedirectToPage(new { id = Id });
    }

    /// <summary>After a refusal: the match as it is now, with its current version (a second try is a new step).</summary>
    private async Task ReloadAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        Version = Match.Version;
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
        TimeBankOn = await bookings.SettingsAsync(cancellationToken) is { Enabled: true };
        Notes = await db.MatchNotes.AsNoTracking().Where(n => n.MatchId == Id).OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .ToListAsync(cancellationToken);
        return true;
    }
}
