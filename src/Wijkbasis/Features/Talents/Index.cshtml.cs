using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Talents;

/// <summary>The board of offers ("ik kan…") and asks ("ik zoek…") of the enterprise, searchable by tag, buurt and
/// language. Data minimisation: a row shows a first name, the buurt, the tags and the person's own words, never an
/// address or contact details; contact goes through the enterprise. With <see cref="Scope"/> "gemeente" it shows the
/// offers other enterprises in the municipality share with their residents' consent.</summary>
public sealed class IndexModel(WijkbasisDb db, TenantContext tenant) : PageModel
{
    public const int PageSize = 25;

    /// <summary>"aanbod" (offers, default) or "vraag" (asks).</summary>
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Kind { get; set; }
    /// <summary>"eigen" (this enterprise, default) or "gemeente" (other enterprises' shared offers).</summary>
    [BindProperty(SupportsGet = true, Name = "waar")] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true, Name = "label")] public Guid? TagId { get; set; }
    [BindProperty(SupportsGet = true, Name = "buurt")] public string? Buurt { get; set; }
    [BindProperty(SupportsGet = true, Name = "taal")] public string? Language { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public TalentSide Side => Kind == "vraag" ? TalentSide.Need : TalentSide.Offer;
    public bool Municipality => Scope == "gemeente";
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Filtered => TagId is not null || !string.IsNullOrEmpty(Buurt) || !string.IsNullOrWhiteSpace(Language);
    public List<Row> Rows { get; private set; } = [];
    public List<TalentTag> ActiveTags { get; private set; } = [];
    public List<(string Code, string Name)> Buurten { get; private set; } = [];
    public bool NoTags { get; private set; }

    public sealed record Row(Guid? PersonId, string FirstName, string? BuurtName, string Tags, string? Text, string? Languages, string? Enterprise);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ActiveTags = await db.TalentTags.AsNoTracking().Where(t => t.RetiredAt == null).OrderBy(t => t.Key).ToListAsync(cancellationToken);
        NoTags = ActiveTags.Count == 0;
        var tag = ActiveTags.FirstOrDefault(t => t.Id == TagId);
        if (tag is null)
        {
            TagId = null;
        }
        var language = string.IsNullOrWhiteSpace(Language) ? null : Language.Trim().ToLowerInvariant();
        if (Municipality)
        {
            await SharedAsync(tag, language, cancellationToken);
        }
        else
        {
            await OwnAsync(tag, language, cancellationToken);
        }
    }

    private async Task OwnAsync(TalentTag? tag, string? language, CancellationToken cancellationToken)
    {
        var side = Side;
        var cards = db.TalentCards.AsNoTracking()
            .Where(c => db.People.Any(p => p.Id == c.PersonId && p.ArchivedAt == null))
            .Where(c => c.Tags.Any(t => t.Side == side && t.Tag!.RetiredAt == null)
                        || (side == TalentSide.Offer ? c.OfferText != null : c.NeedText != null));
        if (tag is not null)
        {
            cards = cards.Where(c => c.Tags.Any(t => t.Side == side && t.TagId == tag.Id));
        }
        if (!string.IsNullOrEmpty(Buurt))
        {
            cards = cards.Where(c => db.People.Any(p => p.Id == c.PersonId && p.BuurtCode == Buurt));
        }
        if (language is not null)
        {
            var pattern = "%" + Like(language) + "%";
            cards = cards.Where(c => db.People.Any(p => p.Id == c.PersonId && p.Languages != null && EF.Functions.Like(p.Languages.ToLower(), pattern, "\\")));
        }
        Total = await cards.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await cards
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new { Card = c, p.Name, p.SearchName, p.BuurtCode, p.Languages })
            .OrderBy(x => x.SearchName).ThenBy(x => x.Card.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.Card.PersonId, x.Name, x.Languages,
                Text = side == TalentSide.Offer ? x.Card.OfferText : x.Card.NeedText,
                Tags = x.Card.Tags.Where(t => t.Side == side && t.Tag!.RetiredAt == null).Select(t => t.Tag!.Name).ToList(),
                BuurtName = db.PostcodeAreas.Where(a => a.BuurtCode == x.BuurtCode).Select(a => a.BuurtName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Rows = page.Select(x => new Row(x.PersonId, TalentMatching.FirstName(x.Name), x.BuurtName,
            string.Join(", ", x.Tags.Order(StringComparer.CurrentCulture)), x.Text, x.Languages, null)).ToList();

        var codes = await db.People.Where(p => p.BuurtCode != null && db.TalentCards.Any(c => c.PersonId == p.Id))
            .Select(p => p.BuurtCode!).Distinct().ToListAsync(cancellationToken);
        await BuurtenAsync(codes, cancellationToken);
    }

    private async Task SharedAsync(TalentTag? tag, string? language, CancellationToken cancellationToken)
    {
        var offers = TenantBypass.SharedOffersOfOtherEnterprises(db, tenant.MunicipalityId).AsNoTracking();
        if (tag is not null)
        {
            // Each enterprise keeps its own list; the same word is the same talent.
            var pattern = "%;" + Like(tag.Key) + ";%";
            offers = offers.Where(o => EF.Functions.Like(o.TagKeys, pattern, "\\"));
        }
        if (!string.IsNullOrEmpty(Buurt))
        {
            offers = offers.Where(o => o.BuurtCode == Buurt);
        }
        if (language is not null)
        {
            var pattern = "%" + Like(language) + "%";
            offers = offers.Where(o => o.Languages != null && EF.Functions.Like(o.Languages.ToLower(), pattern, "\\"));
        }
        Total = await offers.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await offers.OrderBy(o => o.FirstName).ThenBy(o => o.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(o => new Row(null, o.FirstName, o.BuurtName, o.TagNames, o.Text, o.Languages, o.EnterpriseName))
            .ToListAsync(cancellationToken);
        var codes = await TenantBypass.SharedOffersOfOtherEnterprises(db, tenant.MunicipalityId)
            .Where(o => o.BuurtCode != null).Select(o => o.BuurtCode!).Distinct().ToListAsync(cancellationToken);
        await BuurtenAsync(codes, cancellationToken);
    }

    private async Task BuurtenAsync(List<string> codes, CancellationToken cancellationToken) =>
        Buurten = await Shared.BuurtChoices.NamedAsync(db, codes, cancellationToken);

    private static string Like(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
