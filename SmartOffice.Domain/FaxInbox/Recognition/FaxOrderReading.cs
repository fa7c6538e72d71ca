using L = SmartOffice.Domain.FaxInbox.Recognition.OrderFormLayout;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// The pages of one FAX read as one order: pages that are not the form (a cover letter) are left out, and the form's
/// pages are merged in order — the second form page's first row is line 9. Header fields keep their page; the draft
/// takes each from the first page that has it.
/// </summary>
internal sealed record FaxOrderReading(string? FormId, int FormPages, IReadOnlyList<FaxRecognizedField> Fields)
{
    private const int MaxText = 200;

    public static FaxOrderReading Merge(IReadOnlyList<FormPageReading> pages)
    {
        var forms = pages.Where(p => p.IsForm).OrderBy(p => p.PageNumber).ToList();
        var fields = forms.SelectMany((page, k) => page.Fields.Select(f => new FaxRecognizedField
        {
            Field = f.Field,
            LineNumber = f.Row < 0 ? 0 : k * L.LineRows + f.Row + 1,
            PageNumber = f.PageNumber,
            BoxX = f.Box.Left, BoxY = f.Box.Top, BoxWidth = f.Box.Width, BoxHeight = f.Box.Height,
            Text = Cut(f.Text),
            Alternative = f.Alternative is { } a ? Cut(a) : null,
            Confidence = f.Confidence,
        })).ToList();
        return new FaxOrderReading(forms.Select(p => p.FormId).FirstOrDefault(id => id is not null), forms.Count, fields);
    }

    private static string Cut(string text) => text.Length <= MaxText ? text : text[..MaxText];
}
