using System.Globalization;
using System.Text.RegularExpressions;
using SmartOffice.Domain.Calendar;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>What the FAX server's file name says: when the FAX arrived and from which number, when it says so.</summary>
public sealed record FaxNameInfo(DateTimeOffset? ReceivedAt, string? SenderFax);

/// <summary>Reads file names with the <c>FaxInbox:FileNamePattern</c> setting (groups <c>received</c> and <c>sender</c>).</summary>
public sealed class FaxFileName(FaxInboxOptions options, BusinessClock clock)
{
    private readonly Regex _pattern = new(options.FileNamePattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public FaxNameInfo Read(string fileName)
    {
        var match = _pattern.Match(Path.GetFileNameWithoutExtension(fileName));
        if (!match.Success)
            return new FaxNameInfo(null, null);
        DateTimeOffset? received = null;
        if (match.Groups["received"] is { Success: true } r
            && DateTime.TryParseExact(r.Value, options.ReceivedFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            received = clock.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        var sender = match.Groups["sender"] is { Success: true } s ? string.Concat(s.Value.Where(char.IsAsciiDigit)) : null;
        return new FaxNameInfo(received, string.IsNullOrEmpty(sender) ? null : sender);
    }
}
