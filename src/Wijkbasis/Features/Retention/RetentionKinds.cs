namespace Wijkbasis.Features.Retention;

/// <summary>The kinds of records with a retention term (docs/decisions/0024). Stored by name: do not rename.</summary>
public enum RetentionKind
{
    /// <summary>The one-time keys of forms that did their work (<see cref="Shared.SentForm"/>).</summary>
    SentForms,
    /// <summary>Invitations that were accepted or ran out (their token hash and e-mail address).</summary>
    Invitations,
    /// <summary>Requests for a room from the public form, with the requester's contact details.</summary>
    PublicRoomRequests,
    /// <summary>Logbook notes, and stories without consent for publication.</summary>
    LogNotes,
    /// <summary>Check-ins by name, turned into counts without a name per age band.</summary>
    NamedCheckIns,
    /// <summary>The sealed contents of intakes and cases of closed buddy trajectories.</summary>
    ClosedBuddyFiles,
    /// <summary>People archived and not seen since: listed for erasure (the erasure page erases them).</summary>
    ArchivedPeople,
    /// <summary>Money flows: kept for the fiscal term, then listed (the lines are append-only).</summary>
    MoneyLines,
}

public enum RetentionUnit
{
    Days,
    Months,
}

/// <summary>How a kind is handled when its term has passed.</summary>
public enum RetentionAction
{
    /// <summary>The background job deletes (or converts) what is due; the coordinator can do it sooner.</summary>
    Automatic,
    /// <summary>Only a coordinator's purge (after the dry run) does it: special-category data, looked at first.</summary>
    ByCoordinator,
    /// <summary>Listed as due only; the work is done elsewhere (the erasure page) or needs a deliberate step.</summary>
    ListOnly,
}

/// <param name="Minimum">The shortest term an enterprise may set: a legal minimum (fiscal: 7 years) or what the
/// work needs (a report is fixed after its year).</param>
public sealed record RetentionKindInfo(RetentionKind Kind, string Label, string Explanation, RetentionUnit Unit,
    int Default, int Minimum, int Maximum, RetentionAction Action);

/// <summary>The defaults and bounds of every kind, with their reasons in docs/decisions/0024.</summary>
public static class RetentionKinds
{
    public static readonly IReadOnlyList<RetentionKindInfo> All =
    [
        new(RetentionKind.SentForms, "Verstuurde formulieren",
            "Sleutels die voorkomen dat een formulier twee keer wordt verwerkt. Na een dag is een herhaling geen dubbele klik meer.",
            RetentionUnit.Days, 1, 1, 30, RetentionAction.Automatic),
        new(RetentionKind.Invitations, "Uitnodigingen",
            "Uitnodigingen die zijn aangenomen of verlopen, met het e-mailadres.",
            RetentionUnit.Days, 30, 1, 365, RetentionAction.Automatic),
        new(RetentionKind.PublicRoomRequests, "Aanvragen van ruimtes",
            "Aanvragen via het openbare formulier, met naam en contactgegevens. De boeking zelf blijft.",
            RetentionUnit.Months, 12, 1, 60, RetentionAction.Automatic),
        new(RetentionKind.LogNotes, "Notities en verhalen",
            "Notities in het logboek en verhalen zonder toestemming voor publicatie. Verhalen met toestemming blijven.",
            RetentionUnit.Months, 60, 12, 120, RetentionAction.Automatic),
        new(RetentionKind.NamedCheckIns, "Aanmeldingen op naam",
            "Aanmeldingen op naam worden tellingen zonder naam per leeftijdsgroep. Het aantal bezoekers blijft gelijk.",
            RetentionUnit.Months, 36, 13, 120, RetentionAction.Automatic),
        new(RetentionKind.ClosedBuddyFiles, "Intakes en casussen van afgesloten trajecten",
            "De vertrouwelijke inhoud (antwoorden, ZRM, notities) van afgesloten trajecten wordt gewist. Datums en uitkomst blijven.",
            RetentionUnit.Months, 24, 12, 120, RetentionAction.ByCoordinator),
        new(RetentionKind.ArchivedPeople, "Gearchiveerde mensen",
            "Mensen die gearchiveerd zijn en sindsdien niet meer zijn geweest. Wis ze via de wispagina van de persoon.",
            RetentionUnit.Months, 24, 6, 120, RetentionAction.ListOnly),
        new(RetentionKind.MoneyLines, "Geldstromen",
            "De fiscale bewaarplicht is zeven jaar. Daarna staan de regels hier; ze worden niet automatisch gewist.",
            RetentionUnit.Months, 84, 84, 240, RetentionAction.ListOnly),
    ];

    public static RetentionKindInfo Of(RetentionKind kind) => All.Single(k => k.Kind == kind);

    /// <summary>The moment before which a record of this kind is due, for a term in the kind's unit.</summary>
    public static DateTime CutOff(RetentionKindInfo info, int term, DateTime now) =>
        info.Unit == RetentionUnit.Days ? now.AddDays(-term) : now.AddMonths(-term);
}
