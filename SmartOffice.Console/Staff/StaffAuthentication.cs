using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

internal static class StaffAuthentication
{
    public const string SignInPath = "/signin";

    /// <summary>Identity with cookie sign-in, staff lockout, idle expiry and one policy per <see cref="Capability"/>.</summary>
    public static void AddStaffAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<StaffOptions>(builder.Configuration.GetSection(StaffOptions.Section));

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                // "Confirmed" means active here: a disabled account is refused at sign-in.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SmartOfficeDbContext>()
            .AddSignInManager()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        services.AddScoped<IUserConfirmation<StaffUser>, ActiveStaffConfirmation>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<StaffOptions>>((o, staff) =>
        {
            o.Lockout.MaxFailedAccessAttempts = staff.Value.MaxFailedSignIns;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(staff.Value.LockoutMinutes);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<StaffOptions>>((o, staff) =>
            o.ExpireTimeSpan = TimeSpan.FromMinutes(staff.Value.IdleTimeoutMinutes));
        // The cookie is checked against the account as often as open circuits are (StaffSignInManager adds "still active").
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<StaffOptions>>((o, staff) =>
            o.ValidationInterval = TimeSpan.FromMinutes(staff.Value.RevalidationMinutes));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = "/denied";
            o.SlidingExpiration = true;
            o.Cookie.Name = "smartoffice.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Every cookie of Identity and antiforgery: HttpOnly, and Secure always in Production (plain HTTP only in Development and tests).
        var secure = CookieSecurity.PolicyFor(builder.Environment);
        services.ConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = secure);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "smartoffice.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });

        services.AddAuthorization(o =>
        {
            // Every page requires sign-in unless it says otherwise.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var capability in Enum.GetValues<Capability>())
                o.AddPolicy(capability.ToString(), p => p.RequireRole(AccessPolicy.RolesFor(capability)));
        });
        services.AddSingleton<AccessDenialLog>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, LoggingAuthorizationResultHandler>();

        services.AddHttpContextAccessor();
        services.AddScoped<AuthenticationStateProvider, StaffRevalidation>();
        services.AddScoped<ICurrentStaff, CurrentStaff>();
    }

    private sealed class ActiveStaffConfirmation : IUserConfirmation<StaffUser>
    {
        public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(user.IsActive);
    }
}
