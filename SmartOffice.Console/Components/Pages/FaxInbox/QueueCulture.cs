using System.Globalization;

namespace SmartOffice.Console.Components.Pages.FaxInbox;

/// <summary>
/// The circuit's language, captured when a page subscribes to <see cref="Domain.FaxInbox.FaxInboxChanges"/>. The change is
/// raised on another agent's circuit or the watcher's thread, whose culture flows into the re-render: applied again
/// here, an English agent's queue stays English when a Japanese agent claims a FAX.
/// </summary>
internal readonly record struct QueueCulture(CultureInfo Culture, CultureInfo UiCulture)
{
    public static QueueCulture Capture() => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public void Apply()
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UiCulture;
    }
}
