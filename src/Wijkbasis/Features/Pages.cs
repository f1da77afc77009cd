using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Localization;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features;

public static class Pages
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new RejectUnhandledMethods());
                DeclareAuthorization(o.Conventions);
                // One page adds and edits a buddy.
                o.Conventions.AddPageRoute("/Buddies/Edit", "/{enterprise}/buddies/nieuw");
                o.Conventions.AddPageRoute("/Rooms/Edit", "/{enterprise}/ruimtes/nieuw");
            })
            .AddMvcOptions(o => DutchBindingMessages(o.ModelBindingMessageProvider))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "wijkbasis.af");
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory, TenantUrlHelperFactory>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Enterprise.Invitations>();
        builder.Services.AddScoped<Activities.SessionPlanner>();
        builder.Services.AddScoped<Agenda.PublicAgenda>();
        builder.Services.AddScoped<Budget.PotBookings>();
        builder.Services.Configure<Talents.TalentOptions>(builder.Configuration.GetSection("Talents"));
        builder.Services.AddScoped<TimeCredits.TimeCreditBookings>();
        builder.Services.AddScoped<Rooms.RoomCalendar>();
        builder.Services.AddScoped<PublicRooms.PublicRoomsAccess>();
        if (builder.Configuration.GetValue("Activities:PlanInBackground", true))
        {
            builder.Services.AddHostedService<Activities.SessionPlanning>();
        }
        return builder;
    }

    /// <summary>All page authorization in one place. Every page gets a named policy or is explicitly
    /// anonymous; the fallback policy catches anything forgotten, and a test fails on it.</summary>
    private static void DeclareAuthorization(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection c)
    {
        c.AllowAnonymousToPage("/Account/Login");
        c.AllowAnonymousToPage("/Account/LoginWithTwoFactor");
        c.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
        c.AllowAnonymousToPage("/Account/Invitation");
        c.AllowAnonymousToPage("/Account/ForgotPassword");
        c.AllowAnonymousToPage("/Account/ResetPassword");
        c.AllowAnonymousToFolder("/Errors");
        c.AllowAnonymousToPage("/Home/Language");
        c.AuthorizePage("/Account/Logout", Policies.SignedIn);
        c.AuthorizePage("/Account/Index", Policies.SignedIn);
        c.AuthorizePage("/Account/ChangePassword", Policies.SignedIn);
        c.AuthorizePage("/Account/TwoFactor", Policies.SignedIn);
        c.AuthorizePage("/Home/Index", Policies.SignedIn);

        c.AuthorizeFolder("/People", Policies.RegisterView);
        c.AddFolderApplicationModelConvention("/People", m => m.Filters.Add(new AuditNotFoundRecords("Person")));
        c.AuthorizePage("/People/Details", Policies.PersonFile);
        foreach (var page in new[] { "/People/Create", "/People/Edit", "/People/Archive", "/People/Consent" })
        {
            c.AuthorizePage(page, Policies.RegisterEdit);
        }
        c.AuthorizeFolder("/Activities", Policies.ActivityEdit);
        c.AuthorizeFolder("/Logbook", Policies.Logbook);
        c.AddFolderApplicationModelConvention("/Logbook", m => m.Filters.Add(new AuditNotFoundRecords("Session")));
        c.AllowAnonymousToFolder("/Agenda");
        c.AuthorizeFolder("/Buddies", Policies.BuddyPool);
        c.AddFolderApplicationModelConvention("/Buddies", m => m.Filters.Add(new AuditNotFoundRecords("Buddy")));
        c.AuthorizeFolder("/Intakes", Policies.Intakes);
        c.AddFolderApplicationModelConvention("/Intakes", m => m.Filters.Add(new AuditNotFoundRecords("Intake")));
        c.AuthorizeFolder("/Cases", Policies.Cases);
        c.AddFolderApplicationModelConvention("/Cases", m => m.Filters.Add(new AuditNotFoundRecords("Case")));
        c.AuthorizeFolder("/Budget", Policies.Budget);
        c.AuthorizeFolder("/Outreach", Policies.Outreach);
        c.AuthorizePage("/Talents/Index", Policies.TalentBoard);
        c.AuthorizePage("/Talents/Tags", Policies.TalentTags);
        foreach (var page in new[] { "/Talents/Card", "/Talents/Matches", "/Talents/Match" })
        {
            c.AuthorizePage(page, Policies.Matches);
        }
        c.AddPageApplicationModelConvention("/Talents/Card", m => m.Filters.Add(new AuditNotFoundRecords("TalentCard")));
        c.AddPageApplicationModelConvention("/Talents/Match", m => m.Filters.Add(new AuditNotFoundRecords("Match")));
        c.AuthorizeFolder("/MoneyFlows", Policies.MoneyFlows);
        c.AuthorizeFolder("/TimeCredits", Policies.TimeCredits);
        c.AddFolderApplicationModelConvention("/TimeCredits", m => m.Filters.Add(new AuditNotFoundRecords("TimeCreditAccount")));
        c.AuthorizeFolder("/Rooms", Policies.RoomsView);
        foreach (var page in new[] { "/Rooms/Edit", "/Rooms/Book", "/Rooms/Block", "/Rooms/Booking", "/Rooms/Occupancy", "/Rooms/Requests", "/Rooms/Request" })
        {
            c.AuthorizePage(page, Policies.RoomsManage);
        }
        c.AddFolderApplicationModelConvention("/Rooms", m => m.Filters.Add(new AuditNotFoundRecords("Room")));
        c.AllowAnonymousToFolder("/PublicRooms");
        // Shifts and hours are open to volunteers (their own, checked on the page); the rest is the coordinator's.
        c.AuthorizeFolder("/Volunteers", Policies.Volunteering);
        foreach (var page in new[] { "/Volunteers/Index", "/Volunteers/Edit", "/Volunteers/Roles", "/Volunteers/Vog", "/Volunteers/Overview",
                     "/Volunteers/Contributions", "/Volunteers/Register" })
        {
            c.AuthorizePage(page, Policies.VolunteerCoordination);
        }
        c.AddFolderApplicationModelConvention("/Volunteers", m => m.Filters.Add(new AuditNotFoundRecords("Volunteer")));
        c.AuthorizeFolder("/Enterprise", Policies.ManageUsers);
        c.AuthorizeFolder("/Admin", Policies.PlatformAdmin);
    }

    /// <summary>Messages for input that cannot even be read (text in a number field, an unknown choice). They name
    /// the field only by its Dutch display name: a bare C# property name ("DueOn") is left out, the message stands next
    /// to the field anyway.</summary>
    private static void DutchBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => IsCodeName(field)
            ? $"'{value}' klopt niet. Vul een geldige waarde in."
            : $"Vul bij {field} een geldige waarde in ('{value}' klopt niet).");
        m.SetUnknownValueIsInvalidAccessor(field => IsCodeName(field) ? "Vul een geldige waarde in." : $"Vul bij {field} een geldige waarde in.");
        m.SetValueIsInvalidAccessor(value => $"De waarde '{value}' klopt niet.");
        m.SetValueMustBeANumberAccessor(field => IsCodeName(field) ? "Vul een getal in." : $"Vul bij {field} een getal in.");
        m.SetMissingBindRequiredValueAccessor(field => IsCodeName(field) ? "Er ontbreekt een waarde." : $"{field} ontbreekt.");
        m.SetMissingKeyOrValueAccessor(() => "Er ontbreekt een waarde.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Het formulier is leeg.");
        m.SetValueMustNotBeNullAccessor(value => $"Vul een waarde in.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"De waarde '{value}' klopt niet.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Deze waarde klopt niet.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
    }

    /// <summary>A property name as in the code ("DueOn", "Input.StartTime", "On"), not a display name in words ("Tarief",
    /// "de datum"): a dotted path or an inner capital, or one of the code's one-word English names.</summary>
    internal static bool IsCodeName(string field) =>
        field.Length > 0 && char.IsAsciiLetterUpper(field[0]) && field.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || c == '_')
        && (field.Contains('.') || field.Skip(1).Any(char.IsAsciiLetterUpper) || CodeWords.Contains(field));

    private static readonly HashSet<string> CodeWords =
    [
        "On", "Id", "Version", "Kind", "Day", "Date", "From", "Until", "Hours", "People", "Week", "Status", "Source", "Category",
        "Direction", "Local", "Weight", "Purpose", "Outcome", "Repeat", "Unit", "Capacity", "Facility", "Recurrence", "Other", "Move",
    ];

    public static void UseWijkbasisPipeline(this WebApplication app)
    {
        if (!string.IsNullOrEmpty(app.Configuration["Network:KnownProxies"]))
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fout/500");
        }
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<TenantMiddleware>();
        app.UseMiddleware<TwoFactorEnforcement>();
        app.UseAuthorization();
    }

    public static void MapPages(this WebApplication app)
    {
        app.MapRazorPages();
    }
}
