using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Hosting;

/// <summary>
/// Settings are checked before anything runs (the options pattern's <c>ValidateOnStart</c>, run here ahead of the database
/// and of every command): a wrong value stops start-up with one FTL line naming the setting and the fix. The demo, whose
/// accounts have a published password, runs only in Development. See docs/staff-and-production.md.
/// </summary>
internal static partial class SettingsValidation
{
    public static void AddProductionSafety(this IServiceCollection services) =>
        services.AddSingleton<IValidateOptions<DemoOptions>, DemoOnlyInDevelopment>();

    /// <exception cref="StartupConfigurationException">A setting is wrong; the message names each one and its fix.</exception>
    public static void ValidateSettings(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new StartupConfigurationException(string.Join(" ", e.Failures), e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            throw new StartupConfigurationException(
                string.Join(" ", e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)), e);
        }
        catch (InvalidOperationException e) when (NotConvertible().Match(e.Message) is { Success: true } m)
        {
            // The configuration binder's own words name the setting and the type; the fix is the type's format.
            throw new StartupConfigurationException(
                $"{m.Groups["path"].Value} '{m.Groups["value"].Value}' is not a {FriendlyType(m.Groups["type"].Value)}:" +
                $" {FormatOf(m.Groups["type"].Value)}", e);
        }
    }

    private static string FriendlyType(string type) => type.Split('.')[^1] switch
    {
        "TimeOnly" => "time of day",
        "TimeSpan" => "duration",
        "Int32" or "Int64" => "whole number",
        "Double" or "Decimal" => "number",
        "Boolean" => "true/false value",
        var other => other,
    };

    private static string FormatOf(string type) => type.Split('.')[^1] switch
    {
        "TimeOnly" => "write it as HH:mm, e.g. 17:00.",
        "TimeSpan" => "write it as hh:mm:ss, e.g. 00:00:03.",
        "Int32" or "Int64" => "write digits only, e.g. 30.",
        "Double" or "Decimal" => "write a number with a dot for decimals, e.g. 0.5.",
        "Boolean" => "write true or false.",
        _ when EnumType(type) is { } e => $"use one of {string.Join(", ", Enum.GetNames(e))}.",
        _ => "correct it in appsettings.json or the environment.",
    };

    private static Type? EnumType(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is { IsEnum: true });

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>[^']*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex NotConvertible();

    /// <summary>Demo data and its accounts (published password) exist only on a developer's machine.</summary>
    private sealed class DemoOnlyInDevelopment(IHostEnvironment environment) : IValidateOptions<DemoOptions>
    {
        public ValidateOptionsResult Validate(string? name, DemoOptions options) =>
            options.Enabled && !environment.IsDevelopment()
                ? ValidateOptionsResult.Fail(
                    $"Demo:Enabled 'true' in the {environment.EnvironmentName} environment would create demo accounts with a " +
                    "published password: set Demo:Enabled to false (Demo__Enabled=false); the demo runs only in Development.")
                : ValidateOptionsResult.Success;
    }
}
