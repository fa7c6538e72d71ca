using SmartOffice.Console.Tests.Support;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>
/// Every settings section is checked before anything runs (the options pattern's ValidateOnStart): the built console, started
/// as an operator starts it with one wrong value, stops with exit code 1 and one FTL line that names the setting and the fix —
/// before a database is created.
/// </summary>
public sealed class SettingsValidationTests : IDisposable
{
    /// <summary>A start on a loaded 2-core machine (several test runs at once) has taken more than three minutes.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly string _folder = Directory.CreateTempSubdirectory("smartoffice-settings-").FullName;

    public static TheoryData<string, string, string, string> WrongSettings => new()
    {
        // setting (environment variable), wrong value, what the line names, the fix it gives
        { "Rules__BusinessTimeZone", "Asia/Tokio", "Rules:BusinessTimeZone 'Asia/Tokio'", "use an IANA name such as Asia/Tokyo" },
        { "Rules__ClosureDays", "12-29..01-32", "Rules:ClosureDays '12-29..01-32' cannot be read", "e.g. 12-29..01-03" },
        { "Rules__MaximumLineCommentLength", "500", "Rules:MaximumLineCommentLength '500' is out of range", "use 1 to 100 characters" },
        { "Rules__FurnitureCutoff", "13:75", "Rules:FurnitureCutoff '13:75' is not a time of day", "write it as HH:mm" },
        { "Regions__0__FaxCutoff", "25:00", "Regions:0:FaxCutoff '25:00' is not a time of day", "write it as HH:mm" },
        { "Regions__1__Code", "Honshu", "Regions:1:Code 'Honshu' is used by an earlier region too", "give each region its own code" },
        { "FaxInbox__FileNamePattern", @"^(?<received>\d{14}", "FaxInbox:FileNamePattern", "is not a regular expression" },
        { "FaxInbox__FileNamePattern", @"^(\d{14})_(?<sender>[0-9-]+)", "FaxInbox:FileNamePattern", "has no group (?<received>" },
        { "FaxInbox__ReceivedFormat", "yyyyMMdd", "FaxInbox:ReceivedFormat 'yyyyMMdd' is not a date format that reads back",
            "such as yyyyMMddHHmmss" },
        { "FaxInbox__PollInterval", "00:00:00", "FaxInbox:PollInterval '00:00:00' is out of range", "e.g. 00:00:03" },
        { "FaxInbox__PollInterval", "3 seconds", "FaxInbox:PollInterval '3 seconds' is not a duration", "write it as hh:mm:ss" },
        { "FaxInbox__ArchiveFolder", "data/fax/inbox", "FaxInbox:ArchiveFolder", "is the drop folder itself" },
        { "FaxInbox__MaxPages", "0", "FaxInbox:MaxPages '0' is out of range", "use 1 to 1000 pages" },
        { "Jobs__MisfireThreshold", "-00:01:00", "Jobs:MisfireThreshold '-00:01:00' is out of range", "e.g. 00:01:00" },
        { "Jobs__FaxKeyingGraceMinutes", "half an hour", "Jobs:FaxKeyingGraceMinutes 'half an hour' is not a whole number",
            "write digits only" },
        { "Jobs__SchedulerName", " ", "Jobs:SchedulerName ' ' is empty", "the same on every instance" },
        { "Staff__IdleTimeoutMinutes", "0", "Staff:IdleTimeoutMinutes '0' is out of range", "minutes" },
        { "Staff__RevalidationMinutes", "90", "Staff:RevalidationMinutes '90' is longer than Staff:IdleTimeoutMinutes",
            "check sessions at least as often" },
        { "Staff__SessionLifetimeHours", "0.5", "Staff:SessionLifetimeHours '0.5' is shorter than Staff:IdleTimeoutMinutes",
            "at least the idle timeout" },
        { "Desk__Fax", " ", "Desk:Fax ' ' is empty", "the desk's FAX number" },
        { "Demo__Size", "huge", "Demo:Size 'huge' is not a DemoSize", "use one of Standard, Large" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task A_wrong_setting_stops_start_up_with_one_line_naming_it_and_the_fix(string variable, string value, string names,
        string fix)
    {
        var database = Path.Combine(_folder, "console.db");
        using var process = ConsoleProcess.Start(_folder, database, new Dictionary<string, string> { [variable] = value });
        var (exitCode, output) = await process.WaitAsync(Patience);

        Assert.True(exitCode == 1, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fatal = Assert.Single(lines, l => l.Contains("FTL"));
        Assert.Contains("Start-up stopped", fatal);
        Assert.Contains(names, fatal);
        Assert.Contains(fix, fatal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
        Assert.False(File.Exists(database), "nothing is written before the settings are right");
    }

    [Fact]
    public async Task Several_wrong_settings_are_named_together_on_the_one_line()
    {
        using var process = ConsoleProcess.Start(_folder, Path.Combine(_folder, "console.db"),
            new Dictionary<string, string> { ["Rules__ShippingFee"] = "-300", ["Staff__MaxFailedSignIns"] = "0",
                ["FaxInbox__StableScans"] = "-1" });
        var (exitCode, output) = await process.WaitAsync(Patience);

        Assert.Equal(1, exitCode);
        var fatal = Assert.Single(output.Split('\n'), l => l.Contains("FTL"));
        Assert.Contains("Rules:ShippingFee '-300'", fatal);
        Assert.Contains("Staff:MaxFailedSignIns '0'", fatal);
        Assert.Contains("FaxInbox:StableScans '-1'", fatal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
