using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Accounts;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class AccountsServices
{
    /// <summary>Customers, their accounts, registration, the panel, web-user sign-in and lockouts.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<WebUserSignInService>();
        services.AddScoped<WebUserLockoutService>();
        services.AddScoped<CustomerAccountService>();
        services.AddScoped<CustomerRegistrationService>();
        services.AddScoped<ApprovalEvaluator>();
        services.AddScoped<CustomerPanelService>();
        return services;
    }
}
