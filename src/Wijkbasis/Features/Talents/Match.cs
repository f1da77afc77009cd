using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Talents;

public enum MatchStatus
{
    Suggested,
    Introduced,
    Agreed,
    Done,
    Thanked,
    Fizzled,
}

/// <summary>Two neighbours linked by the enterprise: one gives help (<see cref="GiverPersonId"/>), the other receives it.
/// The coordinator guides it from a suggestion through an introduction to an agreement, until it is done and the giver
/// is thanked, or it fizzles out with a reason. Each step is a method that refuses a step out of order. Who gave, who
/// received and when it was done stay on the row, so a later count of dragers can use them.</summary>
public sealed class Match : ITenantOwned, IAudited
{
    public const int ReasonMax = 500;
    public const int AboutMax = 300;
    /// <summary>The kind of a time-credit transfer that thanks the giver of a match (see TimeCreditTransfer.LinkKind).</summary>
    public const string LinkKind = "match";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid GiverPersonId { get; set; }
    public Guid ReceiverPersonId { get; set; }
    /// <summary>What the help is about: the tag names that brought them together ("boodschappen, fietsles").</summary>
    public required string About { get; set; }
    /// <summary>Why the match was suggested, in words, one reason per line.</summary>
    public string Reasons { get; set; } = "";
    public MatchStatus Status { get; private set; } = MatchStatus.Suggested;
    public DateTime SuggestedAt { get; set; }
    public required string SuggestedByName { get; set; }
    public DateTime? IntroducedAt { get; private set; }
    public string? IntroducedByName { get; private set; }
    public DateTime? AgreedAt { get; private set; }
    /// <summary>When the help was given: the date a drager count starts from.</summary>
    public DateTime? DoneAt { get; private set; }
    public DateTime? ThankedAt { get; private set; }
    public DateTime? FizzledAt { get; private set; }
    public string? FizzleReason { get; private set; }
    /// <summary>The last step or guidance note; a match that has not moved for a while is stalled.</summary>
    public DateTime LastMovedAt { get; set; }
    public int Version { get; set; }

    Guid? IAudited.SubjectPersonId => ReceiverPersonId;

    public bool IsOpen => Status is MatchStatus.Suggested or MatchStatus.Introduced or MatchStatus.Agreed;

    /// <summary>A new suggestion, or the reason there can be none.</summary>
    public static (Match? Match, Refusal? Error) Suggest(Guid giverPersonId, Guid receiverPersonId, string about, IEnumerable<string> reasons,
        string byName, DateTime at)
    {
        if (giverPersonId == receiverPersonId)
        {
            return (null, new Refusal("Iemand kan niet aan zichzelf gekoppeld worden. Kies twee verschillende mensen."));
        }
        if (giverPersonId == Guid.Empty || receiverPersonId == Guid.Empty)
        {
            return (null, new Refusal("Kies wie helpt en wie geholpen wordt."));
        }
        var words = string.IsNullOrWhiteSpace(about) ? "" : about.Trim();
        if (words.Length > AboutMax)
        {
            words = words[..AboutMax];
        }
        return (new Match
        {
            GiverPersonId = giverPersonId, ReceiverPersonId = receiverPersonId, About = words,
            Reasons = string.Join('\n', reasons), SuggestedAt = at, SuggestedByName = byName, LastMovedAt = at,
        }, null);
    }

    /// <summary>The coordinator has brought the two together (a call, a coffee at the enterprise).</summary>
    public Refusal? Introduce(string byName, DateTime at) => Step(MatchStatus.Suggested, MatchStatus.Introduced, at, () =>
    {
        IntroducedAt = at;
        IntroducedByName = byName;
    });

    /// <summary>The two have agreed what they will do together.</summary>
    public Refusal? Agree(DateTime at) => Step(MatchStatus.Introduced, MatchStatus.Agreed, at, () => AgreedAt = at);

    /// <summary>The help has been given.</summary>
    public Refusal? Complete(DateTime at) => Step(MatchStatus.Agreed, MatchStatus.Done, at, () => DoneAt = at);

    /// <summary>The giver has been thanked (a card, flowers, a mention at the coffee morning).</summary>
    public Refusal? Thank(DateTime at) => Step(MatchStatus.Done, MatchStatus.Thanked, at, () => ThankedAt = at);

    /// <summary>It did not work out. The reason is required: it is how the enterprise learns.</summary>
    public Refusal? Fizzle(string? reason, DateTime at)
    {
        if (!IsOpen)
        {
            return new(Status switch
            {
                MatchStatus.Done => "Deze koppeling is al gedaan; ze kan niet meer stoppen.",
                MatchStatus.Thanked => "Deze koppeling is al bedankt; ze kan niet meer stoppen.",
                _ => "Deze koppeling is al gestopt; ze kan niet meer stoppen.",
            });
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new("Schrijf op waarom de koppeling niet doorgaat. Daar leert de wijkonderneming van.");
        }
        if (reason.Trim().Length > ReasonMax)
        {
            return new("De reden mag hoogstens {0} tekens lang zijn.", ReasonMax);
        }
        Status = MatchStatus.Fizzled;
        FizzledAt = at;
        FizzleReason = reason.Trim();
        LastMovedAt = at;
        Version++;
        return null;
    }

    /// <summary>A guidance note counts as movement: someone looked after the match.</summary>
    public void Touch(DateTime at)
    {
        if (at > LastMovedAt)
        {
            LastMovedAt = at;
        }
        Version++;
    }

    /// <summary>Open and not moved for <paramref name="days"/> days.</summary>
    public bool IsStalled(DateTime now, int days) => IsOpen && LastMovedAt < now.AddDays(-days);

    private Refusal? Step(MatchStatus from, MatchStatus to, DateTime at, Action apply)
    {
        if (Status != from)
        {
            // A status in the middle of a sentence is lower case; the labels are resource keys with a capital, so the
            // sentences that name the status a step leads to are written out (translated whole).
            return Status == to
                ? new(to switch
                {
                    MatchStatus.Introduced => "Deze koppeling is al kennisgemaakt.",
                    MatchStatus.Agreed => "Deze koppeling is al afgesproken.",
                    MatchStatus.Done => "Deze koppeling is al gedaan.",
                    _ => "Deze koppeling is al bedankt.",
                })
                : new("Deze stap kan nu niet: de koppeling is {0}. Eerst moet ze {1} zijn.", Label(Status).ToLowerInvariant(), Label(from).ToLowerInvariant());
        }
        Status = to;
        apply();
        LastMovedAt = at;
        Version++;
        return null;
    }

    public static string Label(MatchStatus status) => status switch
    {
        MatchStatus.Suggested => "Voorgesteld",
        MatchStatus.Introduced => "Kennisgemaakt",
        MatchStatus.Agreed => "Afgesproken",
        MatchStatus.Done => "Gedaan",
        MatchStatus.Thanked => "Bedankt",
        _ => "Gestopt",
    };

    /// <summary>The button for the next step from <paramref name="status"/>, or null when there is none.</summary>
    public static string? NextStepLabel(MatchStatus status) => status switch
    {
        MatchStatus.Suggested => "Kennis laten maken",
        MatchStatus.Introduced => "Afspraak gemaakt",
        MatchStatus.Agreed => "Hulp is gegeven",
        MatchStatus.Done => "De helper is bedankt",
        _ => null,
    };
}

/// <summary>A guidance note by the coordinator on a match ("gebeld, ze spreken donderdag af").</summary>
public sealed class MatchNote : ITenantOwned, IAudited
{
    public const int TextMax = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid MatchId { get; set; }
    /// <summary>The person the match helps (for the audit trail).</summary>
    public Guid PersonId { get; set; }
    public DateTime At { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public required string Text { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;

    /// <summary>Why this text cannot be a note, or null.</summary>
    public static Refusal? Check(string? text) =>
        string.IsNullOrWhiteSpace(text) ? new("Schrijf eerst een notitie.")
        : text.Trim().Length > TextMax ? new("De notitie is te lang: hoogstens {0} tekens.", TextMax)
        : null;
}
