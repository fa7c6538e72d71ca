using System.Text.RegularExpressions;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>
/// No secrets in the repository: no private keys or Data Protection key files, no passwords in settings or connection
/// strings; the demo passwords live only in the demo data (used when Demo:Enabled is true), the README and the tests.
/// </summary>
public sealed partial class RepositorySecretsTests
{
    private static readonly string Root = FindRoot();
    private static readonly string[] Skipped = ["bin", "obj", ".git", "TestResults", "data", "logs", "outbox", ".data", "node_modules"];

    [Fact]
    public void No_key_material_is_checked_in()
    {
        var found = Files().Where(f => f.EndsWith(".pfx") || f.EndsWith(".p12") || f.EndsWith(".key") || f.EndsWith(".pem")
                                       || PrivateKey().IsMatch(Read(f)) || DataProtectionKey().IsMatch(Read(f))).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void Settings_hold_no_passwords()
    {
        var settings = Files().Where(f => Path.GetFileName(f).StartsWith("appsettings", StringComparison.Ordinal) && f.EndsWith(".json"))
            .ToList();
        Assert.NotEmpty(settings);
        var found = settings.Where(f => PasswordSetting().IsMatch(Read(f))).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [InlineData("demo-pass")]
    [InlineData("webpass1")]
    public void Demo_passwords_appear_only_in_the_demo_data(string password)
    {
        var found = Files().Where(f => f.EndsWith(".cs") || f.EndsWith(".razor") || f.EndsWith(".json") || f.EndsWith(".js"))
            .Where(f => !Relative(f).StartsWith("SmartOffice.Console.Tests/", StringComparison.Ordinal)
                        && !Relative(f).StartsWith("SmartOffice.Domain/Demo/", StringComparison.Ordinal)
                        && !Relative(f).StartsWith("bench/", StringComparison.Ordinal))
            .Where(f => Read(f).Contains(password, StringComparison.Ordinal)).Select(Relative).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Root, "*",
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.System })
            .Where(f => !Relative(f).Split('/').Any(part => Skipped.Contains(part)));

    private static string Read(string file) => new FileInfo(file).Length > 2_000_000 ? "" : File.ReadAllText(file);

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartOffice.Console.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex("<key id=\"[0-9a-f-]{36}\" version=\"1\"")]
    private static partial Regex DataProtectionKey();

    /// <summary>A password, secret or key value in a setting or connection string (an empty value is fine).</summary>
    [GeneratedRegex(@"(?i)(password|pwd|secret|apikey|accountkey)[""']?\s*[:=]\s*[""']?[^""'\s;,}]{3,}")]
    private static partial Regex PasswordSetting();
}
