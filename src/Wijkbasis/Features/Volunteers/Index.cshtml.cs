using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>The enterprise's volunteers: who they are, their VOG, their hours this year; and adding someone from the
/// register as a volunteer.</summary>
public sealed class IndexModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;
    public const int ResultsShown = 10;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int Pagina { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "oud")] public bool ShowArchived { get; set; }
    [BindProperty(Name = "PersonId")] public Guid? PersonId { get; set; }

    public sealed record Row(Guid Id, string Name, bool HasLogin, DateOnly? VogExpiresOn, VogState Vog, long MinutesThisYear, bool Archived);
    public sealed record Found(Guid Id, string Name, int? BirthYear, string? Postcode);

    public List<Row> Rows { get; private set; } = [];
    public List<Found> Results { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Year { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == PersonId && p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal("Deze persoon staat niet in het register."), nameof(PersonId));
        }
        var existing = await db.Volunteers.SingleOrDefaultAsync(v => v.PersonId == person.Id, cancellationToken);
        if (existing is { ArchivedAt: null })
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), AlreadyAVolunteer(person.Name), nameof(PersonId));
        }
        var volunteer = existing ?? new Volunteer { PersonId = person.Id, CreatedAt = time.UtcNow(), Version = 1 };
        if (existing is null)
        {
            db.Volunteers.Add(volunteer);
        }
        else
        {
            existing.ArchivedAt = null;
            existing.Version++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), AlreadyAVolunteer(person.Name), nameof(PersonId));
        }
        TempData.Say("{0} is vrijwilliger. Vul de VOG in als die er is.", person.Name);
        return RedirectToPage("/Volunteers/Edit", new { id = volunteer.Id });
    }

    private static Refusal AlreadyAVolunteer(string name) => new("{0} is al vrijwilliger.", name);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        Year = today.Year;
        var first = new DateOnly(Year, 1, 1);
        var volunteers = db.Volunteers.AsNoTracking().Where(v => ShowArchived || v.ArchivedAt == null);
        Total = await volunteers.CountAsync(cancellationToken);
        Pagina = Math.Clamp(Pagina, 1, Pages);
        var rows = await volunteers
            .Join(db.People, v => v.PersonId, p => p.Id, (v, p) => new { v, p.Name })
            .OrderBy(x => x.v.ArchivedAt != null).ThenBy(x => x.Name)
            .Skip((Pagina - 1) * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.v.Id, x.Name, HasLogin = x.v.UserId != null, x.v.VogExpiresOn, Archived = x.v.ArchivedAt != null,
                Minutes = db.VolunteerHours.Where(h => h.PersonId == x.v.PersonId && h.WorkedOn >= first).Sum(h => (long)h.Minutes),
            })
            .ToListAsync(cancellationToken);
        Rows = rows.Select(r => new Row(r.Id, r.Name, r.HasLogin, r.VogExpiresOn, Vog.StateOn(r.VogExpiresOn, today, VogModel.DefaultDays),
            r.Minutes, r.Archived)).ToList();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = SearchText.Normalize(Q);
            Results = await db.People.AsNoTracking()
                .Where(p => p.ArchivedAt == null && p.SearchName.Contains(term) && !db.Volunteers.Any(v => v.PersonId == p.Id && v.ArchivedAt == null))
                .OrderBy(p => p.SearchName).Take(ResultsShown)
                .Select(p => new Found(p.Id, p.Name, p.BirthYear, p.Postcode)).ToListAsync(cancellationToken);
        }
    }
}
