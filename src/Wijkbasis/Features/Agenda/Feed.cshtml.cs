using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Agenda;

/// <summary>The agenda as an iCalendar feed that phone calendars subscribe to: the last weeks and all planned sessions.</summary>
public sealed class FeedModel(PublicAgenda agenda, TimeProvider time) : PageModel
{
    public const int WeeksBack = 8;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var enterprise = await agenda.EnterAsync(slug, cancellationToken);
        if (enterprise is null)
        {
            return NotFound();
        }
        var items = await agenda.SessionsAsync(agenda.Today.AddDays(-WeeksBack * 7), null, cancellationToken);
        var body = ICalendar.Write(enterprise.Name, "wijkbasis." + enterprise.Slug, time.UtcNow(), items);
        Response.Headers.CacheControl = "public, max-age=900";
        return Content(body, "text/calendar; charset=utf-8");
    }
}
