using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.TimeCredits;

/// <summary>The rules of the time bank, without a database: a transfer makes two movements that sum to zero, and a
/// person's balance stays within the enterprise's bounds. The enterprise's own account has no bounds: it hands out
/// points for contributions and takes them in for the use of the place.</summary>
public static class TimeCreditLedger
{
    public const long MaxPointsPerTransfer = 100;

    public sealed record Side(TimeCreditAccount Account, long Balance);

    public static (TimeCreditTransfer? Transfer, TimeCreditMovement[] Movements, Refusal? Problem) Transfer(
        TimeCreditSettings settings, Side? from, Side? to, long points, string? description, Guid? byUserId, string byName,
        DateTime at, DateOnly bookedOn, Guid? reverses = null, string? reason = null)
    {
        if (!settings.Enabled)
        {
            return Refuse(Off);
        }
        if (from is null || to is null)
        {
            return Refuse(new("Kies twee rekeningen van deze onderneming."));
        }
        if (from.Account.Id == to.Account.Id)
        {
            return Refuse(new("Van en naar zijn dezelfde rekening. Kies twee verschillende rekeningen."));
        }
        if (points <= 0)
        {
            return Refuse(new("Het aantal punten is groter dan 0."));
        }
        if (points > MaxPointsPerTransfer)
        {
            return Refuse(new("Eén overboeking is hoogstens {0} punten.", MaxPointsPerTransfer));
        }
        var text = description?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Refuse(new("Schrijf kort op waarvoor de punten zijn, bijvoorbeeld ‘boodschappen gedaan’."));
        }
        if (text.Length > TimeCreditTransfer.DescriptionMax)
        {
            return Refuse(new("De omschrijving is te lang (hoogstens {0} tekens).", TimeCreditTransfer.DescriptionMax));
        }
        if (from.Account.Kind == AccountKind.Person && from.Balance - points < settings.MinBalance)
        {
            return Refuse(new("{0} heeft {1} {2}. Na deze overboeking zou dat {3} {4} zijn: lager dan het minimum van {5} {6}. Er is niets geboekt.",
                [from.Account.Name, .. Points(from.Balance), .. Points(from.Balance - points), .. Points(settings.MinBalance)]));
        }
        if (to.Account.Kind == AccountKind.Person && to.Balance + points > settings.MaxBalance)
        {
            return Refuse(new("{0} heeft {1} {2}. Na deze overboeking zou dat {3} {4} zijn: hoger dan het maximum van {5} {6}. Er is niets geboekt.",
                [to.Account.Name, .. Points(to.Balance), .. Points(to.Balance + points), .. Points(settings.MaxBalance)]));
        }
        var transfer = new TimeCreditTransfer
        {
            TenantId = settings.TenantId, FromAccountId = from.Account.Id, ToAccountId = to.Account.Id, Points = points,
            BookedOn = bookedOn, At = at, Description = text, ByUserId = byUserId, ByName = byName,
            ReversesTransferId = reverses, Reason = reason,
        };
        TimeCreditMovement Movement(Guid account, Guid counter, long signed) => new()
        {
            TenantId = settings.TenantId, TransferId = transfer.Id, AccountId = account, CounterAccountId = counter, Points = signed, At = at,
        };
        return (transfer, [Movement(from.Account.Id, to.Account.Id, -points), Movement(to.Account.Id, from.Account.Id, points)], null);
    }

    /// <summary>Undoes <paramref name="original"/> with a transfer back (the receiver gives the points back), within the
    /// same bounds. A reversal is not reversed itself, and a transfer is reversed once.</summary>
    public static (TimeCreditTransfer? Transfer, TimeCreditMovement[] Movements, Refusal? Problem) Reverse(
        TimeCreditSettings settings, TimeCreditTransfer original, bool alreadyReversed, Side receiver, Side giver, string? reason,
        Guid? byUserId, string byName, DateTime at, DateOnly bookedOn)
    {
        if (!settings.Enabled)
        {
            return Refuse(Off);
        }
        if (original.IsReversal)
        {
            return Refuse(new("Een terugboeking kan niet zelf worden teruggeboekt. Boek de punten opnieuw over."));
        }
        if (alreadyReversed)
        {
            return Refuse(new("Deze overboeking is al teruggeboekt."));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refuse(new("Schrijf op waarom deze overboeking wordt teruggeboekt."));
        }
        if (reason.Trim().Length > TimeCreditTransfer.ReasonMax)
        {
            return Refuse(new("De reden is te lang (hoogstens {0} tekens).", TimeCreditTransfer.ReasonMax));
        }
        var description = original.Description.StartsWith("Terugboeking: ", StringComparison.Ordinal) ? original.Description : "Terugboeking: " + original.Description;
        return Transfer(settings, receiver, giver, original.Points,
            description.Length > TimeCreditTransfer.DescriptionMax ? description[..TimeCreditTransfer.DescriptionMax] : description,
            byUserId, byName, at, bookedOn, original.Id, reason.Trim());
    }

    /// <summary>Checks new bounds: zero (where a new account starts) lies within them.</summary>
    public static Refusal? CheckBounds(long min, long max)
    {
        if (min > 0)
        {
            return new("Het minimum is 0 of lager: een nieuwe rekening begint op 0.");
        }
        if (max < 1)
        {
            return new("Het maximum is minstens 1 punt.");
        }
        if (min < -TimeCreditSettings.BoundLimit || max > TimeCreditSettings.BoundLimit)
        {
            return new("Kies grenzen tussen -{0} en {0} punten.", TimeCreditSettings.BoundLimit);
        }
        return null;
    }

    public const string OffMessage = "Deze onderneming werkt zonder tijdpunten: de tijdbank staat uit. Er kan niets worden overgeboekt; de geschiedenis blijft te zien.";

    /// <summary>The time bank is off: nothing can be transferred.</summary>
    public static Refusal Off => new(OffMessage);

    public static long Balance(IEnumerable<TimeCreditMovement> movements) => movements.Sum(m => m.Points);

    public static string FormatPoints(long points) => points is 1 or -1 ? $"{points} punt" : $"{points} punten";

    /// <summary>A number of points as two values of a refusal, the number and the word ("1", "punt"; "3", "punten"),
    /// so the reader's language has the word too (<see cref="FormatPoints"/> is the Dutch text of the two).</summary>
    private static object[] Points(long points) => [points, points is 1 or -1 ? "punt" : "punten"];

    private static (TimeCreditTransfer?, TimeCreditMovement[], Refusal?) Refuse(Refusal problem) => (null, [], problem);
}
