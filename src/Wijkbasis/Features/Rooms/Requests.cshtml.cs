using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Rooms;

/// <summary>Requests from outside parties, waiting ones first; decided ones per status, newest first, a page at a time.</summary>
public sealed class RequestsModel(WijkbasisDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")] public RequestStatus Status { get; set; } = RequestStatus.Pending;
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;
    public List<BookingRequest> Requests { get; private set; } = [];
    public Dictionary<RequestStatus, int> Counts { get; private set; } = [];
    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Status))
        {
            Status = RequestStatus.Pending;
        }
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        Counts = await db.BookingRequests.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var query = db.BookingRequests.AsNoTracking().Include(r => r.Room).Where(r => r.Status == Status);
        query = Status == RequestStatus.Pending ? query.OrderBy(r => r.StartsAt).ThenBy(r => r.Id) : query.OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Id);
        var rows = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasNext = rows.Count > PageSize;
        Requests = rows.Take(PageSize).ToList();
        return Page();
    }

    public static string StatusLabel(RequestStatus s) => s switch
    {
        RequestStatus.Pending => "Wachten op besluit",
        RequestStatus.Approved => "Goedgekeurd",
        RequestStatus.Declined => "Afgewezen",
        _ => s.ToString(),
    };
}
