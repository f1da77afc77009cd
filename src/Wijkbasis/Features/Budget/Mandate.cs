using Wijkbasis.Data;

namespace Wijkbasis.Features.Budget;

/// <summary>How much a wijkverbinder or buddy may spend from the pot on their own authority.</summary>
public sealed class Mandate : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public long PerSpendCents { get; set; }
    public long PerMonthCents { get; set; }
    public required string SetByName { get; set; }
    public DateTime SetAt { get; set; }

    public MandateLimits Limits => new(PerSpendCents, PerMonthCents);

    Guid? IAudited.SubjectPersonId => null;
}
