using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbasis.Features.Agenda;

/// <summary>The public agenda of one enterprise: open to anyone, no personal data.</summary>
public sealed class IndexModel(PublicAgenda agenda) : PageModel
{
    public const int WeeksShown = 4;

    /// <summary>The first day shown; the page shows four weeks from there and links to the next four.</summary>
    [BindProperty(SupportsGet = true, Name = "vanaf")] public DateOnly? From { get; set; }
    public DateOnly? Next { get; private set; }
    public DateOnly? Previous { get; private set; }
    public bool IsFirstPage { get; private set; }
    public DateOnly Today => agenda.Today;

    public string EnterpriseName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public List<IGrouping<DateOnly, PublicAgenda.Item>> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var enterprise = await agenda.EnterAsync(slug, cancellationToken);
        if (enterprise is null)
        {
            return NotFound();
        }
        EnterpriseName = enterprise.Name;
        Slug = enterprise.Slug;
        var today = agenda.Today;
        var from = From is { } f && f > today && f <= today.AddYears(1) ? f : today;
        var until = from.AddDays(WeeksShown * 7 - 1);
        var items = await agenda.SessionsAsync(from, until, cancellationToken);
        Next = await agenda.AnyAfterAsync(until, cancellationToken) ? until.AddDays(1) : null;
        Previous = from > today ? new[] { from.AddDays(-WeeksShown * 7), today }.Max() : null;
        IsFirstPage = from == today;
        Days = items.GroupBy(i => DateOnly.FromDateTime(Infrastructure.Time.Clock.ToAmsterdam(i.StartsAt))).ToList();
        return Page();
    }
}
