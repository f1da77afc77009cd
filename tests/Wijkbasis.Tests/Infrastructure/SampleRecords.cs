namespace Wijkbasis.Tests.Infrastructure;

/// <summary>An area's sample records for the route tests: for each route prefix with an id ("buddies" for
/// {enterprise}/buddies/{id}/bewerken, "talenten/kaart" for {enterprise}/talenten/kaart/{id}), how to find a real record
/// in the demo enterprise "huiskamer". Where a volunteer may open the page, the sample is one of the demo volunteer's own.
/// Each area declares its own in its test folder; <see cref="TenantRouteTests"/> finds them all.</summary>
public interface ISampleRecords
{
    IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; }
}
