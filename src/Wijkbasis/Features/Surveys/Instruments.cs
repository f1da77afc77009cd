namespace Wijkbasis.Features.Surveys;

/// <summary>The instruments a response can be for: the built-in scales (their items are data below, their scoring is the
/// manual's) or a survey the enterprise built itself.</summary>
public enum Instrument
{
    DeJongGierveld6,
    DeJongGierveld11,
    Participatieladder,
    Custom,
}

/// <summary>The two subscales of the De Jong Gierveld scale: social (positively worded) and emotional (negatively worded).</summary>
public enum Subscale
{
    Social,
    Emotional,
}

/// <summary>The three answers of the De Jong Gierveld scale.</summary>
public enum LonelinessAnswer
{
    Nee,
    MinOfMeer,
    Ja,
}

/// <summary>One item of the De Jong Gierveld scale: its number in the 11-item scale, its subscale and its Dutch text.</summary>
public sealed record LonelinessItem(int Number, Subscale Subscale, string Text);

/// <summary>A scored De Jong Gierveld response. Null where the manual says the score is missing.</summary>
public sealed record LonelinessScore(int? Total, int? Social, int? Emotional, int Missing);

/// <summary>The De Jong Gierveld loneliness scale (../shared/design/INSTRUMENTS.md section 3; De Jong Gierveld &amp; Kamphuis
/// 1985; De Jong Gierveld &amp; Van Tilburg 2006; scoring per Van Tilburg &amp; De Jong Gierveld 1999). A group instrument:
/// its scores are shown only as group figures (docs/decisions/0031).</summary>
public static class DeJongGierveld
{
    /// <summary>The 11 items in the order of the 11-item scale.</summary>
    public static readonly IReadOnlyList<LonelinessItem> Items11 =
    [
        new(1, Subscale.Social, "Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse probleempjes terecht kan."),
        new(2, Subscale.Emotional, "Ik mis een echt goede vriend of vriendin."),
        new(3, Subscale.Emotional, "Ik ervaar een leegte om me heen."),
        new(4, Subscale.Social, "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen."),
        new(5, Subscale.Emotional, "Ik mis gezelligheid om me heen."),
        new(6, Subscale.Emotional, "Ik vind mijn kring van kennissen te beperkt."),
        new(7, Subscale.Social, "Ik heb veel mensen op wie ik volledig kan vertrouwen."),
        new(8, Subscale.Social, "Er zijn voldoende mensen met wie ik me nauw verbonden voel."),
        new(9, Subscale.Emotional, "Ik mis mensen om me heen."),
        new(10, Subscale.Emotional, "Vaak voel ik me in de steek gelaten."),
        new(11, Subscale.Social, "Wanneer ik daar behoefte aan heb, kan ik altijd bij mijn vrienden terecht."),
    ];

    /// <summary>The 6-item scale: items 3, 9, 10 (emotional) and 4, 7, 8 (social), emotional first as in the 2006 version.</summary>
    public static readonly IReadOnlyList<LonelinessItem> Items6 = [.. new[] { 3, 9, 10, 4, 7, 8 }.Select(n => Items11[n - 1])];

    public static IReadOnlyList<LonelinessItem> ItemsOf(Instrument instrument) => instrument switch
    {
        Instrument.DeJongGierveld6 => Items6,
        Instrument.DeJongGierveld11 => Items11,
        _ => throw new ArgumentOutOfRangeException(nameof(instrument)),
    };

    /// <summary>An emotional item scores 1 on "min of meer" or "ja"; a social item (positively worded, so reverse-scored)
    /// scores 1 on "min of meer" or "nee". The neutral answer counts as lonely on both.</summary>
    public static int ItemScore(Subscale subscale, LonelinessAnswer answer) => subscale switch
    {
        Subscale.Emotional => answer is LonelinessAnswer.MinOfMeer or LonelinessAnswer.Ja ? 1 : 0,
        _ => answer is LonelinessAnswer.MinOfMeer or LonelinessAnswer.Nee ? 1 : 0,
    };

    /// <summary>Scores answers given in the order of <paramref name="items"/> (null: not answered). The total is missing
    /// when more than one item is missing (else the sum of the answered items); a subscale is missing when any of its
    /// items is missing.</summary>
    public static LonelinessScore Score(IReadOnlyList<LonelinessItem> items, IReadOnlyList<LonelinessAnswer?> answers)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count != items.Count)
        {
            throw new ArgumentException("One answer per item.", nameof(answers));
        }
        int total = 0, social = 0, emotional = 0, missing = 0;
        bool socialMissing = false, emotionalMissing = false;
        for (var i = 0; i < items.Count; i++)
        {
            if (answers[i] is not { } answer)
            {
                missing++;
                socialMissing |= items[i].Subscale == Subscale.Social;
                emotionalMissing |= items[i].Subscale == Subscale.Emotional;
                continue;
            }
            var score = ItemScore(items[i].Subscale, answer);
            total += score;
            if (items[i].Subscale == Subscale.Social)
            {
                social += score;
            }
            else
            {
                emotional += score;
            }
        }
        return new(missing > 1 ? null : total, socialMissing ? null : social, emotionalMissing ? null : emotional, missing);
    }

    /// <summary>"Eenzaam" on the total: 6 items at 2 or more (matig or sterk), 11 items at 3 or more.</summary>
    public static bool IsLonely(Instrument instrument, int total) => total >= (instrument == Instrument.DeJongGierveld6 ? 2 : 3);

    /// <summary>The manual's bands: 6 items 0–1 niet eenzaam, 2–4 matig, 5–6 sterk eenzaam; 11 items 0–2 niet eenzaam,
    /// 3–8 matig, 9–10 ernstig, 11 zeer ernstig eenzaam. For group tables only.</summary>
    public static string Band(Instrument instrument, int total) => instrument == Instrument.DeJongGierveld6
        ? total switch { <= 1 => "Niet eenzaam", <= 4 => "Matig eenzaam", _ => "Sterk eenzaam" }
        : total switch { <= 2 => "Niet eenzaam", <= 8 => "Matig eenzaam", <= 10 => "Ernstig eenzaam", _ => "Zeer ernstig eenzaam" };

    public static IReadOnlyList<string> Bands(Instrument instrument) => instrument == Instrument.DeJongGierveld6
        ? ["Niet eenzaam", "Matig eenzaam", "Sterk eenzaam"]
        : ["Niet eenzaam", "Matig eenzaam", "Ernstig eenzaam", "Zeer ernstig eenzaam"];

    public static int MaxTotal(Instrument instrument) => ItemsOf(instrument).Count;

    public static string AnswerLabel(LonelinessAnswer answer) => answer switch
    {
        LonelinessAnswer.Nee => "Nee",
        LonelinessAnswer.MinOfMeer => "Min of meer",
        _ => "Ja",
    };
}

/// <summary>The participatieladder (Divosa/VNG): six rungs from isolated to paid work.</summary>
public static class Participatieladder
{
    public const int Lowest = 1;
    public const int Highest = 6;

    public static string Label(int rung) => rung switch
    {
        1 => "Geïsoleerd",
        2 => "Sociale contacten buitenshuis",
        3 => "Deelname aan georganiseerde activiteiten",
        4 => "Onbetaald werk",
        5 => "Betaald werk met ondersteuning",
        6 => "Betaald werk",
        _ => throw new ArgumentOutOfRangeException(nameof(rung)),
    };

    public static string Hint(int rung) => rung switch
    {
        1 => "Weinig of geen contact met anderen buiten het eigen huishouden.",
        2 => "Wekelijks contact met mensen buitenshuis, niet georganiseerd.",
        3 => "Doet wekelijks mee aan georganiseerde activiteiten, zonder verantwoordelijkheid voor anderen.",
        4 => "Vrijwilligerswerk of een stage.",
        5 => "Betaald werk, met begeleiding of loonkostensubsidie.",
        _ => "Betaald werk zonder ondersteuning.",
    };
}

/// <summary>How many people moved up, stayed or moved down between two measurements.</summary>
public readonly record struct Moves(int Up, int Same, int Down)
{
    public int Total => Up + Same + Down;

    public static Moves Count(IEnumerable<(int Before, int After)> pairs)
    {
        int up = 0, same = 0, down = 0;
        foreach (var (before, after) in pairs)
        {
            if (after > before)
            {
                up++;
            }
            else if (after < before)
            {
                down++;
            }
            else
            {
                same++;
            }
        }
        return new(up, same, down);
    }
}
