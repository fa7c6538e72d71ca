using SkiaSharp;
using L = SmartOffice.Domain.FaxInbox.Recognition.OrderFormLayout;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// One field as read: what, where (page, line row on that page — −1 for the header — and its pixel box on the stored page
/// image, for showing the crop), the text and the engine's confidence (0–100). Codes and numbers are read twice, at two
/// scales: <see cref="Alternative"/> is the other reading when the two differ (the confidence is then halved), null
/// when they agree or the field was read once.
/// </summary>
public sealed record FieldReading(OrderFormField Field, int PageNumber, int Row, string Text, float Confidence, SKRectI Box,
    string? Alternative = null)
{
    /// <summary>Both readings gave the same text.</summary>
    public bool Agreed => Alternative is null;
}

/// <summary>One page: whether it is the order form, which form (SO-01 blank, SO-02 pre-filled), its skew, and the fields read.</summary>
public sealed record FormPageReading(int PageNumber, bool IsForm, string? FormId, float SkewDegrees, IReadOnlyList<FieldReading> Fields);

/// <summary>
/// Reads one page of a FAX as the order form: finds it (<see cref="FormRegistration"/>), then reads box by box — the
/// customer code, department and FAX number, and each of the eight rows' product code, quantity and comment — with the
/// alphabet each box allows. Empty boxes are not read. Stateless; the engine is the caller's (one per thread).
/// </summary>
public static class OrderFormReader
{
    public static FormPageReading Read(GrayPage page, int pageNumber, IOcrEngine engine)
    {
        var placement = FormRegistration.Find(page);
        if (placement is null || placement.RuledLinesFound < FormRegistration.RuledLinesNeeded)
            return new FormPageReading(pageNumber, false, null, placement?.SkewDegrees ?? 0, []);
        var fields = new List<FieldReading>();

        void ReadBox(OrderFormField field, int row, OcrAlphabet alphabet)
        {
            var box = L.FieldBox(field, Math.Max(row, 0));
            if (CellCrop.Take(page, placement, box) is not { } crop)
                return;
            var read = engine.Read(crop, alphabet);
            var reading = new FieldReading(field, pageNumber, row, Normalise(read.Text, alphabet), read.Confidence, placement.PageBox(box));
            if (alphabet != OcrAlphabet.Japanese && CellCrop.Take(page, placement, box, CellCrop.SecondScale) is { } larger)
            {
                var second = engine.Read(larger, alphabet);
                reading = Combine(reading, second with { Text = Normalise(second.Text, alphabet) });
            }
            fields.Add(reading);
        }

        ReadBox(OrderFormField.CustomerCode, -1, OcrAlphabet.Digits);
        ReadBox(OrderFormField.Department, -1, OcrAlphabet.Japanese);
        ReadBox(OrderFormField.FaxNumber, -1, OcrAlphabet.FaxNumber);
        for (var row = 0; row < L.LineRows; row++)
        {
            ReadBox(OrderFormField.ProductCode, row, OcrAlphabet.Code);
            ReadBox(OrderFormField.Quantity, row, OcrAlphabet.Digits);
            ReadBox(OrderFormField.LineComment, row, OcrAlphabet.Japanese);
        }
        return new FormPageReading(pageNumber, true, FormId(page, placement, engine), placement.SkewDegrees, fields);
    }

    /// <summary>SO-01 or SO-02 when the ID box reads as one of them (at most one character off); null otherwise.</summary>
    private static string? FormId(GrayPage page, FormPlacement placement, IOcrEngine engine)
    {
        if (CellCrop.Take(page, placement, L.FormIdBox) is not { } crop)
            return null;
        var text = engine.Read(crop, OcrAlphabet.FormId).Text.Replace(" ", "");
        return new[] { L.BlankFormId, L.PrefilledFormId }.FirstOrDefault(id => text.EndsWith(id[^2..], StringComparison.Ordinal)
            && text.Length <= id.Length + 1);
    }

    /// <summary>
    /// Two readings of one box: the same text keeps the lower confidence; different texts keep the surer one (an empty
    /// reading never wins) with the other as the alternative and half the confidence.
    /// </summary>
    private static FieldReading Combine(FieldReading first, OcrText second)
    {
        if (second.Text == first.Text)
            return first with { Confidence = Math.Min(first.Confidence, second.Confidence) };
        var secondWins = first.Text.Length == 0 || second.Text.Length > 0 && second.Confidence > first.Confidence;
        var (text, other) = secondWins ? (second.Text, first.Text) : (first.Text, second.Text);
        return first with { Text = text, Alternative = other, Confidence = Math.Min(first.Confidence, second.Confidence) / 2 };
    }

    /// <summary>Codes and numbers without the spaces the engine puts between widely written characters.</summary>
    private static string Normalise(string text, OcrAlphabet alphabet) =>
        alphabet == OcrAlphabet.Japanese ? text.Trim() : text.Replace(" ", "");
}
