using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Shared;

/// <summary>A form that did its work, by the one-time key the form carried (a hidden field made when the form was shown).
/// Saved in the same transaction as the work, so a double click or a resent form finds it and does nothing twice.</summary>
public sealed class SentForm : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Key { get; set; }
    public DateTime SentAt { get; set; }
    /// <summary>Where the first submission led (a local path): a repeat goes there too.</summary>
    public required string Result { get; set; }

    public const int ResultMax = 400;
}

/// <summary>One form submission, one effect (issue 15, "bad input"). A page with a form that creates something gives the
/// form a <see cref="FieldName"/> hidden field with a new key on GET; on POST it asks <see cref="EarlierAsync"/> first and
/// answers a repeat with <see cref="SentBefore"/>, and it adds <see cref="Record"/> to the work it saves. Two requests racing
/// past the first check meet at the key's primary key: the second save fails as a unique violation, and the page answers it
/// like any other repeat. A form without a key (an old open tab) works as before.</summary>
public static class FormOnce
{
    public const string FieldName = "FormKey";

    public const string SentBeforeText = "Dit formulier was al verstuurd. Het is één keer verwerkt.";

    public static Guid NewKey() => Guid.NewGuid();

    /// <summary>Where the earlier submission with this key led, or null when this is the first.</summary>
    public static async Task<string?> EarlierAsync(WijkbasisDb db, Guid? key, CancellationToken cancellationToken) =>
        key is { } k && k != Guid.Empty
            ? await db.SentForms.AsNoTracking().Where(f => f.Key == k).Select(f => f.Result).FirstOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>Adds the key to what the caller saves next; <paramref name="result"/> is where the page sends the user.</summary>
    public static void Record(WijkbasisDb db, TimeProvider time, Guid? key, string? result)
    {
        if (key is { } k && k != Guid.Empty)
        {
            db.SentForms.Add(new SentForm { Key = k, SentAt = time.UtcNow(), Result = Trim(result ?? "/") });
        }
    }

    /// <summary>The answer to a repeat: back to where the first submission led, with a word about it.</summary>
    public static IActionResult SentBefore(this PageModel page, string earlier)
    {
        page.TempData.Say(SentBeforeText);
        return page.LocalRedirect(earlier.StartsWith('/') && !earlier.StartsWith("//") ? earlier : "/");
    }

    /// <summary>Runs the save that carries this form's key. When a repeat of the form raced the first submission past
    /// <see cref="EarlierAsync"/>, the save fails as a unique violation on the key: the answer then holds where the first
    /// submission led (<see cref="Saved{T}.Earlier"/>). Any other failure is thrown as it came.</summary>
    public static async Task<Saved<T>> SaveAsync<T>(WijkbasisDb db, Guid? key, Func<Task<T>> save, CancellationToken cancellationToken)
    {
        try
        {
            return new(await save(), null);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && key is { } k && k != Guid.Empty)
        {
            db.ChangeTracker.Clear();
            if (await EarlierAsync(db, key, cancellationToken) is { } first)
            {
                return new(default, first);
            }
            throw;
        }
    }

    /// <summary>What <see cref="SaveAsync{T}"/> did: the save's own answer, or where an earlier submission led.</summary>
    public readonly record struct Saved<T>(T? Value, string? Earlier);

    private static string Trim(string path) => path.Length <= SentForm.ResultMax ? path : "/";
}
