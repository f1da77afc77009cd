namespace Wijkbasis.Features;

/// <summary>Every area of the app, in one list: the one line a new area adds outside its own folder.</summary>
public static class Areas
{
    public static readonly IReadOnlyList<Area> All =
    [
        new Account.AccountArea(),
        new Home.HomeArea(),
        new Errors.ErrorsArea(),
        new Logbook.LogbookArea(),
        new People.PeopleArea(),
        new Activities.ActivitiesArea(),
        new Agenda.AgendaArea(),
        new Talents.TalentsArea(),
        new Rooms.RoomsArea(),
        new PublicRooms.PublicRoomsArea(),
        new Volunteers.VolunteersArea(),
        new Cases.CasesArea(),
        new Intakes.IntakesArea(),
        new Buddies.BuddiesArea(),
        new Outreach.OutreachArea(),
        new Partners.PartnersArea(),
        new AssetMap.AssetMapArea(),
        new Import.ImportArea(),
        new Surveys.SurveysArea(),
        new Budget.BudgetArea(),
        new MoneyFlows.MoneyFlowsArea(),
        new TimeCredits.TimeCreditsArea(),
        new Enterprise.EnterpriseArea(),
        new Retention.RetentionArea(),
        new Admin.AdminArea(),
        new Impact.ImpactArea(),
        new Report.ReportArea(),
        new Stories.StoriesArea(),
        new Ownership.OwnershipArea(),
        new MunicipalView.MunicipalViewArea(),
        new Api.ApiArea(),
    ];

    /// <summary>Every declared policy by name (a name declared twice fails at start).</summary>
    public static IReadOnlyDictionary<string, AreaPolicy> Policies { get; } =
        All.SelectMany(a => a.Policies).ToDictionary(p => p.Name, StringComparer.Ordinal);
}
