using SmartOffice.Domain.Ordering;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>Where a FAX's reading stands, as order entry and the inbox see it.</summary>
public enum RecognitionStatus
{
    /// <summary>Reading is off (engine missing or switched off): key as before.</summary>
    Off,
    /// <summary>Not read yet (the worker has not reached it).</summary>
    Waiting,
    Reading,
    /// <summary>The order form was read: the draft is filled.</summary>
    Read,
    /// <summary>Not smartoffice's order form: key as before.</summary>
    NotAForm,
    /// <summary>The pages could not be read: key as before.</summary>
    Unreadable,
}

/// <summary>A field's box on the stored page image (<c>/fax/{id}/pages/{PageNumber}.png</c>), in that image's pixels.</summary>
public sealed record FaxFieldBox(int PageNumber, int X, int Y, int Width, int Height);

/// <summary>
/// One pre-filled value: <see cref="Text"/> goes into the entry field (after the catalogue's proposal), <see cref="ReadText"/>
/// is what the engine read, <see cref="Confidence"/> its confidence (0–100). <see cref="IsLow"/>: the agent must look —
/// the engine was unsure, its two readings differed, or a check failed (<see cref="Reason"/> says which, in the UI
/// language). <see cref="RecordId"/> is the customer's or department's id where the value names one.
/// <see cref="FieldId"/> identifies the stored field for <c>KeyedField</c> when the order is saved (null: nothing read).
/// </summary>
public sealed record RecognizedValue(long? FieldId, string Text, string ReadText, float Confidence, bool IsLow, string? Reason,
    FaxFieldBox? Box,
    int? RecordId = null);

/// <summary>One order line as read: its row number on the form (page 2's first row is 9) and its three fields.</summary>
public sealed record RecognizedLine(int LineNumber, RecognizedValue? ProductCode, RecognizedValue? Quantity, RecognizedValue? LineComment)
{
    public IEnumerable<RecognizedValue> Values => new[] { ProductCode, Quantity, LineComment }.OfType<RecognizedValue>();
}

/// <summary>
/// What order entry pre-fills from a FAX (nothing is saved: the agent confirms with every rule, as when keying).
/// <see cref="Customer"/>'s <see cref="RecognizedValue.RecordId"/> is the customer chosen by the rules of the code read
/// and the sender's FAX number; <see cref="Department"/>'s the department. Lines in form order, empty rows left out.
/// </summary>
public sealed record RecognizedOrderDraft(int FaxInboxItemId, RecognitionStatus Status, string? FormId, RecognizedValue? Customer,
    RecognizedValue? Department, RecognizedValue? FaxNumber, IReadOnlyList<RecognizedLine> Lines)
{
    /// <summary>Where the cursor starts: the first value to check, in entry order (customer, department, then the lines).</summary>
    public RecognizedValue? FirstLow =>
        new[] { Customer, Department }.OfType<RecognizedValue>().Concat(Lines.SelectMany(l => l.Values)).FirstOrDefault(v => v.IsLow);

    /// <summary>The lines as the entry form's draft lines.</summary>
    public IReadOnlyList<FaxOrderDraftLine> DraftLines =>
        Lines.Select(l => new FaxOrderDraftLine(l.ProductCode?.Text, l.Quantity?.Text, l.LineComment?.Text)).ToList();

    public static RecognizedOrderDraft Empty(int faxId, RecognitionStatus status) => new(faxId, status, null, null, null, null, []);
}

/// <summary>
/// One field as the agent saved it, for the accuracy figures: the stored field it was pre-filled from (null when the
/// reader missed it), what was pre-filled and what was saved. Given by order entry when it saves a recognised FAX.
/// </summary>
public sealed record KeyedField(long? FieldId, OrderFormField Field, int LineNumber, string? Prefilled, string? Keyed);

/// <summary>A range of Japan days for the accuracy page.</summary>
public sealed record FaxAccuracyQuery(DateOnly From, DateOnly To);

/// <summary>
/// Accuracy figures of one group — a week (<see cref="Week"/>: its Monday), a customer, or everything: FAXes read as the
/// order form, fields read, fields the agents confirmed by saving the order, how many of those they changed, and fields
/// the reader missed that agents keyed.
/// </summary>
public sealed record FaxAccuracyRow(DateOnly? Week, int? CustomerId, string? CustomerCode, string? CustomerName, int Faxes, int FieldsRead,
    int FieldsConfirmed, int FieldsChanged, int FieldsMissed)
{
    /// <summary>Confirmed fields left as read (missed ones count as wrong); null before anything was confirmed.</summary>
    public decimal? Accuracy => FieldsConfirmed + FieldsMissed == 0 ? null
        : Math.Round((decimal)(FieldsConfirmed - FieldsChanged) / (FieldsConfirmed + FieldsMissed), 4);
}

/// <summary>
/// The supervisor's accuracy page: all, per week (Monday first, Japan time), per customer (least accurate first: those are
/// the customers to send a clean, pre-filled form), and the FAXes that were not the form or could not be read.
/// </summary>
public sealed record FaxAccuracyReport(FaxAccuracyRow Total, IReadOnlyList<FaxAccuracyRow> Weeks, IReadOnlyList<FaxAccuracyRow> Customers,
    int NotAForm, int Unreadable);
