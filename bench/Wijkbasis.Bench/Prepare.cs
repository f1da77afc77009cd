using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Wijkbasis.Bench;

/// <summary>What one wrk phase (a warm-up or a measured run) posts: every (session, person) pair of its
/// own sessions once. Phases never share a session, so no pair is posted twice in a whole bench run.</summary>
internal sealed record PhaseData(string Name, string Kind, string Slug, string Cookie, string Token, List<Guid> Sessions, List<Guid> People)
{
    public const string App = "app";
    public const string Baseline = "baseline";
    public const string SameWork = "samework";

    /// <summary>Whether wrk posts the app's own check-in (address, login cookie, antiforgery token) or the bare /checkin.</summary>
    public bool AsApp => Kind != Baseline;

    public long Pairs => (long)Sessions.Count * People.Count;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<PhaseData> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<PhaseData>(stream, Json, cancellationToken)
            ?? throw new BenchException($"{path} is empty");
    }

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, Name + ".json"), JsonSerializer.Serialize(this, Json), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, Name + ".lua"), ToLua(), cancellationToken);
    }

    /// <summary>The data file bench/checkin.lua loads. Ids go in as one comma-separated string each,
    /// which LuaJIT splits faster than it parses a table constructor with thousands of constants.</summary>
    private string ToLua()
    {
        var lua = new StringBuilder();
        lua.AppendLine(CultureInfo.InvariantCulture, $"-- W1 check-in storm, phase '{Name}': written by Wijkbasis.Bench prepare, read by bench/checkin.lua.");
        lua.AppendLine("return {");
        lua.AppendLine(CultureInfo.InvariantCulture, $"  kind = {LuaString(Kind)},");
        lua.AppendLine(CultureInfo.InvariantCulture, $"  slug = {LuaString(Slug)},");
        lua.AppendLine(CultureInfo.InvariantCulture, $"  cookie = {LuaString(Cookie)},");
        lua.AppendLine(CultureInfo.InvariantCulture, $"  token = {LuaString(Uri.EscapeDataString(Token))},");
        lua.AppendLine(CultureInfo.InvariantCulture, $"  sessions = {LuaString(string.Join(',', Sessions))},");
        lua.AppendLine(CultureInfo.InvariantCulture, $"  people = {LuaString(string.Join(',', People))},");
        lua.AppendLine("}");
        return lua.ToString();
    }

    private static string LuaString(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when c < ' ' => $"\\{(int)c:D3}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}

/// <summary>Sets the stage in a running, demo-seeded app: logs in as the coordinator, adds a location and,
/// per phase, enough one-off activities for today (each makes exactly one session, via the app's own
/// forms and planner) to give every request of that phase a pair of its own.</summary>
internal static class Prepare
{
    public static async Task<int> RunAsync(Options options)
    {
        var cancellationToken = CancellationToken.None;
        var slug = options.Optional("slug", "huiskamer");
        var folder = options.Required("out");
        var phases = options.All("phase").Select(ParsePhase).ToList();
        if (phases.Count == 0)
        {
            throw new BenchException("give at least one --phase NAME=app|baseline:PAIRS");
        }
        Directory.CreateDirectory(folder);
        var db = BenchDatabase.For(options.Required("provider"), options.Required("connection"));
        var tenantId = await db.TenantOfAsync(slug, cancellationToken);
        var people = await db.PeopleOfAsync(tenantId, cancellationToken);
        if (people.Count == 0)
        {
            throw new BenchException($"enterprise '{slug}' has nobody in the register (is the demo seeded?)");
        }

        using var app = new AppClient(new Uri(options.Required("url")));
        await app.LoginAsync(options.Optional("email", $"coordinator@{slug}.demo"),
            options.Optional("password", "Wijkbasis-demo-2026"), cancellationToken);

        var locationName = $"W1 bench {Guid.NewGuid():N}"[..24];
        var locationsPath = $"/{slug}/locaties";
        var locations = await app.GetPageAsync(locationsPath, cancellationToken);
        await app.PostFormAsync(AppClient.FormAction(locations, "Input.Name", locationsPath), AppClient.Token(locations),
            [new("Input.Name", locationName), new("Input.Address", "Benchstraat 1")], cancellationToken);
        var locationId = await db.LocationAsync(tenantId, locationName, cancellationToken);

        // Today as the app sees it (Europe/Amsterdam): the date the create form fills in.
        var createPath = $"/{slug}/activiteiten/nieuw";
        var form = await app.GetPageAsync(createPath, cancellationToken);
        var createAction = AppClient.FormAction(form, "Input.FirstDate", createPath);
        var today = AppClient.InputValue(form, "Input.FirstDate")
            ?? throw new BenchException("the activity form did not fill in today's date");
        var token = AppClient.Token(form);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var created = 0;
        var written = new List<PhaseData>();
        foreach (var (name, kind, pairs) in phases)
        {
            var sessionCount = (int)Math.Ceiling(pairs / (double)people.Count);
            var sessions = new List<Guid>(sessionCount);
            for (var i = 0; i < sessionCount; i++)
            {
                sessions.Add(await CreateSessionAsync(app, db, createAction, token, $"W1 {name} {i + 1}", locationId, today, cancellationToken));
                created++;
            }
            written.Add(new PhaseData(name, kind, slug, "", "", sessions, people));
        }

        // An antiforgery token belongs to the user and the antiforgery cookie, not to one form: the token of
        // the activity form is just as good for the check-in form.
        foreach (var phase in written)
        {
            var data = phase.AsApp ? phase with { Cookie = app.CookieHeader, Token = token } : phase;
            await data.WriteAsync(folder, cancellationToken);
            Console.WriteLine($"  {data.Name,-18} {data.Kind,-8} {data.Sessions.Count,4} sessions x {people.Count} people = {data.Pairs,8} pairs");
        }
        Console.WriteLine($"  {created} one-off activities for {today} made through the app in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>A fresh login (cookie and antiforgery token) for these phases, written over their files.</summary>
    public static async Task<int> ReloginAsync(Options options)
    {
        var cancellationToken = CancellationToken.None;
        var slug = options.Optional("slug", "huiskamer");
        using var app = new AppClient(new Uri(options.Required("url")));
        await app.LoginAsync(options.Optional("email", $"coordinator@{slug}.demo"),
            options.Optional("password", "Wijkbasis-demo-2026"), cancellationToken);
        var token = AppClient.Token(await app.GetPageAsync($"/{slug}/activiteiten/nieuw", cancellationToken));
        foreach (var path in options.All("data"))
        {
            var phase = await PhaseData.ReadAsync(path, cancellationToken);
            await (phase with { Cookie = app.CookieHeader, Token = token }).WriteAsync(Path.GetDirectoryName(Path.GetFullPath(path))!, cancellationToken);
        }
        return 0;
    }

    private static async Task<Guid> CreateSessionAsync(AppClient app, BenchDatabase db, string action, string token, string name,
        Guid locationId, string today, CancellationToken cancellationToken)
    {
        var location = await app.PostFormAsync(action, token,
        [
            new("Input.Name", name), new("Input.LocationId", locationId.ToString()), new("Input.Recurrence", "Once"),
            new("Input.StartTime", "00:00"), new("Input.EndTime", "23:59"), new("Input.FirstDate", today), new("Input.IsPublic", "true"),
        ], cancellationToken);
        if (!Guid.TryParse(location.TrimEnd('/').Split('/')[^1], out var activityId))
        {
            throw new BenchException($"creating activity '{name}' redirected to '{location}', not to the new activity");
        }
        var sessions = await db.SessionsOfActivityAsync(activityId, cancellationToken);
        return sessions.Count == 1 ? sessions[0]
            : throw new BenchException($"one-off activity '{name}' has {sessions.Count} sessions, expected exactly 1");
    }

    private static (string Name, string Kind, long Pairs) ParsePhase(string text)
    {
        var parts = text.Split('=', ':');
        if (parts.Length != 3 || parts[1] is not (PhaseData.App or PhaseData.SameWork or PhaseData.Baseline)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var pairs) || pairs <= 0)
        {
            throw new BenchException($"--phase '{text}' is not NAME=app|samework|baseline:PAIRS");
        }
        return (parts[0], parts[1], pairs);
    }
}
