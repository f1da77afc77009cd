using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Import;

public enum RowAction
{
    Add,
    /// <summary>Probably someone already in the register: the user chooses.</summary>
    Duplicate,
    /// <summary>Already there (in the register, or earlier in the file): left out, not a problem.</summary>
    Skip,
    Problem,
}

/// <summary>A problem in one cell: the row number the spreadsheet shows, the column's head, and why.</summary>
public sealed record RowProblem(int Row, string Column, Refusal Why);

/// <summary>What the import would do with one row.</summary>
public sealed record RowPlan(int Row, RowAction Action, Refusal What, IReadOnlyList<PersonRegistration.Duplicate> Duplicates);

/// <summary>The dry run's outcome, and what a commit writes (the same object: the commit plans again, inside its
/// transaction, and writes exactly what the plan says).</summary>
public sealed class ImportPlan
{
    public required ImportKind Kind { get; init; }
    public List<RowPlan> Rows { get; } = [];
    public List<RowProblem> Problems { get; } = [];

    public int Count(RowAction action) => Rows.Count(r => r.Action == action);

    // What a commit adds (filled by the planner).
    internal List<(int Row, Person Person, Guid? DuplicateOf)> People { get; } = [];
    internal List<Location> NewLocations { get; } = [];
    internal List<Activity> NewActivities { get; } = [];
    internal List<Session> NewSessions { get; } = [];
    internal List<(Guid SessionId, Guid PersonId)> CheckIns { get; } = [];
    /// <summary>Head counts to add, each with the index of its row in <see cref="Rows"/>.</summary>
    internal List<(int RowIndex, Guid SessionId, int Children, int Teens, int Adults, int Seniors)> HeadCounts { get; } = [];
}

/// <summary>Validates a whole file against the register at once (docs/decisions/0030): the enterprise's people,
/// activities, sessions and earlier check-ins are read once into dictionaries, then every row is checked in memory, so
/// 100,000 rows cost a few queries, not 100,000. Writes nothing.</summary>
public sealed class ImportPlanner(WijkbasisDb db, TimeProvider time)
{
    /// <summary>Reported every this many rows.</summary>
    private const int ProgressStep = 5_000;

    public async Task<ImportPlan> PlanAsync(ImportKind kind, ImportSheet sheet, ColumnMapping mapping, Action<int>? progress,
        CancellationToken cancellationToken)
    {
        var plan = new ImportPlan { Kind = kind };
        var columns = ImportFields.Of(kind).ToDictionary(f => f.Key, f => mapping.IndexOf(f.Key, sheet.Heads));
        var context = new RowContext(plan, sheet.Heads, columns);
        switch (kind)
        {
            case ImportKind.People:
                await PeopleAsync(context, sheet, progress, cancellationToken);
                break;
            case ImportKind.Sessions:
                await SessionsAsync(context, sheet, progress, cancellationToken);
                break;
            default:
                await AttendanceAsync(context, sheet, progress, cancellationToken);
                break;
        }
        return plan;
    }

    /// <summary>The problems of one row are gathered here; the row's outcome is a problem when there are any.</summary>
    private sealed class RowContext(ImportPlan plan, IReadOnlyList<string> heads, Dictionary<string, int?> columns)
    {
        private int problemsBefore;
        private SheetRow row = null!;
        public ImportPlan Plan => plan;

        public void Start(SheetRow r)
        {
            row = r;
            problemsBefore = plan.Problems.Count;
        }

        public bool Mapped(string field) => columns[field] is not null;
        public string Text(string field) => row.Cell(columns[field]).Trim();
        public bool HasProblems => plan.Problems.Count > problemsBefore;

        public void Problem(string field, string format, params object?[] args) =>
            plan.Problems.Add(new RowProblem(row.Number, columns[field] is { } c ? heads[c] : ImportFields.Of(plan.Kind).First(f => f.Key == field).Label,
                new Refusal(format, args)));

        /// <summary>Ends the row: a problem when a cell had one, else the given outcome.</summary>
        public void End(RowAction action, Refusal what, IReadOnlyList<PersonRegistration.Duplicate>? duplicates = null) =>
            plan.Rows.Add(HasProblems
                ? new RowPlan(row.Number, RowAction.Problem, new Refusal("Niet te importeren (zie de problemen)."), [])
                : new RowPlan(row.Number, action, what, duplicates ?? []));

        public string? Required(string field, int max, string missing)
        {
            var text = Text(field);
            if (text.Length == 0)
            {
                Problem(field, missing);
                return null;
            }
            if (text.Length > max)
            {
                Problem(field, "Hoogstens {0} tekens.", max);
                return null;
            }
            return text;
        }

        public string? Optional(string field, int max)
        {
            var text = Mapped(field) ? Text(field) : "";
            if (text.Length > max)
            {
                Problem(field, "Hoogstens {0} tekens.", max);
                return null;
            }
            return text.Length == 0 ? null : text;
        }

        public DateOnly? Date(bool xlsx)
        {
            var text = Text(ImportFields.Date);
            if (text.Length == 0)
            {
                Problem(ImportFields.Date, "Vul een datum in.");
                return null;
            }
            if (ImportValues.Date(text, xlsx) is not { } date)
            {
                Problem(ImportFields.Date, "‘{0}’ is geen datum. Schrijf bijvoorbeeld 3-1-2024.", text);
                return null;
            }
            return date;
        }
    }

    private static void Report(Action<int>? progress, int index)
    {
        if (progress is not null && index % ProgressStep == 0)
        {
            progress(index);
        }
    }

    private sealed record Known(Guid Id, string Name, int? BirthYear, string? Postcode, bool Archived);

    private async Task PeopleAsync(RowContext r, ImportSheet sheet, Action<int>? progress, CancellationToken ct)
    {
        // The one duplicate rule of the register (PersonRegistration): same name, birth year and postcode; over the whole
        // register, past a volunteer's minimisation, as when someone is added by hand.
        var register = (await Infrastructure.Tenancy.TenantBypass.PeopleForDuplicateCheck(db)
                .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Name, p.SearchName, p.BirthYear, p.Postcode, Archived = p.ArchivedAt != null })
                .ToListAsync(ct))
            .ToLookup(p => (p.SearchName, p.BirthYear, p.Postcode), p => new PersonRegistration.Duplicate(p.Id, p.Name, p.BirthYear, p.Postcode, p.Archived));
        var postcodes = await BuurtenAsync(sheet, r, ct);
        var thisYear = time.AmsterdamToday().Year;
        var email = new EmailAddressAttribute();
        var inFile = new Dictionary<(string, int?, string?), int>();
        var index = 0;
        foreach (var row in sheet.Rows)
        {
            Report(progress, ++index);
            r.Start(row);
            var name = r.Required(ImportFields.Name, Person.NameMax, "Vul een naam in.");
            int? birthYear = null;
            if (r.Mapped(ImportFields.BirthYear) && r.Text(ImportFields.BirthYear) is { Length: > 0 } yearText)
            {
                birthYear = ImportValues.Whole(yearText, 1900, thisYear);
                if (birthYear is null)
                {
                    r.Problem(ImportFields.BirthYear, "‘{0}’ is geen geboortejaar tussen 1900 en {1}.", yearText, thisYear);
                }
            }
            string? postcode = null;
            if (r.Mapped(ImportFields.Postcode) && r.Text(ImportFields.Postcode) is { Length: > 0 } postcodeText)
            {
                postcode = PostcodeRules.Normalize(postcodeText);
                if (postcode is null)
                {
                    r.Problem(ImportFields.Postcode, "‘{0}’ is geen postcode. Schrijf bijvoorbeeld 1234 AB.", postcodeText);
                }
            }
            string? phone = null;
            if (r.Mapped(ImportFields.Phone) && r.Text(ImportFields.Phone) is { Length: > 0 } phoneText)
            {
                phone = ImportValues.Phone(phoneText);
                if (phone is null)
                {
                    r.Problem(ImportFields.Phone, "‘{0}’ is geen telefoonnummer. Schrijf bijvoorbeeld 06-12345678.", phoneText);
                }
            }
            var mail = r.Optional(ImportFields.Email, Person.EmailMax);
            if (mail is not null && !email.IsValid(mail))
            {
                r.Problem(ImportFields.Email, "‘{0}’ is geen e-mailadres.", mail);
            }
            var languages = r.Optional(ImportFields.Languages, Person.LanguagesMax);
            if (r.HasProblems || name is null)
            {
                r.End(RowAction.Problem, new Refusal(""));
                continue;
            }
            var key = (SearchText.Normalize(name), birthYear, postcode);
            if (inFile.TryGetValue(key, out var earlier))
            {
                r.End(RowAction.Skip, new Refusal("Wordt overgeslagen: dezelfde persoon staat al op rij {0}.", earlier));
                continue;
            }
            inFile[key] = row.Number;
            var person = new Person
            {
                Name = name, SearchName = key.Item1, BirthYear = birthYear, Postcode = postcode,
                BuurtCode = postcode is null ? null : postcodes.GetValueOrDefault(postcode.Replace(" ", "", StringComparison.Ordinal)),
                Phone = phone, Email = mail, Languages = languages,
            };
            var duplicates = register[key].Take(PersonRegistration.DuplicatesShown).ToList();
            r.Plan.People.Add((row.Number, person, duplicates.Count > 0 ? duplicates[0].Id : null));
            if (duplicates.Count > 0)
            {
                r.End(RowAction.Duplicate, new Refusal("Staat misschien al in het register: kies wat er moet gebeuren."), duplicates);
            }
            else
            {
                r.End(RowAction.Add, new Refusal("{0} wordt toegevoegd.", name));
            }
        }
    }

    /// <summary>The buurt of every postcode in the file, in one query per thousand postcodes.</summary>
    private async Task<Dictionary<string, string>> BuurtenAsync(ImportSheet sheet, RowContext r, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!r.Mapped(ImportFields.Postcode))
        {
            return found;
        }
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            r.Start(row);
            if (PostcodeRules.Normalize(r.Text(ImportFields.Postcode)) is { } p)
            {
                wanted.Add(p.Replace(" ", "", StringComparison.Ordinal));
            }
        }
        foreach (var chunk in wanted.Chunk(1000))
        {
            foreach (var area in await db.PostcodeAreas.AsNoTracking().Where(a => chunk.Contains(a.Postcode)).Select(a => new { a.Postcode, a.BuurtCode }).ToListAsync(ct))
            {
                found[area.Postcode] = area.BuurtCode;
            }
        }
        return found;
    }

    private async Task SessionsAsync(RowContext r, ImportSheet sheet, Action<int>? progress, CancellationToken ct)
    {
        var xlsx = sheet.FromXlsx;
        var activities = (await db.Activities.AsNoTracking().Select(a => new { a.Id, a.Name, a.LocationId }).ToListAsync(ct))
            .GroupBy(a => SearchText.Normalize(a.Name)).ToDictionary(g => g.Key, g => (g.First().Id, g.First().LocationId));
        var locations = (await db.Locations.AsNoTracking().Where(l => l.ArchivedAt == null).Select(l => new { l.Id, l.Name }).ToListAsync(ct))
            .GroupBy(l => SearchText.Normalize(l.Name)).ToDictionary(g => g.Key, g => g.First().Id);
        var existing = (await db.Sessions.AsNoTracking().Select(s => new { s.ActivityId, s.OccurrenceDate }).ToListAsync(ct))
            .Select(s => (s.ActivityId, s.OccurrenceDate)).ToHashSet();
        var newActivities = new Dictionary<string, Activity>(StringComparer.Ordinal);
        var inFile = new Dictionary<(Guid, DateOnly), int>();
        var now = time.UtcNow();
        var index = 0;
        foreach (var row in sheet.Rows)
        {
            Report(progress, ++index);
            r.Start(row);
            var name = r.Required(ImportFields.Activity, Activity.NameMax, "Vul de naam van de activiteit in.");
            var date = r.Date(xlsx);
            var startText = r.Text(ImportFields.Start);
            var start = ImportValues.Time(startText, xlsx);
            if (start is null)
            {
                r.Problem(ImportFields.Start, startText.Length == 0 ? "Vul een begintijd in." : "‘{0}’ is geen tijd. Schrijf bijvoorbeeld 10:00.", startText);
            }
            var endText = r.Text(ImportFields.End);
            var end = ImportValues.Time(endText, xlsx);
            if (end is null)
            {
                r.Problem(ImportFields.End, endText.Length == 0 ? "Vul een eindtijd in." : "‘{0}’ is geen tijd. Schrijf bijvoorbeeld 12:00.", endText);
            }
            else if (start is not null && end <= start)
            {
                r.Problem(ImportFields.End, "De eindtijd ligt niet na de begintijd.");
            }
            var locationName = r.Optional(ImportFields.Location, Location.NameMax);
            var key = name is null ? "" : SearchText.Normalize(name);
            (Guid Id, Guid LocationId)? known = activities.TryGetValue(key, out var k) ? k : null;
            if (name is not null && known is null && !newActivities.ContainsKey(key) && locationName is null && !r.HasProblems)
            {
                r.Problem(ImportFields.Location, "Vul een locatie in: de activiteit {0} is nieuw.", name);
            }
            if (r.HasProblems || name is null || date is null || start is null || end is null)
            {
                r.End(RowAction.Problem, new Refusal(""));
                continue;
            }
            Guid locationId;
            if (locationName is null)
            {
                locationId = known?.LocationId ?? newActivities[key].LocationId;
            }
            else if (!locations.TryGetValue(SearchText.Normalize(locationName), out locationId))
            {
                var location = new Location { Name = locationName, CreatedAt = now };
                r.Plan.NewLocations.Add(location);
                locations[SearchText.Normalize(locationName)] = locationId = location.Id;
            }
            var activityId = known?.Id ?? Guid.Empty;
            if (known is null)
            {
                if (!newActivities.TryGetValue(key, out var activity))
                {
                    activity = new Activity
                    {
                        Name = name, LocationId = locationId, Recurrence = Recurrence.Once, StartTime = start.Value, EndTime = end.Value,
                        FirstDate = date.Value, LastDate = date.Value, PlannedUntil = date.Value, IsPublic = false, CreatedAt = now, UpdatedAt = now,
                    };
                    newActivities[key] = activity;
                    r.Plan.NewActivities.Add(activity);
                }
                activity.FirstDate = date.Value < activity.FirstDate ? date.Value : activity.FirstDate;
                activity.LastDate = date.Value > activity.LastDate ? date.Value : activity.LastDate;
                activity.PlannedUntil = activity.FirstDate;
                activityId = activity.Id;
            }
            if (existing.Contains((activityId, date.Value)))
            {
                r.End(RowAction.Skip, new Refusal("Wordt overgeslagen: {0} op {1} staat er al.", name, date.Value.ToString("d-M-yyyy")));
                continue;
            }
            if (inFile.TryGetValue((activityId, date.Value), out var earlier))
            {
                r.End(RowAction.Skip, new Refusal("Wordt overgeslagen: dezelfde bijeenkomst staat al op rij {0}.", earlier));
                continue;
            }
            inFile[(activityId, date.Value)] = row.Number;
            r.Plan.NewSessions.Add(new Session
            {
                ActivityId = activityId, OccurrenceDate = date.Value, LocationId = locationId,
                StartsAt = Clock.FromAmsterdam(date.Value, start.Value), EndsAt = Clock.FromAmsterdam(date.Value, end.Value),
            });
            r.End(RowAction.Add, known is null
                ? new Refusal("{0} op {1} wordt toegevoegd (nieuwe activiteit).", name, date.Value.ToString("d-M-yyyy"))
                : new Refusal("{0} op {1} wordt toegevoegd.", name, date.Value.ToString("d-M-yyyy")));
        }
    }

    private async Task AttendanceAsync(RowContext r, ImportSheet sheet, Action<int>? progress, CancellationToken ct)
    {
        var xlsx = sheet.FromXlsx;
        var activities = (await db.Activities.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .ToLookup(a => SearchText.Normalize(a.Name), a => a.Id);
        var sessions = new Dictionary<(Guid, DateOnly), (Guid Id, bool Cancelled)>();
        foreach (var s in await db.Sessions.AsNoTracking().Select(s => new { s.Id, s.ActivityId, s.OccurrenceDate, s.StartsAt, s.CancelledAt }).ToListAsync(ct))
        {
            // A moved session is found by its planned date and by the day it took place.
            sessions.TryAdd((s.ActivityId, s.OccurrenceDate), (s.Id, s.CancelledAt != null));
            sessions.TryAdd((s.ActivityId, DateOnly.FromDateTime(s.StartsAt.ToAmsterdam())), (s.Id, s.CancelledAt != null));
        }
        var people = (await db.People.AsNoTracking().Where(p => p.ErasedAt == null).Select(p => new { p.Id, p.SearchName, p.BirthYear }).ToListAsync(ct))
            .ToLookup(p => p.SearchName, p => (p.Id, p.BirthYear));
        var named = r.Mapped(ImportFields.Name);
        var checkedIn = new HashSet<(Guid, Guid)>();
        var index = 0;
        var rows = new List<(SheetRow Row, Guid Session, Guid? Person, int[] Counts, string Name, DateOnly Date)>();
        foreach (var row in sheet.Rows)
        {
            Report(progress, ++index);
            r.Start(row);
            var activityName = r.Required(ImportFields.Activity, Activity.NameMax, "Vul de naam van de activiteit in.");
            var date = r.Date(xlsx);
            Guid? session = null;
            if (activityName is not null && date is not null)
            {
                var ids = activities[SearchText.Normalize(activityName)].ToList();
                if (ids.Count == 0)
                {
                    r.Problem(ImportFields.Activity, "De activiteit {0} bestaat niet. Importeer eerst de activiteiten met hun bijeenkomsten.", activityName);
                }
                else if (ids.Select(id => sessions.TryGetValue((id, date.Value), out var s) ? s : ((Guid, bool)?)null).FirstOrDefault(s => s is not null) is not { } found)
                {
                    r.Problem(ImportFields.Date, "{0} had geen bijeenkomst op {1}.", activityName, date.Value.ToString("d-M-yyyy"));
                }
                else if (found.Item2)
                {
                    r.Problem(ImportFields.Date, "De bijeenkomst van {0} op {1} is afgelast.", activityName, date.Value.ToString("d-M-yyyy"));
                }
                else
                {
                    session = found.Item1;
                }
            }
            var name = named ? r.Text(ImportFields.Name) : "";
            Guid? person = null;
            var counts = new int[4];
            if (name.Length > 0)
            {
                int? year = null;
                if (r.Mapped(ImportFields.BirthYear) && r.Text(ImportFields.BirthYear) is { Length: > 0 } yearText
                    && (year = ImportValues.Whole(yearText, 1900, 2199)) is null)
                {
                    r.Problem(ImportFields.BirthYear, "‘{0}’ is geen geboortejaar.", yearText);
                }
                var candidates = people[SearchText.Normalize(name)].Where(p => year is null || p.BirthYear == year).ToList();
                if (candidates.Count == 0)
                {
                    r.Problem(ImportFields.Name, "{0} staat niet in het register. Importeer eerst de mensen.", name);
                }
                else if (candidates.Count > 1)
                {
                    r.Problem(ImportFields.Name, "Er zijn {0} mensen die {1} heten. Vul het geboortejaar in.", candidates.Count, name);
                }
                else
                {
                    person = candidates[0].Id;
                }
            }
            else
            {
                string[] bands = [ImportFields.Children, ImportFields.Teens, ImportFields.Adults, ImportFields.Seniors];
                for (var b = 0; b < bands.Length; b++)
                {
                    if (r.Mapped(bands[b]) && r.Text(bands[b]) is { Length: > 0 } countText)
                    {
                        if (ImportValues.Whole(countText, 0, Logbook.HeadCount.MaxPerBand) is { } n)
                        {
                            counts[b] = n;
                        }
                        else
                        {
                            r.Problem(bands[b], "‘{0}’ is geen aantal van 0 tot {1}.", countText, Logbook.HeadCount.MaxPerBand);
                        }
                    }
                }
                if (!r.HasProblems && counts.Sum() == 0)
                {
                    r.Problem(named ? ImportFields.Name : ImportFields.Adults, "Vul een naam in, of een aantal bezoekers.");
                }
            }
            if (r.HasProblems || session is null)
            {
                r.End(RowAction.Problem, new Refusal(""));
                continue;
            }
            var day = date!.Value.ToString("d-M-yyyy");
            if (person is { } p)
            {
                if (!checkedIn.Add((session.Value, p)))
                {
                    r.End(RowAction.Skip, new Refusal("Wordt overgeslagen: {0} staat al op deze bijeenkomst.", name));
                    continue;
                }
                r.Plan.CheckIns.Add((session.Value, p));
                r.End(RowAction.Add, new Refusal("{0} was bij {1} op {2}.", name, activityName, day));
            }
            else
            {
                r.Plan.HeadCounts.Add((r.Plan.Rows.Count, session.Value, counts[0], counts[1], counts[2], counts[3]));
                r.End(RowAction.Add, new Refusal("{0} bezoekers geteld bij {1} op {2}.", counts.Sum(), activityName, day));
            }
        }
        await DropEarlierCheckInsAsync(r.Plan, ct);
        await DropEarlierHeadCountsAsync(r.Plan, ct);
    }

    /// <summary>A head count has no natural key, so a count equal to one the session already has (the same four age
    /// bands) is taken as that same count and left out: importing a file again, or a file that overlaps an earlier one,
    /// counts nobody twice. It is a multiset: two equal rows in the file against one equal count in the logbook add one.
    /// Equal counts within one file are all kept (two tallies of one session may well be equal).</summary>
    private async Task DropEarlierHeadCountsAsync(ImportPlan plan, CancellationToken ct)
    {
        if (plan.HeadCounts.Count == 0)
        {
            return;
        }
        var earlier = new Dictionary<(Guid, int, int, int, int), int>();
        foreach (var chunk in plan.HeadCounts.Select(h => h.SessionId).Distinct().Chunk(500))
        {
            foreach (var h in await db.HeadCounts.AsNoTracking().Where(h => chunk.Contains(h.SessionId))
                .Select(h => new { h.SessionId, h.Children, h.Teens, h.Adults, h.Seniors }).ToListAsync(ct))
            {
                var key = (h.SessionId, h.Children, h.Teens, h.Adults, h.Seniors);
                earlier[key] = earlier.GetValueOrDefault(key) + 1;
            }
        }
        if (earlier.Count == 0)
        {
            return;
        }
        var kept = new List<(int RowIndex, Guid SessionId, int Children, int Teens, int Adults, int Seniors)>();
        foreach (var h in plan.HeadCounts)
        {
            var key = (h.SessionId, h.Children, h.Teens, h.Adults, h.Seniors);
            if (earlier.GetValueOrDefault(key) is > 0 and var left)
            {
                earlier[key] = left - 1;
                var row = plan.Rows[h.RowIndex];
                plan.Rows[h.RowIndex] = row with { Action = RowAction.Skip, What = new Refusal("Wordt overgeslagen: deze telling staat al in het logboek van die dag.") };
            }
            else
            {
                kept.Add(h);
            }
        }
        plan.HeadCounts.Clear();
        plan.HeadCounts.AddRange(kept);
    }

    /// <summary>Check-ins already in the logbook are left out (a check-in is one per person per session): read for the
    /// sessions in the file, a few hundred at a time.</summary>
    private async Task DropEarlierCheckInsAsync(ImportPlan plan, CancellationToken ct)
    {
        if (plan.CheckIns.Count == 0)
        {
            return;
        }
        var earlier = new HashSet<(Guid, Guid)>();
        foreach (var chunk in plan.CheckIns.Select(c => c.SessionId).Distinct().Chunk(500))
        {
            foreach (var c in await db.CheckIns.AsNoTracking().Where(c => chunk.Contains(c.SessionId)).Select(c => new { c.SessionId, c.PersonId }).ToListAsync(ct))
            {
                earlier.Add((c.SessionId, c.PersonId));
            }
        }
        if (earlier.Count == 0)
        {
            return;
        }
        var kept = plan.CheckIns.Where(c => !earlier.Contains(c)).ToList();
        // The rows' outcomes follow the check-ins in order: the n-th added named row is the n-th check-in.
        var n = 0;
        for (var i = 0; i < plan.Rows.Count; i++)
        {
            var row = plan.Rows[i];
            if (row.Action == RowAction.Add && row.What.Format == "{0} was bij {1} op {2}.")
            {
                if (earlier.Contains(plan.CheckIns[n]))
                {
                    plan.Rows[i] = row with { Action = RowAction.Skip, What = new Refusal("Wordt overgeslagen: {0} staat al in het logboek van die dag.", row.What.Args[0]) };
                }
                n++;
            }
        }
        plan.CheckIns.Clear();
        plan.CheckIns.AddRange(kept);
    }
}
