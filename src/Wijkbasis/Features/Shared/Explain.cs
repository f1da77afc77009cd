namespace Wijkbasis.Features.Shared;

/// <summary>A word of the trade explained in place (rendered by _Explain.cshtml): the question and the answer are
/// Dutch texts (resource keys). The explanations used on more than one page live here, so they say the same thing.</summary>
public sealed record Explain(string Question, string Answer)
{
    public static readonly Explain Zrm = new("Wat is de ZRM?",
        "De ZRM (Zelfredzaamheid-Matrix) is een lijst met onderdelen van het leven, zoals geld, wonen en gezondheid. Per onderdeel kiest u een niveau: 1 is een acuut probleem, 5 is helemaal zelfredzaam. Zo ziet u hoe goed iemand zich redt, en later of dat beter wordt.");

    public static readonly Explain VragerDrager = new("Wat is een vrager en een drager?",
        "Een vrager is iemand die hier steun krijgt. Een drager is iemand die anderen helpt, bijvoorbeeld als vrijwilliger of buur. Iemand kan allebei zijn. Het mooiste is als een vrager later zelf drager wordt.");

    public static readonly Explain Mandate = new("Wat is een mandaat?",
        "Een mandaat is het bedrag dat u zelf uit de buurtpot mag uitgeven, zonder dat iemand anders eerst ja zegt. Is een uitgave hoger, dan keurt een budgetbeheerder die eerst goed.");

    public static readonly Explain BuddyPoints = new("Hoe werken de punten?",
        "Wijkbasis telt punten voor wat past: dezelfde taal (30), hulp bij wat nodig is (15 per onderwerp, hoogstens 45), dichtbij wonen (tot 20), ruimte voor nog een bewoner (tot 10) en dezelfde dagdelen (2 per dagdeel, hoogstens 10). Meer punten past beter. U kiest zelf.");
}
