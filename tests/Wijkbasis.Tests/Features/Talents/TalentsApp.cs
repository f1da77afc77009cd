using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Talents;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Talents;

/// <summary>Helpers for the talent tests: residents made straight in the database, forms posted with repeated fields.</summary>
public static class TalentsApp
{
    public static Task<Guid> NewResidentAsync(this WijkbasisFactory app, string name, string enterprise = "huiskamer",
        string? languages = "Nederlands", string? buurt = null, string? phone = null) =>
        app.InDbAsync(enterprise, async db =>
        {
            var now = TimeProvider.System.UtcNow();
            var person = new Person
            {
                Name = name, SearchName = name.ToLowerInvariant(), Languages = languages, BuurtCode = buurt, Phone = phone,
                Postcode = buurt is null ? null : "6822 AB", CreatedAt = now, UpdatedAt = now,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });

    /// <summary>Gives a resident a card with these tags (by name), as the coordinator would.</summary>
    public static Task CardAsync(this WijkbasisFactory app, Guid personId, string[] offers, string[] needs, string enterprise = "huiskamer",
        string? offerText = null, int availability = 0) =>
        app.InDbAsync(enterprise, async db =>
        {
            var tags = await db.TalentTags.ToListAsync();
            var card = new TalentCard { PersonId = personId, UpdatedByName = "test", UpdatedAt = TimeProvider.System.UtcNow(), Version = 1, OfferText = offerText, Availability = availability };
            card.Tags.AddRange(offers.Select(o => new TalentCardTag { CardId = card.Id, TagId = tags.Single(t => t.Key == TalentTag.KeyOf(o)).Id, Side = TalentSide.Offer }));
            card.Tags.AddRange(needs.Select(n => new TalentCardTag { CardId = card.Id, TagId = tags.Single(t => t.Key == TalentTag.KeyOf(n)).Id, Side = TalentSide.Need }));
            db.TalentCards.Add(card);
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>Posts the form on <paramref name="pageUrl"/> whose action contains <paramref name="formAction"/>, with these
    /// fields (a name may repeat, as checkboxes do) on top of its hidden fields.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HtmlClient client, string pageUrl, string formAction,
        params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = HtmlClient.FindForm(page, formAction);
        var overridden = fields.Select(f => f.Name).ToHashSet();
        var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name) && !overridden.Contains(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
        var all = hidden.Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))).ToList();
        return await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(all));
    }

    /// <summary>The text of the page that answers a refused post (400: it refuses, the form is shown again).</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await HtmlClient.ParseAsync(response)).Body!.TextContent;
    }
}
