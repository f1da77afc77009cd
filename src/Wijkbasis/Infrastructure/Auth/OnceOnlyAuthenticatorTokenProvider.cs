using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;

namespace Wijkbasis.Infrastructure.Auth;

/// <summary>The authenticator app's code (RFC 6238), accepted once: the time step of the last accepted code is kept
/// per user in AspNetUserTokens ("Wijkbasis", "LastTotpStep"; no migration), and a code of that step or an earlier one
/// is refused. Like Identity's own provider it accepts two steps (60 s) either side of now for a phone whose clock is
/// off. Two logins racing with one code cannot both pass: in this instance they take turns on a per-user lock, and
/// across instances the user row's concurrency stamp lets only one save win.</summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(WijkbasisDb db, IOptionsMonitor<SecurityOptions> options, TimeProvider time)
    : AuthenticatorTokenProvider<AppUser>
{
    public const string Name = "WijkbasisAuthenticator";
    public const string StepProvider = "Wijkbasis";
    public const string StepName = "LastTotpStep";

    private static readonly SemaphoreSlim[] Locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var step = MatchingStep(key, token, time.GetUtcNow());
        if (step is null)
        {
            return false;
        }
        if (!options.CurrentValue.RefuseReusedTotpCodes)
        {
            return true;
        }
        var gate = Locks[(int)((uint)user.Id.GetHashCode() % (uint)Locks.Length)];
        await gate.WaitAsync();
        try
        {
            var last = await manager.GetAuthenticationTokenAsync(user, StepProvider, StepName);
            if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
            {
                return false;
            }
            // Saves the step with the user row, whose concurrency stamp must still be the one this request read.
            var saved = await manager.SetAuthenticationTokenAsync(user, StepProvider, StepName, step.Value.ToString(CultureInfo.InvariantCulture));
            if (!saved.Succeeded)
            {
                db.ChangeTracker.Clear();
            }
            return saved.Succeeded;
        }
        catch (DbUpdateException)
        {
            // Another instance stored a step for this user at the same moment: that login won.
            db.ChangeTracker.Clear();
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The time step (of 30 s) within two steps of <paramref name="now"/> whose code is <paramref name="token"/>.</summary>
    public static long? MatchingStep(string base32Key, string token, DateTimeOffset now)
    {
        var secret = FromBase32(base32Key);
        var current = now.ToUnixTimeSeconds() / 30;
        for (var step = current - 2; step <= current + 2; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                return step;
            }
        }
        return null;
    }

    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return [];
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
