using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

internal static class StaffAuthentication
{
    public const string SignInPath = "/signin";
    public const string PasswordPath = "/account/password";

    /// <summary>
    /// Identity with cookie sign-in, staff lockout, passwords by ASVS 6.2 (no composition rules), server-side sessions
    /// (idle timeout and lifetime on the server, input seen in circuits too), the per-address slow-down and one policy per
    /// <see cref="Capability"/>.
    /// </summary>
    public static void AddStaffAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                // ASVS 6.2.5: no composition rules; length and the common-password check are StaffPasswordValidator's.
                o.Password.RequiredLength = StaffPasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // "Confirmed" means active here: a disabled account is refused at sign-in.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SmartOfficeDbContext>()
            .AddUserManager<StaffUserManager>()
            .AddSignInManager()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddPasswordValidator<StaffPasswordValidator>();
        services.AddScoped<IUserConfirmation<StaffUser>, ActiveStaffConfirmation>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<StaffOptions>>((o, staff) =>
        {
            o.Lockout.MaxFailedAccessAttempts = staff.Value.MaxFailedSignIns;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(staff.Value.LockoutMinutes);
        });
        // The server session decides idleness (input in a circuit makes no HTTP request to renew a cookie): the cookie itself
        // only never outlives the session's lifetime.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<StaffOptions>>((o, staff) =>
            o.ExpireTimeSpan = staff.Value.SessionLifetime);
        // The cookie is checked against the account as often as open circuits are (StaffSignInManager adds "still active");
        // the refreshed cookie keeps its session.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<StaffOptions>>((o, staff) =>
        {
            o.ValidationInterval = staff.Value.RevalidationInterval;
            o.OnRefreshingPrincipal = refresh =>
            {
                if (StaffClaims.SessionOf(refresh.CurrentPrincipal) is { } session)
                    (refresh.NewPrincipal?.Identity as System.Security.Claims.ClaimsIdentity)?.AddClaim(new(StaffClaims.Session, session));
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = "/denied";
            o.SlidingExpiration = true;
            o.Cookie.Name = "smartoffice.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            StaffSessionCookie.Attach(o.Events);
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

        services.AddSingleton<StaffSessionTracker>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<StaffActivityHubFilter>();
        services.AddSignalR(o => o.AddFilter<StaffActivityHubFilter>());
        services.AddHttpContextAccessor();
        services.AddScoped<AuthenticationStateProvider, StaffRevalidation>();
        services.AddScoped<ICurrentStaff, CurrentStaff>();
    }

    private sealed class ActiveStaffConfirmation : IUserConfirmation<StaffUser>
    {
        public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(user.IsActive);
    }

    /// <summary>Identity's password check by <see cref="StaffPasswordRules"/> (create-admin goes through it).</summary>
    private sealed class StaffPasswordValidator : IPasswordValidator<StaffUser>
    {
        public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
            Task.FromResult(StaffPasswordRules.Check(password, user.UserName, user.DisplayName) is { } refusal
                ? IdentityResult.Failed(new IdentityError { Code = refusal.Key, Description = refusal.Message })
                : IdentityResult.Success);
    }
}
