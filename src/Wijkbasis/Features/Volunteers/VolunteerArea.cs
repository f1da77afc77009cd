using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Volunteers;

/// <summary>What the volunteer pages share: who the signed-in volunteer is, the lists to choose from, marking a drager.</summary>
public static class VolunteerArea
{
    public sealed record Option(Guid Id, string Name);

    /// <summary>A coordinator acts for anyone; a volunteer only for themself.</summary>
    public static bool ActsForAnyone(TenantContext tenant) => tenant.IsInRole(Roles.Coordinator);

    /// <summary>The volunteer record of the signed-in user, or null when their login is not linked to one.</summary>
    public static Task<Volunteer?> MineAsync(WijkbasisDb db, TenantContext tenant, CancellationToken cancellationToken) =>
        tenant.UserId is { } userId
            ? db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.UserId == userId && v.ArchivedAt == null, cancellationToken)
            : Task.FromResult<Volunteer?>(null);

    public static Task<List<Option>> ActiveRolesAsync(WijkbasisDb db, CancellationToken cancellationToken) =>
        db.VolunteerRoles.AsNoTracking().Where(r => r.ArchivedAt == null).OrderBy(r => r.Key)
            .Select(r => new Option(r.Id, r.Name)).ToListAsync(cancellationToken);

    /// <summary>Active volunteers as their person (id and name), by name.</summary>
    public static Task<List<Option>> VolunteerPeopleAsync(WijkbasisDb db, CancellationToken cancellationToken) =>
        db.Volunteers.AsNoTracking().Where(v => v.ArchivedAt == null)
            .Join(db.People, v => v.PersonId, p => p.Id, (v, p) => new { p.Id, p.Name })
            .OrderBy(o => o.Name).ThenBy(o => o.Id).Select(o => new Option(o.Id, o.Name)).ToListAsync(cancellationToken);

    /// <summary>Someone who gives carries others: the first contribution or hours make the person a drager.</summary>
    public static async Task MarkDragerAsync(WijkbasisDb db, Guid personId, DateTime now, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        if (!person.IsDrager)
        {
            person.IsDrager = true;
            person.UpdatedAt = now;
            person.Version++;
        }
    }

    /// <summary>The first day of the month in <paramref name="text"/> ("2026-11"), or of this month.</summary>
    public static DateOnly Month(string? text, DateOnly today) =>
        DateOnly.TryParseExact((text ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && first.Year is > 2000 and < 2100
            ? first
            : new DateOnly(today.Year, today.Month, 1);

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);
}
