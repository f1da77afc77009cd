using Wijkbasis.Data;
using Wijkbasis.Features.Impact;

namespace Wijkbasis.Features.Partners;

/// <summary>How long an agreement runs: structural (no end needed), multi-year or one project.</summary>
public enum AgreementKind
{
    Structural,
    MultiYear,
    Project,
}

/// <summary>A subsidy or contract of the enterprise with a funder (an <see cref="Organisation"/> of the partners list):
/// its term, amounts per year, conditions, reporting dates and targets on indicators of the registry
/// (docs/decisions/0029).</summary>
public sealed class FundingAgreement : ITenantOwned, IAudited
{
    public const int TitleMax = 200;
    public const int ConditionsMax = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public AgreementKind Kind { get; set; }
    /// <summary>The funder: an organisation of the partners list.</summary>
    public Guid FunderId { get; set; }
    public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>The last day (included); empty for a structural agreement without an end.</summary>
    public DateOnly? EndsOn { get; set; }
    public string? Conditions { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;

    /// <summary>True when the agreement runs on some day of [from, until).</summary>
    public bool RunsIn(DateOnly from, DateOnly until) => StartsOn < until && (EndsOn is null || EndsOn >= from);

    public static string Label(AgreementKind kind) => kind switch
    {
        AgreementKind.Structural => "Structureel",
        AgreementKind.MultiYear => "Meerjarig",
        _ => "Project",
    };
}

/// <summary>What the funder pays in one year of the agreement (euro cents; never negative).</summary>
public sealed class AgreementAmount : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid AgreementId { get; set; }
    public int Year { get; set; }
    public long Cents { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>A reporting date: what is due to the funder and when. It shows on the coordinator's Vandaag page from
/// <see cref="RemindDaysAhead"/> days before until it is marked "ingediend".</summary>
public sealed class AgreementReportDate : ITenantOwned, IAudited
{
    public const int WhatMax = 300;
    public const int RemindDaysAhead = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid AgreementId { get; set; }
    public DateOnly DueOn { get; set; }
    public required string What { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public string? SubmittedByName { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>A target on an indicator of the registry (<see cref="IndicatorRegistry"/>): "50 unique visitors a month".
/// The value is in the unit the indicator is shown in (persons, euros, hours, percent).</summary>
public sealed class AgreementTarget : ITenantOwned, IAudited
{
    public const int IndicatorMax = 80;
    public const decimal ValueMax = 100_000_000m;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid AgreementId { get; set; }
    /// <summary><see cref="Indicator.Id"/>: stable, never renamed.</summary>
    public required string IndicatorId { get; set; }
    public decimal Value { get; set; }
    /// <summary>Month, quarter or year (never custom).</summary>
    public PeriodKind Per { get; set; }
    public DateTime CreatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;

    public static string Label(PeriodKind per) => per switch
    {
        PeriodKind.Month => "per maand",
        PeriodKind.Quarter => "per kwartaal",
        _ => "per jaar",
    };
}
