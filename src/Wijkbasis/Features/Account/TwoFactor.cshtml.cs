using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Account;

/// <summary>TOTP enrolment with Identity's built-in authenticator provider. Opening the page changes nothing on the
/// account: a new key waits in a protected cookie of this browser until the user confirms it with a code (then it is
/// stored, two-factor goes on and the login is renewed). Storing it earlier would change the security stamp and end
/// this very login at the next stamp check. A user who must use two-factor login (a role that sees special-category
/// data) sets it up only in a login made through an invitation or a password-reset link, never with the password
/// alone: someone who guessed or stole the password cannot put their own phone on the account.</summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserStore<AppUser> store,
    IDataProtectionProvider protection, WijkbasisDb db, IOptionsSnapshot<SecurityOptions> security) : PageModel
{
    private const string PendingCookie = "wijkbasis.2fa-key";

    [BindProperty]
    [Required(ErrorMessage = "Vul de code in.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "De code bestaat uit 6 cijfers.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string NextUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
    /// <summary>Two-factor is on for the account, but this login was made without it (e.g. enrolled
    /// in another session): logging in again is the way through.</summary>
    public bool NeedsFreshLogin => Enabled && !User.HasClaim("amr", "mfa");
    public bool Enabled { get; private set; }
    /// <summary>Two-factor is off and this login may not turn it on: the user must use it and logged in with the
    /// password alone. The page sends them to their invitation or a reset link.</summary>
    public bool NeedsLink { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public string[]? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Enabled = user.TwoFactorEnabled;
        if (!Enabled && !(NeedsLink = !await MayEnrolAsync(user)))
        {
            await LoadKeyAsync(user);
        }
        return Page();
    }

    /// <summary>A user who need not use two-factor may turn it on any time; one who must, only in a login made through
    /// an invitation or a reset link.</summary>
    private async Task<bool> MayEnrolAsync(AppUser user) =>
        User.HasClaim(WijkbasisClaims.MayEnrol, "true")
        || !security.Value.RequireTwoFactor
        || !await TenantBypass.MembershipsOfUser(db, user.Id).AnyAsync(m => Roles.SpecialCategory.Contains(m.Role), HttpContext.RequestAborted);

    /// <summary>A new key, for a user who wants to start over (e.g. scanned the code with a phone they lost).</summary>
    public async Task<IActionResult> OnPostNewKeyAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled && await MayEnrolAsync(user))
        {
            SetPendingKey(user, users.GenerateNewAuthenticatorKey());
        }
        return RedirectToPage(new { ReturnUrl });
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            Enabled = true;
            return Page();
        }
        if (!await MayEnrolAsync(user))
        {
            NeedsLink = true;
            ModelState.Clear();
            return this.Refuse(new Refusal(LinkNeeded));
        }
        if (ModelState.IsValid)
        {
            var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim();
            var stored = await users.GetAuthenticatorKeyAsync(user);
            var pending = string.IsNullOrEmpty(stored) ? PendingKey(user) : null;
            if (pending is not null)
            {
                // Only in memory until the code proves the phone has it; SetTwoFactorEnabledAsync saves both.
                await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, pending, HttpContext.RequestAborted);
            }
            if ((pending is not null || !string.IsNullOrEmpty(stored))
                && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                Response.Cookies.Delete(PendingCookie, PendingCookieOptions());
                RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray() ?? [];
                // This login now counts as two-factor: the enforcement lets the user through.
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
                return Page();
            }
            ModelState.AddModelError(nameof(Code), "Deze code klopt niet. Probeer de nieuwe code uit de app.");
        }
        await LoadKeyAsync(user);
        return this.Refuse();
    }

    /// <summary>New recovery codes (the old ones stop working), for a user who has used them up.</summary>
    public async Task<IActionResult> OnPostNewCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Enabled = user.TwoFactorEnabled;
        if (Enabled && !NeedsFreshLogin)
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray() ?? [];
        }
        return Page();
    }

    public const string LinkNeeded = "Tweestapsverificatie zet u aan via de link in uw uitnodiging of via een link om uw wachtwoord opnieuw in te stellen. Met alleen uw wachtwoord kan dat niet.";

    private IDataProtector Protector => protection.CreateProtector("Wijkbasis.TwoFactor.PendingKey");

    private CookieOptions PendingCookieOptions() => new()
    {
        HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true,
        Path = Url.Page("/Account/TwoFactor") ?? "/",
    };

    /// <summary>The key this browser was shown for this user, if any (a cookie of another user does not count).</summary>
    private string? PendingKey(AppUser user)
    {
        if (Request.Cookies[PendingCookie] is not { Length: > 0 } cookie)
        {
            return null;
        }
        try
        {
            var parts = Protector.Unprotect(cookie).Split(' ');
            return parts.Length == 2 && parts[0] == user.Id.ToString() ? parts[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private void SetPendingKey(AppUser user, string key) =>
        Response.Cookies.Append(PendingCookie, Protector.Protect($"{user.Id} {key}"), PendingCookieOptions());

    private async Task LoadKeyAsync(AppUser user)
    {
        // A key stored before (enrolment begun by an older version) still counts; otherwise the one waiting in
        // this browser, or a new one that waits there from now on. Nothing on the account changes here.
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = PendingKey(user);
            if (key is null)
            {
                key = users.GenerateNewAuthenticatorKey();
                SetPendingKey(user, key);
            }
        }
        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/Wijkbasis:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}?secret={key}&issuer=Wijkbasis&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
