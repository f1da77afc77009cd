using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>Hours per month: a volunteer logs and sees their own; a coordinator logs for any volunteer and sees everyone's.</summary>
public sealed class HoursModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "maand")] public string? MonthText { get; set; }
    [BindProperty(SupportsGet = true, Name = "persoon")] public Guid? Person { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int Pagina { get; set; } = 1;
    [BindProperty(Name = nameof(Input))] public HoursInput Input { get; set; } = new();

    public sealed record Row(Guid Id, DateOnly WorkedOn, string Name, string Role, int Minutes, string? Session, string? Note);
    public List<Row> Rows { get; private set; } = [];
    public long TotalMinutes { get; private set; }
    public int Count { get; private set; }
    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);
    public DateOnly Month { get; private set; }
    public Volunteer? Me { get; private set; }
    public bool ActsForAnyone => VolunteerArea.ActsForAnyone(tenant);
    public List<VolunteerArea.Option> Roles { get; private set; } = [];
    public List<VolunteerArea.Option> People { get; private set; } = [];
    public List<VolunteerArea.Option> RecentSessions { get; private set; } = [];

    private const string PersonKey = $"{nameof(Input)}.{nameof(HoursInput.PersonId)}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new HoursInput { WorkedOn = time.AmsterdamToday(), PersonId = Person ?? Me?.PersonId };
    }

    public async Task<IActionResult> OnPostLogAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Input));
        foreach (var entry in ModelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid;
        }
        Me = await VolunteerArea.MineAsync(db, tenant, cancellationToken);
        Guid? personId;
        Refusal? personProblem = null;
        if (ActsForAnyone)
        {
            personId = Input.PersonId is { } chosen && await db.Volunteers.AnyAsync(v => v.PersonId == chosen, cancellationToken) ? chosen : null;
            if (personId is null)
            {
                personProblem = new Refusal("Kies een vrijwilliger uit de lijst.");
            }
        }
        else
        {
            if (Me is null)
            {
                return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal("Uw inlog hoort nog niet bij een vrijwilliger. Vraag de coördinator."), PersonKey);
            }
            if (Input.PersonId is { } other && other != Me.PersonId)
            {
                return Forbid();
            }
            personId = Me.PersonId;
        }
        // Every problem at once: the volunteer, then the fields.
        var (value, problems) = await Input.CheckAsync(db, personId, null, time.AmsterdamToday(), cancellationToken);
        if (personProblem is not null || problems.Count > 0)
        {
            if (personProblem is not null)
            {
                ModelState.AddRefusal(PersonKey, personProblem);
            }
            foreach (var (field, problem) in problems)
            {
                ModelState.AddRefusal($"{nameof(Input)}.{field}", problem);
            }
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        db.VolunteerHours.Add(new VolunteerHours
        {
            PersonId = personId!.Value, RoleId = value!.RoleId, WorkedOn = value.WorkedOn, Minutes = value.Minutes, SessionId = value.SessionId,
            Note = value.Note, At = time.UtcNow(), ByName = tenant.DisplayName, Version = 1,
        });
        await VolunteerArea.MarkDragerAsync(db, personId!.Value, time.UtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} uur is opgeschreven.", VolunteerRules.Format(value.Minutes));
        return RedirectToPage("/Volunteers/Hours", new { maand = VolunteerArea.MonthKey(value.WorkedOn) });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        Month = VolunteerArea.Month(MonthText, today);
        var next = Month.AddMonths(1);
        Me ??= await VolunteerArea.MineAsync(db, tenant, cancellationToken);
        Roles = await VolunteerArea.ActiveRolesAsync(db, cancellationToken);
        People = ActsForAnyone ? await VolunteerArea.VolunteerPeopleAsync(db, cancellationToken) : [];
        RecentSessions = await HoursInput.RecentSessionsAsync(db, time.UtcNow(), cancellationToken);
        // A volunteer sees only their own hours; without a linked volunteer record, none.
        Guid? only = ActsForAnyone ? Person : Me?.PersonId ?? Guid.Empty;
        var hours = db.VolunteerHours.AsNoTracking().Where(h => h.WorkedOn >= Month && h.WorkedOn < next && (only == null || h.PersonId == only));
        TotalMinutes = await hours.SumAsync(h => (long)h.Minutes, cancellationToken);
        Count = await hours.CountAsync(cancellationToken);
        Pagina = Math.Clamp(Pagina, 1, Pages);
        Rows = await hours
            .OrderByDescending(h => h.WorkedOn).ThenByDescending(h => h.At).ThenBy(h => h.Id).Skip((Pagina - 1) * PageSize).Take(PageSize)
            .Select(h => new Row(h.Id, h.WorkedOn,
                db.People.Where(p => p.Id == h.PersonId).Select(p => p.Name).First(),
                db.VolunteerRoles.Where(r => r.Id == h.RoleId).Select(r => r.Name).First(), h.Minutes,
                db.Sessions.Where(s => s.Id == h.SessionId).Select(s => s.Activity!.Name).FirstOrDefault(), h.Note))
            .ToListAsync(cancellationToken);
    }
}
