using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>The contribution log: who gave what, small things too. Logged volunteer hours are shown with it (computed,
/// not stored twice). Where the time bank is on, a contribution can be thanked with time credits from the enterprise's
/// account; the transfer and the contribution are saved together and point to each other.</summary>
public sealed class ContributionsModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, TimeCreditBookings bookings) : PageModel
{
    public const int ResultsShown = 10;

    public sealed class InputModel
    {
        public Guid? PersonId { get; set; }
        public ContributionKind? Kind { get; set; }
        public string? Description { get; set; }
        public DateOnly? GivenOn { get; set; }
        public string? Points { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "maand")] public string? MonthText { get; set; }
    [BindProperty(SupportsGet = true, Name = "persoon")] public Guid? Person { get; set; }
    [BindProperty(SupportsGet = true, Name = "bijdrage")] public Guid? Highlight { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(Name = nameof(Input))] public InputModel Input { get; set; } = new();
    [BindProperty(Name = "ContributionId")] public Guid ContributionId { get; set; }

    /// <summary>One line of the month. Volunteer hours have no <see cref="What"/>: the page says "{0} uur als {1}" with
    /// <see cref="Minutes"/> and <see cref="Role"/> in the reader's language.</summary>
    public sealed record Row(Guid Id, DateOnly On, string Name, string Kind, string? What, long? Points, Guid? TransferId, bool IsHours, Guid? AccountId = null,
        long Minutes = 0, string? Role = null);
    public List<Row> Rows { get; private set; } = [];
    public List<VolunteerArea.Option> Found { get; private set; } = [];
    public VolunteerArea.Option? Chosen { get; private set; }
    public DateOnly Month { get; private set; }
    public bool TimeBankOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Highlight is { } id)
        {
            // From a transfer's history: open the month of that contribution.
            if (await db.Contributions.AsNoTracking().Where(c => c.Id == id).Select(c => (DateOnly?)c.GivenOn).SingleOrDefaultAsync(cancellationToken) is not { } on)
            {
                return NotFound();
            }
            MonthText = VolunteerArea.MonthKey(on);
        }
        Input = new InputModel { PersonId = Person, GivenOn = time.AmsterdamToday() };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Input));
        foreach (var entry in ModelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid;
        }
        var today = time.AmsterdamToday();
        var person = await db.People.AsNoTracking().Where(p => p.Id == Input.PersonId && p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal("Kies wie de bijdrage gaf."), InputKey(nameof(InputModel.PersonId)));
        }
        Person = person.Id;
        if (VolunteerRules.CheckContribution(Input.Kind, Input.Description, Input.GivenOn, today) is { } problem)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), problem, InputKey(Input.Kind is null ? nameof(InputModel.Kind)
                : string.IsNullOrWhiteSpace(Input.Description) || Input.Description.Trim().Length > Contribution.DescriptionMax ? nameof(InputModel.Description)
                : nameof(InputModel.GivenOn)));
        }
        long? points = null;
        if (!string.IsNullOrWhiteSpace(Input.Points))
        {
            if (!long.TryParse(Input.Points.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) || p <= 0)
            {
                return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal("Vul bij punten een heel getal groter dan 0 in, of laat het leeg."), InputKey(nameof(InputModel.Points)));
            }
            points = p;
        }
        var contribution = new Contribution
        {
            PersonId = person.Id, Kind = Input.Kind!.Value, Description = Input.Description!.Trim(), GivenOn = Input.GivenOn!.Value,
            Points = points, At = time.UtcNow(), ByName = tenant.DisplayName,
        };
        if (points is null)
        {
            db.Contributions.Add(contribution);
            await VolunteerArea.MarkDragerAsync(db, person.Id, time.UtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            var settings = await bookings.SettingsAsync(cancellationToken);
            var house = await db.TimeCreditAccounts.AsNoTracking().Where(a => a.Kind == AccountKind.Enterprise).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (settings is not { Enabled: true } || house is null)
            {
                return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal(TimeCreditLedger.OffMessage), InputKey(nameof(InputModel.Points)));
            }
            var account = await bookings.PersonAccountAsync(person.Id, person.Name, cancellationToken);
            var result = await bookings.TransferAsync(house.Value, account, points.Value, $"Bedankt: {contribution.Description}", cancellationToken,
                Contribution.LinkKind, contribution.Id, async transferId =>
                {
                    contribution.TransferId = transferId;
                    db.Contributions.Add(contribution);
                    await VolunteerArea.MarkDragerAsync(db, person.Id, time.UtcNow(), cancellationToken);
                    return null;
                });
            if (!result.Done)
            {
                return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal(result.Message), InputKey(nameof(InputModel.Points)));
            }
        }
        TempData.Say(points is null ? "De bijdrage van {0} is opgeschreven." : "De bijdrage van {0} is opgeschreven, met {1} punten als dank.", person.Name, points ?? 0);
        return RedirectToPage("/Volunteers/Contributions", new { maand = VolunteerArea.MonthKey(contribution.GivenOn), bijdrage = contribution.Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        var contribution = await db.Contributions.SingleOrDefaultAsync(c => c.Id == ContributionId, cancellationToken);
        if (contribution is null)
        {
            return NotFound();
        }
        if (contribution.TransferId is not null)
        {
            MonthText = VolunteerArea.MonthKey(contribution.GivenOn);
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal("Bij deze bijdrage horen punten. Boek die eerst terug in de tijdbank; de bijdrage blijft dan staan als geschiedenis."), InputKey(nameof(InputModel.PersonId)));
        }
        db.Contributions.Remove(contribution);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De bijdrage is verwijderd.");
        return RedirectToPage("/Volunteers/Contributions", new { maand = VolunteerArea.MonthKey(contribution.GivenOn) });
    }

    /// <summary>The model-state key of a field of the form ("Input.Points").</summary>
    private static string InputKey(string field) => $"{nameof(Input)}.{field}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        Month = VolunteerArea.Month(MonthText, today);
        var next = Month.AddMonths(1);
        TimeBankOn = (await bookings.SettingsAsync(cancellationToken))?.Enabled == true;
        var chosenId = Input.PersonId ?? Person;
        Chosen = chosenId is null ? null : await db.People.AsNoTracking().Where(p => p.Id == chosenId && p.ArchivedAt == null)
            .Select(p => new VolunteerArea.Option(p.Id, p.Name)).SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = SearchText.Normalize(Q);
            Found = await db.People.AsNoTracking().Where(p => p.ArchivedAt == null && p.SearchName.Contains(term))
                .OrderBy(p => p.SearchName).Take(ResultsShown).Select(p => new VolunteerArea.Option(p.Id, p.Name)).ToListAsync(cancellationToken);
        }
        var given = await db.Contributions.AsNoTracking().Where(c => c.GivenOn >= Month && c.GivenOn < next)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new { c, p.Name })
            .ToListAsync(cancellationToken);
        var hours = await db.VolunteerHours.AsNoTracking().Where(h => h.WorkedOn >= Month && h.WorkedOn < next)
            .Join(db.People, h => h.PersonId, p => p.Id, (h, p) => new { h.Id, h.WorkedOn, h.Minutes, h.RoleId, p.Name })
            .Join(db.VolunteerRoles, x => x.RoleId, r => r.Id, (x, r) => new { x.Id, x.WorkedOn, x.Minutes, x.Name, Role = r.Name })
            .ToListAsync(cancellationToken);
        var transferIds = given.Where(x => x.c.TransferId != null).Select(x => x.c.TransferId!.Value).ToList();
        var accountOf = await db.TimeCreditTransfers.AsNoTracking().Where(t => transferIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.ToAccountId, cancellationToken);
        Rows = given.Select(x => new Row(x.c.Id, x.c.GivenOn, x.Name, Contribution.Label(x.c.Kind), x.c.Description, x.c.Points, x.c.TransferId, false,
                x.c.TransferId is { } t ? accountOf.GetValueOrDefault(t) : null))
            .Concat(hours.Select(h => new Row(h.Id, h.WorkedOn, h.Name, "vrijwilligersuren", null, null, null, true, Minutes: h.Minutes, Role: h.Role)))
            .OrderByDescending(r => r.On).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }
}
