namespace Wijkbasis.Features.People;

public static class ConsentRules
{
    /// <summary>The newest record per purpose is the one in force.</summary>
    public static Dictionary<ConsentPurpose, ConsentRecord> InForce(IEnumerable<ConsentRecord> records) =>
        records.GroupBy(c => c.Purpose)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).First());
}
