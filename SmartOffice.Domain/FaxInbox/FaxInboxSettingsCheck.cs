using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>The <c>FaxInbox</c> section at start: a file-name pattern with its two groups, a date format that reads
/// back, three distinct folders, limits in range.</summary>
internal sealed class FaxInboxSettingsCheck : IValidateOptions<FaxInboxOptions>
{
    public ValidateOptionsResult Validate(string? name, FaxInboxOptions o)
    {
        var check = new SettingsCheck(FaxInboxOptions.Section);
        try
        {
            var groups = new Regex(o.FileNamePattern ?? "").GetGroupNames();
            foreach (var group in new[] { "received", "sender" }.Except(groups))
                check.Fail(nameof(o.FileNamePattern), o.FileNamePattern,
                    $"has no group (?<{group}>…): name the groups, e.g. ^(?<received>\\d{{14}})_(?<sender>[0-9-]+).");
        }
        catch (ArgumentException e)
        {
            check.Fail(nameof(o.FileNamePattern), o.FileNamePattern,
                $"is not a regular expression ({e.Message}): correct it, e.g. ^(?<received>\\d{{14}})_(?<sender>[0-9-]+).");
        }
        check.Require(ReadsBack(o.ReceivedFormat), nameof(o.ReceivedFormat), o.ReceivedFormat,
            "is not a date format that reads back the time it writes: use a .NET custom format such as yyyyMMddHHmmss.");
        check.Require(o.PollInterval > TimeSpan.Zero && o.PollInterval <= TimeSpan.FromMinutes(10), nameof(o.PollInterval), o.PollInterval,
            "is out of range: use more than zero and at most 00:10:00 (hh:mm:ss), e.g. 00:00:03.");
        check.Range(o.StableScans, 0, 100, nameof(o.StableScans), "scans");
        check.NotBlank(o.UnmatchedRegionCode, nameof(o.UnmatchedRegionCode), "a region code such as Honshu");
        check.Range(o.MaxFileMegabytes, 1, 1024, nameof(o.MaxFileMegabytes), "MB");
        check.Range(o.MaxPages, 1, 1000, nameof(o.MaxPages), "pages");
        check.Range(o.MaxPageWidth, 200, 10_000, nameof(o.MaxPageWidth), "pixels");
        var folders = new[] { (nameof(o.DropFolder), o.DropFolder), (nameof(o.ArchiveFolder), o.ArchiveFolder),
            (nameof(o.QuarantineFolder), o.QuarantineFolder) };
        foreach (var (key, folder) in folders)
            check.Require(Folders.IsUsablePath(folder), key, folder,
                "is not a folder path: write one, relative to the settings folder or absolute.");
        foreach (var (key, folder) in folders.Skip(1).Where(f => Folders.Same(f.Item2, o.DropFolder)))
            check.Fail(key, folder,
                "is the drop folder itself: give originals and quarantined files a folder of their own (e.g. data/fax/archive).");
        check.Require(!Folders.Same(o.ArchiveFolder, o.QuarantineFolder), nameof(o.QuarantineFolder), o.QuarantineFolder,
            "is the archive folder too: give quarantined files a folder of their own (e.g. data/fax/quarantine).");
        return check.Result;
    }

    private static bool ReadsBack(string? format)
    {
        if (string.IsNullOrWhiteSpace(format))
            return false;
        var sample = new DateTime(2026, 11, 25, 16, 55, 0);
        try
        {
            var text = sample.ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var read) && read == sample;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>Folder settings: a path that can be one, and two settings that name the same folder.</summary>
internal static class Folders
{
    public static bool IsUsablePath(string? path) =>
        !string.IsNullOrWhiteSpace(path) && path.IndexOfAny(Path.GetInvalidPathChars()) < 0 && path.IndexOf('\0') < 0;

    public static bool Same(string? a, string? b) =>
        IsUsablePath(a) && IsUsablePath(b)
        && Path.TrimEndingDirectorySeparator(Path.GetFullPath(a!)) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(b!));
}
