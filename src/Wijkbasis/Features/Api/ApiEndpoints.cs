using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.MunicipalView;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Api;

/// <summary>The operations of <c>/api/v1</c> (docs/decisions/0033). Reads go through the same query filters as the pages
/// (the key entered its enterprise); writes go through the logbook's own code (<see cref="CheckIns"/>), with its rules,
/// its audit rows and its answers. Every list is paged (<c>page</c>, <c>pageSize</c> up to 100); times are ISO 8601 in
/// UTC, dates ISO 8601.</summary>
public static class ApiEndpoints
{
    public const int MaxPageSize = 100;

    public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasMore);

    public sealed record ActivityItem(Guid Id, string Name, string? Description, bool IsPublic, DateOnly FirstDate, DateOnly? LastDate, bool Archived);
    public sealed record SessionItem(Guid Id, Guid ActivityId, string Activity, DateOnly Date, DateTime StartsAt, DateTime EndsAt, bool Cancelled, bool Closed);
    public sealed record CheckInItem(Guid Id, Guid SessionId, Guid PersonId, DateTime At, string By);
    public sealed record HeadCountItem(Guid Id, Guid SessionId, int Children, int Teens, int Adults, int Seniors, int Total, DateTime At, string By);
    public sealed record TalentItem(string Tag, int Offers, int Needs);
    public sealed record MatchItem(Guid Id, string About, string Status, DateTime SuggestedAt, DateTime? IntroducedAt, DateTime? AgreedAt,
        DateTime? DoneAt, DateTime? FizzledAt);
    public sealed record BookingItem(Guid Id, Guid RoomId, string Room, string Kind, DateTime StartsAt, DateTime EndsAt, string Title, bool Cancelled);
    /// <summary>A figure as the municipal view publishes it: <c>hidden</c> when it rests on too few people (or would give such a figure away).</summary>
    public sealed record IndicatorItem(string Id, string Name, string Unit, decimal? Value, bool Hidden);
    public sealed record IndicatorSet(string Period, string Enterprise, IReadOnlyList<IndicatorItem> Indicators);

    /// <summary>A check-in: the person, by the id the register and the check-in list use.</summary>
    public sealed record CheckInBody(Guid? PersonId);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiArea.Root).WithTags("v1");
        api.MapGet("/activities", ActivitiesAsync).RequireAuthorization(ApiArea.LogbookRead).WithSummary("Activiteiten");
        api.MapGet("/activities/{id:guid}", ActivityAsync).RequireAuthorization(ApiArea.LogbookRead).WithSummary("Eén activiteit");
        api.MapGet("/sessions", SessionsAsync).RequireAuthorization(ApiArea.LogbookRead).WithSummary("Sessies, op datum");
        api.MapGet("/sessions/{id:guid}", SessionAsync).RequireAuthorization(ApiArea.LogbookRead).WithSummary("Eén sessie");
        api.MapGet("/sessions/{id:guid}/check-ins", CheckInsAsync).RequireAuthorization(ApiArea.LogbookRead).WithSummary("Aanmeldingen bij een sessie");
        api.MapPost("/sessions/{id:guid}/check-ins", CheckInAsync).RequireAuthorization(ApiArea.LogbookWrite)
            .Accepts<CheckInBody>("application/json").Produces<CheckInItem>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Iemand aanmelden bij een sessie");
        api.MapGet("/sessions/{id:guid}/head-counts", HeadCountsAsync).RequireAuthorization(ApiArea.LogbookRead).WithSummary("Tellingen zonder registratie");
        api.MapPost("/sessions/{id:guid}/head-counts", CountAsync).RequireAuthorization(ApiArea.LogbookWrite)
            .Accepts<HeadCountInput>("application/json").Produces<HeadCountItem>(StatusCodes.Status201Created)
            .WithSummary("Bezoekers zonder registratie tellen");
        api.MapGet("/talents", TalentsAsync).RequireAuthorization(ApiArea.TalentsRead).WithSummary("Talenten en vragen per label (aantallen)");
        api.MapGet("/matches", MatchesAsync).RequireAuthorization(ApiArea.TalentsRead).WithSummary("Koppelingen (zonder namen)");
        api.MapGet("/bookings", BookingsAsync).RequireAuthorization(ApiArea.BookingsRead).WithSummary("Zaalboekingen, op datum");
        api.MapGet("/indicators", IndicatorsAsync).RequireAuthorization(ApiArea.AggregatesRead).WithSummary("Cijfers van de organisatie, als in de gemeentelijke weergave");
        // Anything else under the API answers a problem, not the HTML error page.
        api.MapFallback(context => ApiProblems.NotFound(context).ExecuteAsync(context)).AllowAnonymous().ExcludeFromDescription();
    }

    // --- paging and bad input ---

    /// <summary>Query values arrive as text and are read here, so an unreadable one ("page=abc", "from=2026-02-30") is
    /// answered with the field and why, like any other bad input, instead of the framework's bare 400.</summary>
    private sealed class Query(HttpContext context)
    {
        public Dictionary<string, string[]> Errors { get; } = [];

        public int Number(string name, string? text, int fallback, int min, int max, string problem)
        {
            if (text is null)
            {
                return fallback;
            }
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }
            Errors[name] = [problem];
            return fallback;
        }

        /// <summary>An ISO date (2026-12-07) between 1-1-1900 and 31-12-2199, as every date the app binds.</summary>
        public DateOnly? Date(string name, string? text)
        {
            if (text is null)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                && day >= new DateOnly(1900, 1, 1) && day <= new DateOnly(2199, 12, 31))
            {
                return day;
            }
            Errors[name] = ["Vul een datum in als 2026-12-07, tussen 1-1-1900 en 31-12-2199."];
            return null;
        }

        public Guid? Id(string name, string? text)
        {
            if (text is null)
            {
                return null;
            }
            if (Guid.TryParse(text, out var id))
            {
                return id;
            }
            Errors[name] = ["Dit veld kan niet gelezen worden."];
            return null;
        }

        public (DateOnly? From, DateOnly? To) Period(string? from, string? to)
        {
            var (f, t) = (Date("from", from), Date("to", to));
            if (f > t)
            {
                Errors["to"] = ["De einddatum ligt voor de begindatum."];
            }
            return (f, t);
        }

        public (int Page, int PageSize) Paging(string? page, string? pageSize) =>
            (Number("page", page, 1, 1, 100_000, "Kies een pagina van 1 tot en met 100000."),
             Number("pageSize", pageSize, 50, 1, MaxPageSize, "Kies een paginagrootte van 1 tot en met 100."));

        public IResult? Refusal => Errors.Count == 0 ? null : Invalid(context, Errors);
    }

    private static IResult Invalid(HttpContext context, IDictionary<string, string[]> errors) =>
        ApiProblems.Problem(context, StatusCodes.Status400BadRequest, "Niet alle velden zijn goed ingevuld.", errors);

    private static async Task<Paged<T>> PageAsync<T>(IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        var more = items.Count > pageSize;
        return new Paged<T>(more ? items[..pageSize] : items, page, pageSize, more);
    }

    private static DateTime Utc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    // --- activities and sessions ---

    private static readonly Expression<Func<Activity, ActivityItem>> ActivityRow =
        a => new ActivityItem(a.Id, a.Name, a.Description, a.IsPublic, a.FirstDate, a.LastDate, a.ArchivedAt != null);

    private static readonly Expression<Func<Session, SessionItem>> SessionRow =
        s => new SessionItem(s.Id, s.ActivityId, s.Activity!.Name, s.OccurrenceDate, s.StartsAt, s.EndsAt, s.CancelledAt != null, s.ClosedAt != null);

    private static readonly Expression<Func<CheckIn, CheckInItem>> CheckInRow = c => new CheckInItem(c.Id, c.SessionId, c.PersonId, c.At, c.ByName);

    private static async Task<IResult> ActivitiesAsync(HttpContext context, WijkbasisDb db, string? page = null, string? pageSize = null)
    {
        var input = new Query(context);
        var (number, size) = input.Paging(page, pageSize);
        if (input.Refusal is { } bad)
        {
            return bad;
        }
        var query = db.Activities.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Select(ActivityRow);
        return Results.Ok(await PageAsync(query, number, size, context.RequestAborted));
    }

    private static async Task<IResult> ActivityAsync(HttpContext context, Guid id, WijkbasisDb db, AuditLog audit)
    {
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(ActivityRow)
            .SingleOrDefaultAsync(context.RequestAborted);
        return activity is null ? await NotFoundAsync(context, audit, nameof(Activity), id) : Results.Ok(activity);
    }

    private static async Task<IResult> SessionsAsync(HttpContext context, WijkbasisDb db, string? from = null, string? to = null,
        string? activityId = null, string? page = null, string? pageSize = null)
    {
        var input = new Query(context);
        var (number, size) = input.Paging(page, pageSize);
        var (first, last) = input.Period(from, to);
        var activity = input.Id("activityId", activityId);
        if (input.Refusal is { } bad)
        {
            return bad;
        }
        var query = db.Sessions.AsNoTracking();
        if (first is { } f)
        {
            query = query.Where(s => s.OccurrenceDate >= f);
        }
        if (last is { } t)
        {
            query = query.Where(s => s.OccurrenceDate <= t);
        }
        if (activity is { } a)
        {
            query = query.Where(s => s.ActivityId == a);
        }
        var items = query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(SessionRow);
        return Results.Ok(await PageAsync(items, number, size, context.RequestAborted));
    }

    private static async Task<IResult> SessionAsync(HttpContext context, Guid id, WijkbasisDb db, AuditLog audit)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == id)
            .Select(SessionRow)
            .SingleOrDefaultAsync(context.RequestAborted);
        return session is null ? await NotFoundAsync(context, audit, nameof(Session), id) : Results.Ok(session);
    }

    /// <summary>As <see cref="AuditNotFoundRecords"/> does for a page: an id not found in this enterprise is logged.</summary>
    private static async Task<IResult> NotFoundAsync(HttpContext context, AuditLog audit, string entityType, Guid id)
    {
        await audit.RecordAttemptAsync(entityType, id.ToString(), AuditForbiddenResults.ActionOf(context.Request.Method), "not-found");
        return ApiProblems.NotFound(context);
    }

    // --- the logbook ---

    private static async Task<IResult> CheckInsAsync(HttpContext context, Guid id, WijkbasisDb db, CheckIns checkIns, AuditLog audit,
        string? page = null, string? pageSize = null)
    {
        var input = new Query(context);
        var (number, size) = input.Paging(page, pageSize);
        if (input.Refusal is { } bad)
        {
            return bad;
        }
        var cancellationToken = context.RequestAborted;
        if (await checkIns.FindAsync(id, Guid.Empty, cancellationToken) is not { } door)
        {
            return await NotFoundAsync(context, audit, nameof(Session), id);
        }
        var result = await PageAsync(db.CheckIns.AsNoTracking().Where(c => c.SessionId == id).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(CheckInRow), number, size, cancellationToken);
        // Who came is a look at people, logged as the session page logs it.
        if (result.Items.Count > 0)
        {
            await audit.RecordViewAsync(door.Session, result.Items.Select(c => c.PersonId), cancellationToken);
        }
        return Results.Ok(result);
    }

    /// <summary>The page's check-in, through <see cref="CheckIns"/>: the same rules (cancelled, not yet open, closed, not
    /// in the register, consent withdrawn), the same row and audit row, and 409 for a repeat. A key acts for the
    /// enterprise, as a coordinator's colleague does: its scope is the permission, there is no host to check.</summary>
    private static async Task<IResult> CheckInAsync(HttpContext context, Guid id, CheckIns checkIns, WijkbasisDb db, AuditLog audit)
    {
        var cancellationToken = context.RequestAborted;
        var (body, problem) = await ReadAsync<CheckInBody>(context);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.PersonId is not { } personId || personId == Guid.Empty)
        {
            return Invalid(context, new Dictionary<string, string[]> { ["personId"] = ["Kies de persoon die u wilt aanmelden."] });
        }
        if (await checkIns.FindAsync(id, personId, cancellationToken) is not { } door)
        {
            return await NotFoundAsync(context, audit, nameof(Session), id);
        }
        var outcome = checkIns.RefuseWrite(door.Session) is { } closed ? new CheckIns.Outcome(closed, false)
            : await checkIns.CheckInAsync(door.Session, door.Person, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return ApiProblems.Refused(context, refusal, outcome.Repeat);
        }
        var made = await db.CheckIns.AsNoTracking().Where(c => c.SessionId == id && c.PersonId == personId)
            .Select(CheckInRow).SingleAsync(cancellationToken);
        return Results.Created($"{ApiArea.Root}/sessions/{id}/check-ins", made);
    }

    private static async Task<IResult> HeadCountsAsync(HttpContext context, Guid id, WijkbasisDb db, CheckIns checkIns, AuditLog audit,
        string? page = null, string? pageSize = null)
    {
        var input = new Query(context);
        var (number, size) = input.Paging(page, pageSize);
        if (input.Refusal is { } bad)
        {
            return bad;
        }
        if (await checkIns.FindAsync(id, Guid.Empty, context.RequestAborted) is null)
        {
            return await NotFoundAsync(context, audit, nameof(Session), id);
        }
        var query = db.HeadCounts.AsNoTracking().Where(h => h.SessionId == id).OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new HeadCountItem(h.Id, h.SessionId, h.Children, h.Teens, h.Adults, h.Seniors, h.Children + h.Teens + h.Adults + h.Seniors, h.At, h.ByName));
        return Results.Ok(await PageAsync(query, number, size, context.RequestAborted));
    }

    /// <summary>The page's head count: the same input with the same checks (<see cref="HeadCountInput"/>), the same rules
    /// and the same save (<see cref="CheckIns.CountAsync"/>).</summary>
    private static async Task<IResult> CountAsync(HttpContext context, Guid id, CheckIns checkIns, AuditLog audit)
    {
        var cancellationToken = context.RequestAborted;
        var (input, problem) = await ReadAsync<HeadCountInput>(context);
        if (problem is not null)
        {
            return problem;
        }
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input!, new ValidationContext(input!), results, validateAllProperties: true))
        {
            return Invalid(context, results.SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Field: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage ?? "")))
                .GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Item2).ToArray()));
        }
        if (await checkIns.FindAsync(id, Guid.Empty, cancellationToken) is not { } door)
        {
            return await NotFoundAsync(context, audit, nameof(Session), id);
        }
        if (checkIns.RefuseWrite(door.Session) is { } refusal)
        {
            return ApiProblems.Refused(context, refusal);
        }
        var count = await checkIns.CountAsync(door.Session, input!, cancellationToken);
        return Results.Created($"{ApiArea.Root}/sessions/{id}/head-counts",
            new HeadCountItem(count.Id, count.SessionId, count.Children, count.Teens, count.Adults, count.Seniors, count.Total, count.At, count.ByName));
    }

    /// <summary>The JSON body, or the 400 that says why it could not be read (which field, when the reader knows).</summary>
    private static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context) where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, ApiProblems.Problem(context, StatusCodes.Status400BadRequest, "Stuur de gegevens als JSON (Content-Type: application/json)."));
        }
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted);
            return body is null
                ? (null, ApiProblems.Problem(context, StatusCodes.Status400BadRequest, "Stuur de gegevens als JSON (Content-Type: application/json)."))
                : (body, null);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "";
            return (null, Invalid(context, new Dictionary<string, string[]> { [field] = ["Dit veld kan niet gelezen worden."] }));
        }
    }

    // --- talents, matches, bookings ---

    private static async Task<IResult> TalentsAsync(HttpContext context, WijkbasisDb db)
    {
        var counts = await db.TalentCardTags.AsNoTracking()
            .GroupBy(t => new { t.Tag!.Name, t.Side })
            .Select(g => new { g.Key.Name, g.Key.Side, Cards = g.Select(t => t.CardId).Distinct().Count() })
            .ToListAsync(context.RequestAborted);
        var items = counts.GroupBy(c => c.Name).OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new TalentItem(g.Key, g.Where(c => c.Side == Talents.TalentSide.Offer).Sum(c => c.Cards),
                g.Where(c => c.Side == Talents.TalentSide.Need).Sum(c => c.Cards)))
            .ToList();
        return Results.Ok(new Paged<TalentItem>(items, 1, items.Count, false));
    }

    private static async Task<IResult> MatchesAsync(HttpContext context, WijkbasisDb db, string? page = null, string? pageSize = null)
    {
        var input = new Query(context);
        var (number, size) = input.Paging(page, pageSize);
        if (input.Refusal is { } bad)
        {
            return bad;
        }
        var query = db.Matches.AsNoTracking().OrderBy(m => m.SuggestedAt).ThenBy(m => m.Id)
            .Select(m => new MatchItem(m.Id, m.About, m.Status.ToString(), m.SuggestedAt, m.IntroducedAt, m.AgreedAt, m.DoneAt, m.FizzledAt));
        return Results.Ok(await PageAsync(query, number, size, context.RequestAborted));
    }

    private static async Task<IResult> BookingsAsync(HttpContext context, WijkbasisDb db, string? from = null, string? to = null,
        string? page = null, string? pageSize = null)
    {
        var input = new Query(context);
        var (number, size) = input.Paging(page, pageSize);
        var (first, last) = input.Period(from, to);
        if (input.Refusal is { } bad)
        {
            return bad;
        }
        var query = db.RoomBookings.AsNoTracking();
        if (first is { } f)
        {
            var start = Utc(f);
            query = query.Where(b => b.EndsAt > start);
        }
        if (last is { } t)
        {
            var end = Utc(t.AddDays(1));
            query = query.Where(b => b.StartsAt < end);
        }
        var items = query.OrderBy(b => b.StartsAt).ThenBy(b => b.Id)
            .Select(b => new BookingItem(b.Id, b.RoomId, b.Room!.Name, b.Kind.ToString(), b.StartsAt, b.EndsAt, b.Title, b.CancelledAt != null));
        return Results.Ok(await PageAsync(items, number, size, context.RequestAborted));
    }

    // --- the aggregates ---

    /// <summary>The enterprise's row of the municipal view: the published, suppressed cube of its municipality
    /// (<see cref="MunicipalCubeLoader"/>), so every figure is hidden exactly where the analyst sees a "•".</summary>
    private static async Task<IResult> IndicatorsAsync(HttpContext context, TenantContext tenant, MunicipalCubeLoader loader, TimeProvider time,
        string? period = null)
    {
        var chosen = period is null ? ImpactPeriod.Year(time.GetUtcNow().Year) : ImpactPeriod.Parse(period);
        if (chosen is not { } p || p.Kind == PeriodKind.Custom)
        {
            return Invalid(context, new Dictionary<string, string[]> { ["period"] = ["Kies een jaar (2026), kwartaal (2026-Q3) of maand (2026-07)."] });
        }
        var load = await loader.LoadAsync(tenant.MunicipalityId, p.From.Year, context.RequestAborted);
        if (load.Cube is not { } cube)
        {
            context.Response.Headers.RetryAfter = "30";
            return ApiProblems.Problem(context, StatusCodes.Status503ServiceUnavailable, "De cijfers worden nog berekend. Probeer het over een halve minuut opnieuw.");
        }
        var unit = cube.FindUnit(UnitKind.Enterprise, tenant.Slug);
        var items = IndicatorRegistry.All.Select(indicator =>
        {
            if (unit is null)
            {
                return new IndicatorItem(indicator.Id, indicator.Name, indicator.Unit.ToString(), null, false);
            }
            var cell = cube.Cell(indicator, unit, p);
            var hidden = cell.State != CellState.Shown;
            return new IndicatorItem(indicator.Id, indicator.Name, indicator.Unit.ToString(), hidden ? null : cell.Figure.Shown(indicator), hidden);
        }).ToList();
        return Results.Ok(new IndicatorSet(p.Key, tenant.Slug, items));
    }
}
