using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.TimeCredits;

/// <summary>One account's history: every movement with the other account, what it was for, and the balance after it.
/// A transfer is undone by a reversal, never changed.</summary>
public sealed class AccountModel(WijkbasisDb db, TimeCreditBookings bookings) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(TimeCreditMovement Movement, TimeCreditTransfer Transfer, string Other, long BalanceAfter, bool Reversed);

    [BindProperty(Name = "TransferId")] public Guid? TransferId { get; set; }
    [BindProperty(Name = "Reason")] public string? Reason { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int Pagina { get; set; } = 1;

    public TimeCreditAccount Account { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public TimeCreditSettings? Settings { get; private set; }
    public bool IsOn => Settings?.Enabled == true;
    public long Balance { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReverseAsync(Guid id, CancellationToken cancellationToken)
    {
        // Only a transfer of this account can be reversed from its page.
        if (!await db.TimeCreditAccounts.AnyAsync(a => a.Id == id, cancellationToken)
            || !await db.TimeCreditTransfers.AnyAsync(t => t.Id == TransferId && (t.FromAccountId == id || t.ToAccountId == id), cancellationToken))
        {
            return NotFound();
        }
        var result = await bookings.ReverseAsync(TransferId!.Value, Reason, cancellationToken);
        if (result.Done)
        {
            TempData.Say("De overboeking is teruggeboekt.");
            return RedirectToPage(new { id });
        }
        return await this.RefuseAsync(db, () => LoadAsync(id, cancellationToken), result.Text, nameof(Reason));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.TimeCreditAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } account)
        {
            return false;
        }
        Account = account;
        Name = account.PersonId is { } personId
            ? await db.People.Where(p => p.Id == personId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? account.Name
            : account.Name;
        Settings = await bookings.SettingsAsync(cancellationToken);
        var movements = await db.TimeCreditMovements.AsNoTracking().Where(m => m.AccountId == id)
            .OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        Balance = TimeCreditLedger.Balance(movements);
        Total = movements.Count;
        Pagina = Math.Clamp(Pagina, 1, Pages);
        // Running balance over the whole history, then the newest first, one page.
        var running = 0L;
        var after = movements.Select(m => (m, running += m.Points)).ToList();
        var page = after.AsEnumerable().Reverse().Skip((Pagina - 1) * PageSize).Take(PageSize).ToList();
        var transferIds = page.Select(p => p.m.TransferId).ToList();
        var transfers = await db.TimeCreditTransfers.AsNoTracking().Where(t => transferIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var reversed = (await db.TimeCreditTransfers.Where(t => t.ReversesTransferId != null && transferIds.Contains(t.ReversesTransferId.Value))
            .Select(t => t.ReversesTransferId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var otherIds = page.Select(p => p.m.CounterAccountId).Distinct().ToList();
        var others = await db.TimeCreditAccounts.AsNoTracking().Where(a => otherIds.Contains(a.Id))
            .Select(a => new { a.Id, Name = a.PersonId == null ? a.Name : db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault() ?? a.Name })
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        Rows = page.Select(p => new Row(p.m, transfers[p.m.TransferId], others.GetValueOrDefault(p.m.CounterAccountId, "?"), p.Item2, reversed.Contains(p.m.TransferId))).ToList();
        return true;
    }
}
