using SkiaSharp;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>How text gets into a box of the form: typed and printed (from Excel, or by the console), or written by hand.</summary>
public abstract class FormPen
{
    /// <summary>Writes <paramref name="text"/> in <paramref name="box"/> (form units), starting at its left, on its middle.</summary>
    public abstract void Write(SKCanvas canvas, string text, SKRect box);

    /// <summary>Printed text of <paramref name="size"/> form units (30 ≈ 14 pt), shrunk to fit the box.</summary>
    public static FormPen Printed(SKTypeface typeface, float size) => new PrintedPen(typeface, size);

    /// <summary>
    /// Handwriting-like: heavier strokes, slanted, each character a little up or down and apart, the line off the
    /// baseline. No handwriting font is installed on a Debian server, so this is the printed font moved as a hand moves.
    /// </summary>
    public static FormPen Hand(SKTypeface typeface, Random rng, float size = 36) => new HandPen(typeface, rng, size);

    private sealed class PrintedPen(SKTypeface typeface, float size) : FormPen
    {
        public override void Write(SKCanvas canvas, string text, SKRect box)
        {
            using var font = new SKFont(typeface, size);
            var room = box.Width - 24;
            if (font.MeasureText(text) > room)
                font.Size = size * room / font.MeasureText(text);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(text, box.Left + 12, box.MidY + font.Size * 0.36f, font, ink);
        }
    }

    private sealed class HandPen(SKTypeface typeface, Random rng, float size) : FormPen
    {
        public override void Write(SKCanvas canvas, string text, SKRect box)
        {
            using var font = new SKFont(typeface, size) { Embolden = true, SkewX = -0.12f - (float)rng.NextDouble() * 0.1f };
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var gap = 1 + (float)rng.NextDouble() * 3;
            var width = text.Sum(c => font.MeasureText(c.ToString()) + gap);
            var room = box.Width - 24;
            if (width > room)
            {
                font.Size *= room / width;
                gap *= room / width;
            }
            var x = box.Left + 10 + (float)rng.NextDouble() * 8;
            var baseline = box.MidY + font.Size * 0.36f + (float)(rng.NextDouble() - 0.5) * 6;
            foreach (var ch in text)
            {
                var s = ch.ToString();
                canvas.DrawText(s, x, baseline + (float)(rng.NextDouble() - 0.5) * 4, font, ink);
                x += font.MeasureText(s) + gap;
            }
        }
    }
}

/// <summary>
/// The typefaces forms are drawn with. <see cref="Embedded"/> is a Noto Sans CJK JP subset in the assembly (the demo's
/// vocabulary; no system font needed, the same glyphs on every machine); <see cref="ForPrinting"/> prefers the full
/// Noto Sans CJK JP of Debian's fonts-noto-cjk, which has every customer's name, and falls back to the subset.
/// </summary>
public static class FormTypeface
{
    private const string SystemFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    private static readonly Lazy<SKTypeface> EmbeddedFont = new(() =>
    {
        using var stream = typeof(FormTypeface).Assembly.GetManifestResourceStream("SmartOffice.Domain.Demo.DemoFaxFont.otf")
                           ?? throw new InvalidOperationException("The FAX form font is not embedded.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The FAX form font does not load.");
    });

    private static readonly Lazy<SKTypeface> PrintingFont = new(() =>
        (File.Exists(SystemFont) ? SKTypeface.FromFile(SystemFont, 0) : null) ?? EmbeddedFont.Value);

    public static SKTypeface Embedded => EmbeddedFont.Value;

    public static SKTypeface ForPrinting => PrintingFont.Value;
}
