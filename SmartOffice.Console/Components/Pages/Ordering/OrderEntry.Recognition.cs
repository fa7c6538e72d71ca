using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using SmartOffice.Domain;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>
/// Order entry beside a FAX that was read (#25, docs/fax-recognition.md): the form starts pre-filled from the draft —
/// customer, department, lines — with the cursor on the first value to check; the agent confirms with Ctrl+Enter as
/// always, and the save records what they did with each field. A FAX not read (yet) is keyed as before.
/// </summary>
public partial class OrderEntry
{
    /// <summary>Where the FAX's reading stood when the page opened; null without a FAX.</summary>
    private RecognitionStatus? _readStatus;

    /// <summary>The draft pre-filling the form; null unless the FAX was read as the order form.</summary>
    private RecognizedEntry? _recognized;

    /// <summary>The draft of the FAX, asked once; a failure of the reading's data leaves the form to key as before.</summary>
    private async Task<RecognizedOrderDraft?> DraftOfAsync(FaxInboxDetail fax)
    {
        try
        {
            var draft = await Recognition.DraftAsync(fax.Item.Id);
            _readStatus = draft.Status;
            return draft.Status == RecognitionStatus.Read ? draft : null;
        }
        catch (Exception e) when (e is not BusinessRuleException)
        {
            Log.LogError(e, "The reading of FAX {FaxId} could not be loaded; the order is keyed by hand", fax.Item.Id);
            return null;
        }
    }

    /// <summary>The customer read (else the one the inbox matched by FAX number), the department read, the lines.</summary>
    private async Task StartFromReadingAsync(FaxInboxDetail fax)
    {
        var draft = await DraftOfAsync(fax);
        if ((draft?.Customer?.RecordId ?? fax.Item.CustomerId) is { } customerId)
            await UseCustomerAsync(customerId);
        if (draft is null)
            return;
        _recognized = new RecognizedEntry(draft, fax.Pages);
        _form.DepartmentId = _recognized.DepartmentFor(_form) ?? _form.DepartmentId;
        _recognized.FillLines(_form);
        _recognized.Focused = draft.FirstLow;
        ScheduleQuote();
    }

    /// <summary>A field got the focus: its crop shows (none for a field keyed by hand).</summary>
    private void ReadFocused(RecognizedValue? value)
    {
        if (_recognized is not null)
            _recognized.Focused = value;
    }

    /// <summary>The department select's focus handler: its crop beside a recognised FAX, none keyed by hand.</summary>
    private EventCallback<FocusEventArgs> DepartmentFocus =>
        RecognizedEntry.FocusHandler(this, _recognized, EventCallback.Factory.Create<RecognizedValue?>(this, ReadFocused),
            _recognized?.Draft.Department);

    /// <summary>The department select is still what was read and that needs a look.</summary>
    private bool DepartmentLow => _recognized?.Draft.Department is { IsLow: true } read && read.RecordId == _form.DepartmentId;

    /// <summary>Still being read: reload the page to get the draft.</summary>
    private void ReloadReading() => Navigation.Refresh(forceReload: true);
}
