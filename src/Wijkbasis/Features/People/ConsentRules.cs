namespace Wijkbasis.Features.People;

public static class ConsentRules
{
    /// <summary>The newest record per purpose is the one in force.</summary>
    public static Dictionary<ConsentPurpose, ConsentRecord> InForce(IEnumerable<ConsentRecord> records) =>
        records.GroupBy(c => c.Purpose)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).First());

    /// <summary>The person's consent in force for the purpose, as a query: true, false, or null when none was recorded.
    /// Take <c>FirstOrDefault</c> of it, also inside a projection (EF inlines the query). A compiled query cannot call
    /// it and spells the same out (CheckIns.FindQuery).</summary>
    public static IQueryable<bool?> InForce(this IQueryable<ConsentRecord> consents, Guid personId, ConsentPurpose purpose) =>
        consents.Where(c => c.PersonId == personId && c.Purpose == purpose)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => (bool?)c.Given);
}
