using Wijkbasis.Data;

namespace Wijkbasis.Features.MoneyFlows;

public enum MoneyDirection
{
    Income,
    Spending,
}

/// <summary>Where income comes from (the kinds the enterprises in the seeds live on).</summary>
public enum IncomeSource
{
    Subsidy,
    CareContract,
    Rent,
    SalesLunch,
    SalesGiveAwayShop,
    SalesSecondHand,
    Donation,
    Fund,
    Other,
}

public enum SpendingCategory
{
    PaidWork,
    VolunteerAllowances,
    FoodAndDrink,
    RentAndEnergy,
    MaterialsAndInventory,
    MaintenanceAndOddJobs,
    Activities,
    Communication,
    AdministrationAndInsurance,
    Other,
}

/// <summary>Why money stays in the neighbourhood; null on a line means it does not (or it is not known).</summary>
public enum LocalKind
{
    LocalSupplier,
    NeighbourhoodEntrepreneur,
    ResidentPaidForWork,
}

/// <summary>One line of an enterprise's income or spending. Append-only (database triggers refuse updates and
/// deletes): a mistake is corrected by a reversal line (the same line with the opposite amount, and a reason),
/// after which the right line is entered anew. An original line is positive, a reversal negative; totals are sums.</summary>
public sealed class MoneyLine : ITenantOwned, IAudited
{
    public const int CounterpartyMax = 100;
    public const int DescriptionMax = 200;
    public const int ReasonMax = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public MoneyDirection Direction { get; set; }
    public IncomeSource? Source { get; set; }
    public SpendingCategory? Category { get; set; }
    public DateOnly BookedOn { get; set; }
    public long AmountCents { get; set; }
    /// <summary>Who paid or was paid: "Gemeente Arnhem", "Bakkerij Klarendal", "Oranje Fonds".</summary>
    public required string Counterparty { get; set; }
    public string? Description { get; set; }
    public LocalKind? Local { get; set; }
    public DateTime At { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public Guid? ReversesLineId { get; set; }
    public string? Reason { get; set; }

    public bool StaysLocal => Local is not null;
    public bool IsReversal => ReversesLineId is not null;

    Guid? IAudited.SubjectPersonId => null;
}
