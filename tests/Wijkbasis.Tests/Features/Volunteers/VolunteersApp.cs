using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Volunteers;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Volunteers;

/// <summary>Helpers for the volunteer tests: roles and volunteers of their own, posts with a fresh token.</summary>
public static class VolunteersApp
{

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today => TimeProvider.System.AmsterdamToday();

    public static Task<Guid> NewRoleAsync(this WijkbasisFactory app, string name, bool requiresVog = false, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, async db =>
        {
            var full = $"{name} {Guid.NewGuid():N}"[..Math.Min(name.Length + 9, VolunteerRole.NameMax)];
            var role = new VolunteerRole { Name = full, Key = VolunteerRole.KeyOf(full), RequiresVog = requiresVog, CreatedAt = TimeProvider.System.UtcNow() };
            db.VolunteerRoles.Add(role);
            await db.SaveChangesAsync();
            return role.Id;
        });

    /// <summary>A new person in the register who is a volunteer (no login), with this VOG expiry.</summary>
    public static Task<(Guid VolunteerId, Guid PersonId)> NewVolunteerAsync(this WijkbasisFactory app, string name, DateOnly? vogExpires = null,
        bool isVrager = false, DateTime? registered = null, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, async db =>
        {
            var now = TimeProvider.System.UtcNow();
            var person = new Wijkbasis.Features.People.Person
            {
                Name = name, SearchName = name.ToLowerInvariant(), IsVrager = isVrager, CreatedAt = registered ?? now, UpdatedAt = now,
            };
            var volunteer = new Volunteer { PersonId = person.Id, VogExpiresOn = vogExpires, VogIssuedOn = vogExpires?.AddYears(-3), CreatedAt = now };
            db.People.Add(person);
            db.Volunteers.Add(volunteer);
            await db.SaveChangesAsync();
            return (volunteer.Id, person.Id);
        });

    public static Task<Volunteer> DemoVolunteerAsync(this WijkbasisFactory app) =>
        app.InDbAsync("huiskamer", db => db.Volunteers.AsNoTracking().SingleAsync(v => db.Users.Any(u => u.Id == v.UserId && u.Email == DemoUsers.Volunteer)));

    public static Dictionary<string, string> Hours(DateOnly day, string duration, Guid roleId, Guid? personId = null, Guid? sessionId = null, string? note = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.WorkedOn"] = Iso(day), ["Input.Duration"] = duration, ["Input.RoleId"] = roleId.ToString(),
            ["Input.SessionId"] = sessionId?.ToString() ?? "", ["Input.Note"] = note ?? "",
        };
        if (personId is { } p)
        {
            form["Input.PersonId"] = p.ToString();
        }
        return form;
    }
}
