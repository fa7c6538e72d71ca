using System.Globalization;
using Microsoft.Extensions.Options;

namespace SmartOffice.Domain;

/// <summary>
/// Collects what is wrong with one settings section, each problem as "Section:Key 'value' problem: fix", for the options
/// pattern's validation at start (<c>ValidateOnStart</c>): the console stops with one line naming the setting and the fix.
/// </summary>
internal sealed class SettingsCheck(string section)
{
    private readonly List<string> _failures = [];

    public void Fail(string key, object? value, string problemAndFix) =>
        _failures.Add(string.Create(CultureInfo.InvariantCulture,
            $"{(key.Length == 0 ? section : $"{section}:{key}")} '{value}' {problemAndFix}"));

    public void Require(bool holds, string key, object? value, string problemAndFix)
    {
        if (!holds)
            Fail(key, value, problemAndFix);
    }

    public void Range(double value, double min, double max, string key, string unit) =>
        Require(value >= min && value <= max, key, value,
            string.Create(CultureInfo.InvariantCulture, $"is out of range: use {min} to {max} {unit}."));

    public void NotBlank(string? value, string key, string what) =>
        Require(!string.IsNullOrWhiteSpace(value), key, value, $"is empty: write {what}.");

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
