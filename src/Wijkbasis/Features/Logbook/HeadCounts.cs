namespace Wijkbasis.Features.Logbook;

/// <summary>The age bands of a head count: labels, texts and arithmetic on one band.</summary>
public static class HeadCounts
{
    public static readonly AgeBand[] Bands = [AgeBand.Children, AgeBand.Teens, AgeBand.Adults, AgeBand.Seniors];

    public static string Label(AgeBand band) => band switch
    {
        AgeBand.Children => "0–12 jaar",
        AgeBand.Teens => "13–17 jaar",
        AgeBand.Adults => "18–64 jaar",
        _ => "65+",
    };

    /// <summary>The message after a step, with the band's new total as {0}.</summary>
    public static string Counted(AgeBand band) => band switch
    {
        AgeBand.Children => "Geteld zonder registratie, 0–12 jaar: {0}.",
        AgeBand.Teens => "Geteld zonder registratie, 13–17 jaar: {0}.",
        AgeBand.Adults => "Geteld zonder registratie, 18–64 jaar: {0}.",
        _ => "Geteld zonder registratie, 65+: {0}.",
    };

    public static string NoneYet(AgeBand band) => band switch
    {
        AgeBand.Children => "Bij 0–12 jaar is nog niemand geteld.",
        AgeBand.Teens => "Bij 13–17 jaar is nog niemand geteld.",
        AgeBand.Adults => "Bij 18–64 jaar is nog niemand geteld.",
        _ => "Bij 65+ is nog niemand geteld.",
    };

    public static string Less(AgeBand band) => band switch
    {
        AgeBand.Children => "Eén minder bij 0–12 jaar",
        AgeBand.Teens => "Eén minder bij 13–17 jaar",
        AgeBand.Adults => "Eén minder bij 18–64 jaar",
        _ => "Eén minder bij 65+",
    };

    public static string More(AgeBand band) => band switch
    {
        AgeBand.Children => "Eén meer bij 0–12 jaar",
        AgeBand.Teens => "Eén meer bij 13–17 jaar",
        AgeBand.Adults => "Eén meer bij 18–64 jaar",
        _ => "Eén meer bij 65+",
    };

    public static void Add(HeadCount count, AgeBand band, int n)
    {
        switch (band)
        {
            case AgeBand.Children: count.Children += n; break;
            case AgeBand.Teens: count.Teens += n; break;
            case AgeBand.Adults: count.Adults += n; break;
            default: count.Seniors += n; break;
        }
    }
}
