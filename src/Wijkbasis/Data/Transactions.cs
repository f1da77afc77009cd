namespace Wijkbasis.Data;

public static class Transactions
{
    /// <summary>Runs <paramref name="work"/> in one transaction, or inside the caller's transaction when
    /// there already is one (e.g. the demo generator importing the postcode table).</summary>
    public static async Task<T> InTransactionAsync<T>(this WijkbasisDb db, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
