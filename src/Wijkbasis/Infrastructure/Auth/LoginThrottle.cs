using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;

namespace Wijkbasis.Infrastructure.Auth;

/// <summary>Failed password logins, counted in memory per account-and-client and per client (decision 0020): five
/// failures for one address from one client block that pair for a while, so a stranger elsewhere cannot lock the owner
/// out; many failures from one client across addresses block that client. A bounded cache, per app instance: a restart
/// or another instance starts counting again, and when the cache is full the oldest counts are dropped.</summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly MemoryCache cache;
    private readonly IOptionsMonitor<SecurityOptions> options;
    private readonly TimeProvider time;

    public LoginThrottle(IOptionsMonitor<SecurityOptions> options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(100, options.CurrentValue.LoginThrottleEntries) });
    }

    private sealed class Count
    {
        public int Failures;
        public DateTimeOffset Until;
    }

    /// <summary>The client: its IPv4 address, or the /64 network of an IPv6 address (one home or server gets a whole /64,
    /// so counting per IPv6 address would give one attacker endless fresh counts).</summary>
    public static string ClientOf(IPAddress? client)
    {
        if (client is null)
        {
            return "-";
        }
        if (client.IsIPv4MappedToIPv6)
        {
            return client.MapToIPv4().ToString();
        }
        if (client.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = client.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return client.ToString();
    }

    private static string PairKey(string email, IPAddress? client) =>
        "pair:" + email.Trim().ToUpperInvariant() + "|" + ClientOf(client);

    private static string ClientKey(IPAddress? client) => "client:" + ClientOf(client);

    /// <summary>True when this client may not try this address now (too many failures for the pair or for the client).</summary>
    public bool IsBlocked(string email, IPAddress? client)
    {
        var settings = options.CurrentValue;
        return Exceeded(PairKey(email, client), settings.LoginFailuresPerAccountAndClient)
            || Exceeded(ClientKey(client), settings.LoginFailuresPerClient);
    }

    /// <summary>Counts a failed attempt for the pair and for the client.</summary>
    public void Failed(string email, IPAddress? client)
    {
        Add(PairKey(email, client));
        Add(ClientKey(client));
    }

    /// <summary>The right password: the pair starts again (the client's count stays, so one known account does not
    /// reset a spraying client).</summary>
    public void Succeeded(string email, IPAddress? client) => cache.Remove(PairKey(email, client));

    private bool Exceeded(string key, int limit)
    {
        if (!cache.TryGetValue(key, out Count? count) || count is null)
        {
            return false;
        }
        lock (count)
        {
            return count.Until > time.GetUtcNow() && count.Failures >= limit;
        }
    }

    private void Add(string key)
    {
        var window = TimeSpan.FromMinutes(Math.Max(1, options.CurrentValue.LoginLockoutMinutes));
        var now = time.GetUtcNow();
        var count = cache.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            // A backstop in real time; the count's own Until decides.
            entry.AbsoluteExpirationRelativeToNow = window + TimeSpan.FromMinutes(1);
            return new Count { Until = now + window };
        })!;
        lock (count)
        {
            if (count.Until <= now)
            {
                count.Failures = 0;
            }
            count.Failures++;
            // Every failure within the window extends it: a client that keeps trying stays blocked.
            count.Until = now + window;
        }
    }

    public void Dispose() => cache.Dispose();
}

/// <summary>A password hash made once, checked for an address nobody has (and for a blocked attempt), so such an
/// answer takes as long as a wrong password and does not tell whether the address exists.</summary>
public sealed class DummyPassword
{
    private readonly PasswordHasher<AppUser> hasher;
    private readonly AppUser nobody = new() { UserName = "nobody", Email = "nobody" };
    private readonly string hash;

    public DummyPassword(IOptions<PasswordHasherOptions> options)
    {
        hasher = new PasswordHasher<AppUser>(options);
        hash = hasher.HashPassword(nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
    }

    /// <summary>Spends the time of one password check; the answer is always "wrong".</summary>
    public void Check(string password) => hasher.VerifyHashedPassword(nobody, hash, password);
}
