using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.MoneyFlows;

/// <summary>Books one line of income or spending; or corrects a line: in one save the old line is reversed (with the
/// reason) and the right one is booked, so history shows both.</summary>
public sealed class CreateModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        public MoneyDirection? Direction { get; set; }
        public IncomeSource? Source { get; set; }
        public SpendingCategory? Category { get; set; }
        public DateOnly? BookedOn { get; set; }
        public string? Amount { get; set; }
        public string? Counterparty { get; set; }
        public string? Description { get; set; }
        public LocalKind? Local { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "corrigeert")] public Guid? Corrects { get; set; }

    public MoneyLine? Original { get; private set; }
    public MoneyDirection Direction => Input.Direction ?? MoneyDirection.Income;

    public async Task<IActionResult> OnGetAsync(string? soort, CancellationToken cancellationToken)
    {
        if (Corrects is not null)
        {
            if (await FindOriginalAsync(cancellationToken) is not { } original)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Direction = original.Direction, Source = original.Source, Category = original.Category, BookedOn = original.BookedOn,
                Amount = Amounts.ForInput(original.AmountCents), Counterparty = original.Counterparty, Description = original.Description,
                Local = original.Local,
            };
            return Page();
        }
        Input = new InputModel
        {
            Direction = soort == "uitgaven" ? MoneyDirection.Spending : MoneyDirection.Income,
            BookedOn = time.AmsterdamToday(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Unreadable choices (an unknown source) arrive as binding errors; say it once, in our words, below (what
        // was typed stays in the form).
        foreach (var entry in ModelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid;
        }
        if (Corrects is not null && await FindOriginalAsync(cancellationToken) is null)
        {
            return NotFound();
        }
        var input = Input;
        var (line, problems) = MoneyRules.MakeAll(
            new MoneyLineInput(input.Direction, input.Source, input.Category, input.BookedOn, input.Amount, input.Counterparty, input.Description,
                input.Direction == MoneyDirection.Spending ? input.Local : null),
            time.AmsterdamToday(), tenant.UserId, tenant.DisplayName, time.UtcNow());
        var all = problems.ToList();
        MoneyLine? reversal = null;
        if (Original is { } original)
        {
            var reversed = await db.MoneyLines.AnyAsync(l => l.ReversesLineId == original.Id, cancellationToken);
            (reversal, var reverseProblem) = MoneyRules.Reverse(original, reversed, input.Reason, tenant.UserId, tenant.DisplayName, time.UtcNow());
            if (reverseProblem is not null)
            {
                all.Add((nameof(InputModel.Reason), reverseProblem));
            }
        }
        if (all.Count == 0)
        {
            if (reversal is not null)
            {
                db.MoneyLines.Add(reversal);
            }
            db.MoneyLines.Add(line!);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData.Say(reversal is null ? "De regel is geboekt." : "De regel is gecorrigeerd: de oude is teruggeboekt en de nieuwe geboekt.");
                return RedirectToPage("/MoneyFlows/Index", new { jaar = line!.BookedOn.Year });
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                all.Add((nameof(InputModel.Reason), new Refusal("Deze regel is al teruggeboekt.")));
            }
        }
        // Every problem at once, each under its field. Nothing to load again: the original (when correcting) is in
        // place and what was typed stays in the form.
        foreach (var (field, problem) in all)
        {
            ModelState.AddRefusal($"{nameof(Input)}.{field}", problem);
        }
        return await this.RefuseAsync(db, () => Task.CompletedTask);
    }

    private async Task<MoneyLine?> FindOriginalAsync(CancellationToken cancellationToken) =>
        Original = await db.MoneyLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == Corrects && l.ReversesLineId == null, cancellationToken);
}
