using System.Globalization;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;

namespace SmartOffice.Console.Components.Pages.FaxInbox;

/// <summary>
/// What a manual upload's form starts with: the received date, time and sender the file name carries (the FAX server's
/// pattern, <c>FaxInbox:FileNamePattern</c>), else now and no sender — not the upload time for a FAX that came in earlier.
/// </summary>
public static class UploadPrefill
{
    public static (string Date, string Time, string? Sender) From(string fileName, FaxInboxOptions options, BusinessClock clock)
    {
        var named = new FaxFileName(options, clock).Read(fileName);
        var at = named.ReceivedAt is { } received ? clock.ToBusinessTime(received) : clock.Now;
        return (at.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture), at.ToString("HH:mm", CultureInfo.InvariantCulture),
            named.SenderFax);
    }
}
