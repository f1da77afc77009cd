using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Mail;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>One request from outside: the coordinator approves it (it becomes a booking, in the same transaction)
/// or declines it with a reason. The requester hears either by e-mail.</summary>
public sealed class RequestModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, RoomCalendar calendar, MailQueue mail) : PageModel
{
    [BindProperty(Name = nameof(Approve))] public ApproveInput Approve { get; set; } = new();
    [BindProperty(Name = nameof(Decline))] public DeclineInput Decline { get; set; } = new();
    public BookingRequest Asked { get; private set; } = null!;
    public List<Conflict> Conflicts { get; private set; } = [];
    public long Price { get; private set; }

    private static readonly Refusal AlreadyDecided = new("Over deze aanvraag is al beslist.");
    private static readonly Refusal JustDecided = new("Over deze aanvraag is zojuist al beslist.");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Approve));
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Asked.Status != RequestStatus.Pending)
        {
            ModelState.AddRefusal("", AlreadyDecided);
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var request = Asked;
        var room = request.Room!;
        var slot = new Slot(DateOnly.FromDateTime(request.StartsAt.ToAmsterdam()), request.StartsAt, request.EndsAt);
        CalendarResult result;
        try
        {
            result = await calendar.StoreAsync(room, [slot], _ =>
        {
            var booking = new RoomBooking
            {
                Kind = BookingKind.Booking, Title = Trim(request.Purpose, RoomBooking.TitleMax),
                PublicTitle = string.IsNullOrWhiteSpace(Approve.PublicTitle) ? null : Approve.PublicTitle.Trim(),
                Party = Trim(request.Organisation, RoomBooking.PartyMax), Category = request.Category, PriceCents = Price, RequestId = request.Id,
            };
            // Decided in the same SaveChanges as the booking: approved and booked, or neither.
            request.Status = RequestStatus.Approved;
            request.BookingId = booking.Id;
            request.DecidedAt = time.UtcNow();
            request.DecidedByName = tenant.DisplayName;
            request.Version++;
            return booking;
        }, onlyFree: false, expectedFree: null, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await this.RefuseAsync(db, () => LoadAsync(id, cancellationToken), JustDecided);
        }
        if (!result.Saved)
        {
            ModelState.AddRefusal("", result.Problem!);
            return await this.RefuseAsync(db, () => LoadAsync(id, cancellationToken), new Refusal("Wijs de aanvraag af of stel een ander tijdstip voor."));
        }
        mail.Enqueue(request.ContactEmail, $"Uw aanvraag voor {room.Name} is goedgekeurd",
            $"Beste {request.ContactName},\n\nUw aanvraag voor {room.Name} op {RoomViews.Period(request.StartsAt, request.EndsAt)} is goedgekeurd."
            + $"\nPrijs: {RoomViews.Euro(Price)}.\n\nMet vriendelijke groet,\n{tenant.Name}");
        TempData.Say("De aanvraag is goedgekeurd en staat in de agenda van {0}.", room.Name);
        return RedirectToPage("/Rooms/Details", null, new { id = room.Id, week = RoomViews.WeekKey(slot.Date) }, "week");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Decline));
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Asked.Status != RequestStatus.Pending)
        {
            ModelState.AddRefusal("", AlreadyDecided);
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        Asked.Status = RequestStatus.Declined;
        Asked.DeclineReason = Decline.Reason!.Trim();
        Asked.DecidedAt = time.UtcNow();
        Asked.DecidedByName = tenant.DisplayName;
        Asked.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return this.Refuse(JustDecided);
        }
        mail.Enqueue(Asked.ContactEmail, $"Uw aanvraag voor {Asked.Room!.Name}",
            $"Beste {Asked.ContactName},\n\nHelaas kunnen we uw aanvraag voor {Asked.Room.Name} op {RoomViews.Period(Asked.StartsAt, Asked.EndsAt)} niet goedkeuren."
            + $"\nReden: {Asked.DeclineReason}\n\nMet vriendelijke groet,\n{tenant.Name}");
        TempData.Say("De aanvraag is afgewezen.");
        return RedirectToPage("/Rooms/Requests");
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.BookingRequests.Include(r => r.Room).SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } request)
        {
            return false;
        }
        Asked = request;
        Price = request.Room!.PriceFor(request.Category, request.StartsAt, request.EndsAt);
        if (request.Status == RequestStatus.Pending)
        {
            Conflicts = await calendar.ConflictsAsync(request.RoomId,
                [new Slot(DateOnly.FromDateTime(request.StartsAt.ToAmsterdam()), request.StartsAt, request.EndsAt)], cancellationToken);
        }
        return true;
    }

    public sealed class ApproveInput
    {
        [StringLength(RoomBooking.TitleMax, ErrorMessage = "De openbare titel mag maximaal {1} tekens lang zijn.")]
        public string? PublicTitle { get; set; }
    }

    public sealed class DeclineInput
    {
        [Required(ErrorMessage = "Vul de reden in; de aanvrager krijgt die te lezen.")]
        [StringLength(BookingRequest.ReasonMax, ErrorMessage = "De reden mag maximaal {1} tekens lang zijn.")]
        public string? Reason { get; set; }
    }
}
