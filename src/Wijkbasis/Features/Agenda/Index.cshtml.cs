using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbasis.Features.Agenda;

/// <summary>The public agenda of one enterprise: open to anyone, no personal data.</summary>
public sealed class IndexModel(PublicAgenda agenda) : PageModel
{
    public const int WeeksShown = 8;

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
        var items = await agenda.SessionsAsync(agenda.Today, agenda.Today.AddDays(WeeksShown * 7), cancellationToken);
        Days = items.GroupBy(i => DateOnly.FromDateTime(Infrastructure.Time.Clock.ToAmsterdam(i.StartsAt))).ToList();
        return Page();
    }
}
