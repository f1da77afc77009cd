using System.Globalization;
using PdfSharp.Pdf;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Outreach;
using Wijkbasis.Features.Report;
using Wijkbasis.Features.Talents;
using Wijkbasis.Features.Volunteers;
using Wijkbasis.Infrastructure.Time;
using static Wijkbasis.Features.People.SubjectAccess;

namespace Wijkbasis.Features.People;

/// <summary>The subject-access report as sections of rows: one shape for the page and the PDF, so both show the same.
/// Titles and column names are Dutch resource keys (the page translates them; the PDF, like the report, is Dutch).</summary>
public static class SubjectAccessDocument
{
    public sealed record Section(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, string? Empty = null);

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static string D(DateTime utc) => utc.Display();
    private static string D(DateTime? utc) => utc?.Display() ?? "–";
    private static string D(DateOnly day) => day.ToString("d MMM yyyy", Dutch);
    private static string D(DateOnly? day) => day is { } d ? D(d) : "–";
    private static string S(string? text) => string.IsNullOrWhiteSpace(text) ? "–" : text;
    private static string Yes(bool value) => value ? "ja" : "nee";

    public static IReadOnlyList<Section> Sections(SubjectAccess.Report r)
    {
        var p = r.Person;
        var hidden = r.NotShown.Select(h => new[] { h.Kind, h.Count.ToString(Dutch), h.OnlyFor }).ToList();
        return
        [
            new("persoon", "Gegevens in het register", ["Onderdeel", "Waarde"],
            [
                ["Naam", p.Name + (p.IsAlias ? " (roepnaam)" : "")], ["Geboortejaar", p.BirthYear?.ToString(Dutch) ?? "–"],
                ["Postcode", S(p.Postcode)], ["Buurt", S(p.BuurtName)], ["Telefoon", S(p.Phone)], ["E-mail", S(p.Email)],
                ["Talen", S(p.Languages)], ["Vraagt steun", Yes(p.IsVrager)], ["Draagt anderen", Yes(p.IsDrager)],
                ["In het register sinds", D(p.CreatedAt)], ["Laatst gewijzigd", D(p.UpdatedAt)], ["Gearchiveerd", D(p.ArchivedAt)],
            ]),
            new("toestemming", "Grondslag en toestemming (met geschiedenis)", ["Vastgelegd", "Doel", "Grondslag", "Toestemming", "Door", "Toelichting"],
                r.Consents.Select(c => new[] { D(c.RecordedAt), ConsentLabels.Of(c.Purpose), ConsentLabels.Of(c.LegalBasis), c.Given ? "gegeven" : "ingetrokken",
                    c.RecordedBy, S(c.Note) }).ToList()),
            new("bezoeken", "Bezoeken", ["Sessie", "Activiteit", "Aangemeld door"],
                r.Visits.Select(v => new[] { D(v.SessionStartsAt), v.Activity, v.CheckedInBy }).ToList()),
            new("verhalen", "Verhalen en notities", ["Wanneer", "Activiteit", "Tekst", "Mag in rapportage", "Door"],
                r.Stories.Select(s => new[] { D(s.At), s.Activity, s.Text, Yes(s.ConsentToReport), s.WrittenBy }).ToList()),
            new("intakes", "Intakes", ["Datum", "Door", "Wil", "Kan", "Nodig", "Doelen", "ZRM", "Praktische hulp"],
                r.Intakes.Select(i => new[] { D(i.HeldOn), i.HeldBy, S(i.Want), S(i.Can), S(i.Need), S(i.Goals), S(i.Zrm), S(i.NeedTags) }).ToList()),
            new("casussen", "Casussen", ["Casus", "Geopend", "Afgesloten op", "Hoe afgelopen", "Notitie", "ZRM bij afsluiten"],
                r.Cases.Select(c => new[] { c.Reference, D(c.OpenedAt), D(c.ClosedAt), c.Outcome is { } o ? Case.Label(o) : "–", S(c.OutcomeNote), S(c.ClosingZrm) }).ToList()),
            new("contacten", "Contacten, doelen en taken in de casussen", ["Casus", "Datum", "Soort", "Tekst", "Door"],
                r.Cases.SelectMany(c => c.Contacts.Select(x => new[] { c.Reference, D(x.On), CaseContact.Label(x.Kind), S(x.Note), x.By })
                    .Concat(c.GoalsAndTasks.Select(x => new[] { c.Reference, D(x.DueOn), x.IsGoal ? "doel" : "taak", S(x.Text), x.By }))).ToList()),
            new("potboekingen", "Uitgaven uit de buurtpot voor de casussen", ["Casus", "Datum", "Bedrag", "Notitie", "Door"],
                r.Cases.SelectMany(c => c.PotBookings.Select(b => new[] { c.Reference, D(b.BookedOn),
                    (Math.Abs(b.AmountCents) / 100m).ToString("C", Dutch), S(b.Note), b.By })).ToList()),
            new("buddy", "Buddy-aanvragen", ["Gevraagd", "Door", "Antwoord", "Reden"],
                r.BuddyOffers.Select(o => new[] { D(o.OfferedAt), o.OfferedBy, D(o.AnsweredAt), S(o.DeclineReason ?? o.KindOverrideReason) }).ToList()),
            new("outreach", "Huisbezoeken en signalen", ["Datum", "Adres of onderwerp", "Uitkomst", "Notitie", "Door"],
                r.OutreachVisits.Select(v => new[] { D(v.On), v.Address, OutreachVisit.Label(v.Outcome), S(v.Note), v.By })
                    .Concat(r.Signals.Select(s => new[] { D(s.CreatedAt), s.About, "signaal", S(s.Note), s.By })).ToList()),
            new("niet-getoond", "Gegevens die u niet mag openen", ["Soort", "Aantal", "Inhoud alleen voor"], hidden,
                "Er zijn geen gegevens die voor u verborgen zijn."),
            new("talenten", "Talentkaart (ik kan… / ik zoek…)", ["Kan", "Zoekt", "Eigen woorden (kan)", "Eigen woorden (zoekt)"],
                r.TalentCard is { } t ? [[string.Join(", ", t.Offers), string.Join(", ", t.Needs), S(t.OfferText), S(t.NeedText)]] : []),
            new("gedeeld", "Aanbod gedeeld met de andere ondernemingen", ["Voornaam", "Buurt", "Labels", "Tekst"],
                r.SharedOffers.Select(o => new[] { o.FirstName, S(o.BuurtName), o.Tags, S(o.Text) }).ToList()),
            new("koppelingen", "Koppelingen", ["Voorgesteld", "Rol", "Met", "Waarover", "Stand", "Notities"],
                r.Matches.Select(m => new[] { D(m.SuggestedAt), m.Role, m.Other, m.About, Match.Label(m.Status),
                    string.Join(" | ", m.Notes.Select(n => $"{D(n.At)}: {n.Text}")) }).ToList()),
            new("vrijwilliger", "Vrijwilliger", ["Sinds", "VOG afgegeven", "VOG geldig tot", "Eigen login", "Gearchiveerd op"],
                r.Volunteer is { } v2 ? [[D(v2.Since), D(v2.VogIssuedOn), D(v2.VogExpiresOn), Yes(v2.HasLogin), D(v2.ArchivedAt)]] : []),
            new("diensten", "Diensten", ["Sessie", "Activiteit", "Rol", "Door"],
                r.Shifts.Select(s => new[] { D(s.SessionStartsAt), s.Activity, s.Role, s.By }).ToList()),
            new("uren", "Uren", ["Dag", "Rol", "Minuten", "Notitie", "Door"],
                r.VolunteerHours.Select(h => new[] { D(h.WorkedOn), h.Role, h.Minutes.ToString(Dutch), S(h.Note), h.By }).ToList()),
            new("bijdragen", "Bijdragen", ["Dag", "Soort", "Wat", "Aantal punten", "Door"],
                r.Contributions.Select(c => new[] { D(c.GivenOn), Contribution.Label(c.Kind), c.Description, c.Points?.ToString(Dutch) ?? "–", c.By }).ToList()),
            new("tijdcredits", "Tijdcredits", ["Rekening", "Dag", "Aantal punten", "Omschrijving", "Door"],
                r.TimeCredits.SelectMany(a => a.Lines.Select(l => new[] { a.AccountName, D(l.BookedOn), l.Points.ToString("+0;-0;0", Dutch), l.Description, l.By })
                    .Append([a.AccountName, "", a.Balance.ToString("+0;-0;0", Dutch), "saldo", ""])).ToList()),
            new("zaalaanvragen", "Zaalaanvragen met dit e-mailadres", ["Ontvangen", "Zaal", "Wanneer", "Organisatie", "Contact", "Bericht"],
                r.RoomRequests.Select(q => new[] { D(q.ReceivedAt), q.Room, D(q.StartsAt), q.Organisation,
                    $"{q.ContactName}, {q.ContactEmail}{(q.ContactPhone is null ? "" : ", " + q.ContactPhone)}", S(q.Message) }).ToList()),
            new("doorverwijzingen", "Doorverwijzingen", ["Datum", "Organisatie", "Waarom", "Ging mee", "Gedeeld met de organisatie", "Uitkomst", "Door"],
                r.Referrals.Select(x => new[] { D(x.ReferredOn), x.Organisation, S(x.Reason), S(x.WentAlong),
                    x.DetailsShared ? (x.OverrideReason is null ? "ja" : "ja, zonder toestemming: " + x.OverrideReason) : "nee",
                    x.Outcome is { } o ? $"{Partners.Referral.Label(o)} ({D(x.OutcomeOn)})" : "–", x.By }).ToList()),
            new("inzage", "Wie heeft deze gegevens gezien of gewijzigd", ["Wanneer", "Wie", "Rol", "Wat", "Soort gegeven", "Uitkomst"],
                r.AuditTrail.Select(a => new[] { D(a.At), a.User, a.Role, ActionLabel(a.Action) + (a.InAList ? " (in een lijst)" : ""), a.Record, a.Outcome }).ToList()),
        ];
    }

    /// <summary>The report as an A4 PDF with the report's own writer (docs/decisions/0015): real text, Dutch.</summary>
    public static byte[] Pdf(SubjectAccess.Report r)
    {
        ReportFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Inzage {r.Person.Name}";
        document.Info.Author = r.Enterprise;
        document.Info.Creator = "Wijkbasis";
        var w = new ReportPdf.Writer(document);
        w.Text($"Inzage in de gegevens van {r.Person.Name}", w.Title);
        w.Text($"{r.Enterprise} · gemaakt op {D(r.CreatedAt)} door {r.CreatedBy}", w.Small);
        w.Text("Dit zijn alle gegevens die wij in Wijkbasis over u bewaren (AVG artikel 15), en wie ze heeft bekeken of gewijzigd.", w.Body);
        w.Space(8);
        foreach (var section in Sections(r))
        {
            w.Need(50);
            w.Text(section.Title, w.Heading);
            if (section.Rows.Count == 0)
            {
                w.Text(section.Empty ?? "Niets vastgelegd.", w.Body);
                w.Space(4);
                continue;
            }
            var share = 1.0 / section.Columns.Count;
            w.Table(section.Columns.Select(c => (c, share)).ToList(), section.Rows);
            w.Space(6);
        }
        w.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
