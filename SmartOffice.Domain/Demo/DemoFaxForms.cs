using System.Globalization;
using SkiaSharp;
using SmartOffice.Domain.FaxInbox.Recognition;

namespace SmartOffice.Domain.Demo;

/// <summary>A line written on a demo FAX form: a code, a name, a quantity and a remark (any may be empty).</summary>
internal sealed record DemoFaxLine(string Code, string Name, string Quantity, string Remark = "");

/// <summary>What a customer wrote on one of smartoffice's FAX forms, and what their FAX machine printed at the top.</summary>
internal sealed record DemoFaxForm(string Title, string SentFrom, DateTimeOffset SentAt, IReadOnlyList<(string Label, string Value)> Fields,
    IReadOnlyList<string> Columns, IReadOnlyList<DemoFaxLine> Lines, string? Note);

/// <summary>
/// Draws demo FAXes as customers send them: smartoffice's printed forms filled in by hand (bolder, a little crooked), with
/// the sending machine's header line, then made black and white as a FAX arrives. The order form is the real one
/// (<see cref="OrderFormSheet"/>: corner marks, form ID, the boxes the reader reads); the other forms are drawn here
/// (title, desk FAX number, labelled boxes, a line table). The font is a subset of Noto Sans CJK JP embedded in the
/// assembly (<see cref="FormTypeface.Embedded"/>: no system fonts at run time); <c>tools/demo-fax-font.sh</c> makes it
/// again when the demo vocabulary gains characters.
/// </summary>
internal static class DemoFaxForms
{
    private const int Width = 1240, Height = 1754, Margin = 90;
    /// <summary>The typeface the forms are drawn with, for the test that every demo name has its glyphs.</summary>
    internal static SKTypeface Typeface => FormTypeface.Embedded;

    /// <summary>The form as a PNG page (A4 at 150 dpi, grey values only black and white).</summary>
    public static byte[] Render(DemoFaxForm form, Random rng) => Page(form.SentFrom, form.SentAt, rng, canvas => Draw(canvas, form, rng));

    /// <summary>smartoffice's FAX order form (blank, SO-01) as the customer filled it in by hand, as a PNG page like
    /// <see cref="Render"/>.</summary>
    public static byte[] RenderOrder(OrderFormWriting writing, string sentFrom, DateTimeOffset sentAt, Random rng) =>
        Page(sentFrom, sentAt, rng, canvas =>
        {
            OrderFormSheet.DrawForm(canvas, new DeskContactOptions(), null, Typeface);
            OrderFormSheet.Write(canvas, writing, FormPen.Hand(Typeface, rng), FormPen.Printed(Typeface, 24));
        });

    private static byte[] Page(string sentFrom, DateTimeOffset sentAt, Random rng, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true })
            using (var small = new SKFont(Typeface, 24))
            {
                // The sending machine's header line.
                canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"{sentAt:yyyy/MM/dd HH:mm}   FROM: {sentFrom}   P.001/001"),
                    Margin - 40, 44, small, ink);
            }
            // Fed a little crooked, as paper goes through a FAX machine.
            canvas.RotateDegrees((float)(rng.NextDouble() - 0.5) * 1.2f, Width / 2f, Height / 2f);
            draw(canvas);
        }
        Binarise(bitmap, rng);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, DemoFaxForm form, Random rng)
    {
        using var line = new SKPaint { Color = SKColors.Black, StrokeWidth = 3, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var thin = new SKPaint { Color = SKColors.Black, StrokeWidth = 2, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var printed = new SKFont(Typeface, 30);
        using var small = new SKFont(Typeface, 24);
        using var title = new SKFont(Typeface, 56) { Embolden = true };
        using var hand = new SKFont(Typeface, 36) { Embolden = true, SkewX = -0.12f };

        canvas.DrawText(form.Title, Margin, 170, title, ink);
        canvas.DrawText("smartoffice カスタマーデスク行き  FAX 0120-956-808", Margin, 225, printed, ink);
        canvas.DrawLine(Margin, 245, Width - Margin, 245, line);

        var y = 290f;
        foreach (var (label, value) in form.Fields)
        {
            canvas.DrawRect(Margin, y, Width - 2 * Margin, 70, thin);
            canvas.DrawLine(Margin + 260, y, Margin + 260, y + 70, thin);
            canvas.DrawText(label, Margin + 16, y + 46, printed, ink);
            Hand(canvas, value, Margin + 290, y + 50, hand, ink, rng);
            y += 70;
        }

        if (form.Columns.Count > 0)
        {
            y += 40;
            var widths = ColumnWidths(form.Columns.Count);
            var x = (float)Margin;
            canvas.DrawRect(Margin, y, Width - 2 * Margin, 60, line);
            for (var c = 0; c < form.Columns.Count; c++)
            {
                canvas.DrawText(form.Columns[c], x + 12, y + 40, printed, ink);
                x += widths[c];
            }
            y += 60;
            const int rows = 8;
            for (var r = 0; r < rows; r++)
            {
                canvas.DrawRect(Margin, y, Width - 2 * Margin, 72, thin);
                x = Margin;
                for (var c = 0; c < form.Columns.Count; c++)
                {
                    if (c > 0)
                        canvas.DrawLine(x, y, x, y + 72, thin);
                    if (r < form.Lines.Count)
                    {
                        var cell = form.Lines[r];
                        var text = c switch { 0 => cell.Code, 1 => cell.Name, 2 => cell.Quantity, _ => cell.Remark };
                        if (c == 1)
                            canvas.DrawText(Fit(text, widths[c] - 20, printed), x + 10, y + 48, printed, ink);
                        else
                            Hand(canvas, text, x + 12, y + 50, hand, ink, rng);
                    }
                    x += widths[c];
                }
                y += 72;
            }
        }

        if (form.Note is { } note)
        {
            y += 50;
            canvas.DrawText("通信欄", Margin, y, printed, ink);
            canvas.DrawRect(Margin, y + 14, Width - 2 * Margin, 150, thin);
            Hand(canvas, note, Margin + 20, y + 80, hand, ink, rng);
        }
        canvas.DrawText("FAX受付 月〜土(祝日を除く) 9:00〜18:00  お問い合わせ 0120-956-707", Margin, Height - 80, small, ink);
    }

    /// <summary>Code, name, quantity, remark: the name takes what the other columns leave.</summary>
    private static float[] ColumnWidths(int columns)
    {
        var total = Width - 2f * Margin;
        return columns switch
        {
            3 => [300, total - 480, 180],
            _ => [280, total - 700, 160, 260],
        };
    }

    /// <summary>Written by hand: each character a little up or down, the line a little off the baseline.</summary>
    private static void Hand(SKCanvas canvas, string text, float x, float y, SKFont font, SKPaint ink, Random rng)
    {
        var baseline = y + (float)(rng.NextDouble() - 0.5) * 6;
        foreach (var ch in text)
        {
            var s = ch.ToString();
            canvas.DrawText(s, x, baseline + (float)(rng.NextDouble() - 0.5) * 4, font, ink);
            x += font.MeasureText(s) + 1;
        }
    }

    private static string Fit(string text, float width, SKFont font)
    {
        if (font.MeasureText(text) <= width)
            return text;
        while (text.Length > 1 && font.MeasureText(text + "…") > width)
            text = text[..^1];
        return text + "…";
    }

    /// <summary>A FAX is black and white: threshold the grey, then a few specks of line noise.</summary>
    private static void Binarise(SKBitmap bitmap, Random rng)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = pixels[i] < 150 ? (byte)0 : (byte)255;
        for (var n = 0; n < 160; n++)
            pixels[rng.Next(pixels.Length)] = 0;
    }
}
