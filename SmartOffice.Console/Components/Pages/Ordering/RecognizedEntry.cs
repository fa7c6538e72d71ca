using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>
/// Order entry beside a FAX that was read (#25, docs/fax-recognition.md): the draft pre-fills the form, says where the
/// cursor starts and which value a focused field shows the crop of, and at the save tells what the agent did with each
/// field read. The draft is only a proposal: the agent saves it with every rule, as when keying.
/// </summary>
public sealed class RecognizedEntry(RecognizedOrderDraft draft, IReadOnlyList<FaxPageSize> pages)
{
    public RecognizedOrderDraft Draft => draft;

    /// <summary>The stored page images' sizes, for the crops.</summary>
    public IReadOnlyList<FaxPageSize> Pages => pages;

    /// <summary>The value whose crop shows beside its field (the field focused); null shows none.</summary>
    public RecognizedValue? Focused { get; set; }

    /// <summary>Values the agent must look at.</summary>
    public int LowCount => new[] { draft.Customer, draft.Department }.OfType<RecognizedValue>()
        .Concat(draft.Lines.SelectMany(l => l.Values)).Count(v => v.IsLow);

    /// <summary>
    /// The lines read, as typed text (so the grid's 全角→半角 and the quote run on them), then blank lines to key more.
    /// </summary>
    public void FillLines(OrderEntryForm form)
    {
        form.Lines.Clear();
        form.Lines.AddRange(draft.Lines.Select(l => new EntryLine
        {
            Code = l.ProductCode?.Text ?? "", Quantity = l.Quantity?.Text ?? "", Comment = l.LineComment?.Text ?? "", Read = l,
        }));
        do
            form.Lines.Add(new EntryLine());
        while (form.Lines.Count < OrderEntryForm.InitialLines);
    }

    /// <summary>The department read, when it is one of the chosen customer's.</summary>
    public int? DepartmentFor(OrderEntryForm form) =>
        draft.Department?.RecordId is { } id && form.Customer?.Departments.Any(d => d.Id == id) == true ? id : null;

    /// <summary>Where the cursor starts: the first low value's field; null when every value is sure (the page's usual start).</summary>
    public string? FirstLowSelector(OrderEntryForm form)
    {
        if (draft.FirstLow is not { } low)
            return null;
        if (ReferenceEquals(low, draft.Customer))
            return "#customer-search";
        if (ReferenceEquals(low, draft.Department))
            return "#department";
        for (var i = 0; i < form.Lines.Count; i++)
        {
            if (form.Lines[i].Read is not { } read)
                continue;
            if (ReferenceEquals(low, read.ProductCode))
                return OrderLineGrid.FieldSelector(i, "code");
            if (ReferenceEquals(low, read.Quantity))
                return OrderLineGrid.FieldSelector(i, "qty");
            if (ReferenceEquals(low, read.LineComment))
                return OrderLineGrid.FieldSelector(i, "comment");
        }
        return null;
    }

    /// <summary>
    /// What the agent did with each field, as the order is saved: every value read with what was pre-filled and what is
    /// saved (a line removed saves nothing), and every field keyed that nothing was pre-filled into (the reader missed it).
    /// Lines keyed on rows the reader did not find are numbered as the order numbers them.
    /// </summary>
    public IReadOnlyList<KeyedField> Keyed(OrderEntryForm form)
    {
        var keyed = new List<KeyedField>();
        void Header(RecognizedValue? value, OrderFormField field, string? saved)
        {
            if (value?.FieldId is { } id)
                keyed.Add(new KeyedField(id, field, 0, Text(value.Text), Text(saved)));
            else if (value?.RecordId is null && Text(saved) is { } missed)
                keyed.Add(new KeyedField(null, field, 0, null, missed));
        }

        Header(draft.Customer, OrderFormField.CustomerCode, form.Customer?.Customer.Code);
        Header(draft.Department, OrderFormField.Department,
            form.Customer?.Departments.FirstOrDefault(d => d.Id == form.DepartmentId)?.Name);
        foreach (var read in draft.Lines)
        {
            var line = form.Lines.FirstOrDefault(l => ReferenceEquals(l.Read, read));
            Field(read.LineNumber, read.ProductCode, OrderFormField.ProductCode, line?.Code);
            Field(read.LineNumber, read.Quantity, OrderFormField.Quantity, line?.Quantity);
            Field(read.LineNumber, read.LineComment, OrderFormField.LineComment, line?.Comment);
        }
        var count = form.Lines.FindLastIndex(l => !l.IsBlank) + 1;
        for (var i = 0; i < count; i++)
        {
            if (form.Lines[i].Read is not null)
                continue;
            Field(i + 1, null, OrderFormField.ProductCode, form.Lines[i].Code);
            Field(i + 1, null, OrderFormField.Quantity, form.Lines[i].Quantity);
            Field(i + 1, null, OrderFormField.LineComment, form.Lines[i].Comment);
        }
        return keyed;

        void Field(int lineNumber, RecognizedValue? value, OrderFormField field, string? saved)
        {
            if (value?.FieldId is { } id)
                keyed.Add(new KeyedField(id, field, lineNumber, Text(value.Text), Text(saved)));
            else if (Text(saved) is { } missed)
                keyed.Add(new KeyedField(null, field, lineNumber, Text(value?.Text), missed));
        }
    }

    /// <summary>
    /// A field's focus handler: beside a recognised FAX it tells <paramref name="focused"/> the value read into the field (its
    /// crop shows); keyed by hand there is none, so Enter moving field to field sends the server no event and renders nothing.
    /// </summary>
    public static EventCallback<FocusEventArgs> FocusHandler(object receiver, RecognizedEntry? entry,
        EventCallback<RecognizedValue?> focused,
        RecognizedValue? value) =>
        entry is null ? default : EventCallback.Factory.Create<FocusEventArgs>(receiver, () => focused.InvokeAsync(value));

    /// <summary>Whether <paramref name="text"/> is still what was pre-filled, as the domain reads both (「３」 is 3).</summary>
    public static bool Unchanged(RecognizedValue value, string? text) =>
        JapaneseInput.Normalize(value.Text).ToUpperInvariant() == JapaneseInput.Normalize(text).ToUpperInvariant();

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
