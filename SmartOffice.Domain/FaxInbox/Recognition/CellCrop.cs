using SkiaSharp;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// One box of the form cut out of the page, straightened (the placement's inverse map, drawn by SkiaSharp with linear
/// sampling, so skew and the FAX's stretch are undone in the same step) and cleaned for the engine: what is left of the
/// ruled lines and FAX speckle is removed, and the ink is cut tight with a white margin. Null when the box is empty.
/// </summary>
public static class CellCrop
{
    /// <summary>
    /// Pixels per form unit of the two crops a code or number is read from: 150 and 240 dpi (printed digits ≈ 22 and
    /// 35 px high). The engine errs differently at each, so two reads that agree are trusted and two that do not are
    /// not (measured: docs/fax-recognition.md).
    /// </summary>
    public const float Scale = 1.0f, SecondScale = 1.6f;

    private const byte Ink = 150;

    /// <summary>How far inside the box's ruled lines the crop starts (form units): half a line and the FAX's wobble.</summary>
    private const float Inset = 6;

    public static GrayCrop? Take(GrayPage page, FormPlacement placement, SKRect box, float scale = Scale)
    {
        var inner = SKRect.Inflate(box, -Inset, -Inset);
        var (width, height) = ((int)(inner.Width * scale), (int)(inner.Height * scale));
        if (!placement.FormToPage.TryInvert(out var pageToForm))
            return null;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            var map = SKMatrix.CreateScale(scale, scale).PreConcat(SKMatrix.CreateTranslation(-inner.Left, -inner.Top))
                .PreConcat(pageToForm);
            canvas.SetMatrix(map);
            canvas.DrawImage(page.Image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }
        return Clean(bitmap.GetPixelSpan().ToArray(), width, height, scale);
    }

    /// <summary>The ink of the crop, tight, on white, without line remnants and specks; null when too little is left to
    /// be writing.</summary>
    public static GrayCrop? Clean(byte[] pixels, int width, int height, float scale)
    {
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = pixels[i] < Ink ? (byte)0 : (byte)255;
        ClearLongRuns(pixels, width, height);
        var blobs = Blobs.Find(pixels, width, height, new SKRectI(0, 0, width, height), Ink);
        // A speck is a few FAX pixels; writing is taller than a fifth of the box.
        var minArea = (int)(scale * scale * 5);
        var keep = new List<Blob>();
        foreach (var blob in blobs)
        {
            if (blob.Pixels >= minArea && !IsEdgeSliver(blob, width, height, scale))
                keep.Add(blob);
            else
                Whiten(pixels, width, blob.Bounds);
        }
        if (keep.Count == 0 || keep.Max(b => b.Bounds.Height) < height * 0.2f || keep.Sum(b => b.Pixels) < scale * scale * 40)
            return null;
        var bounds = keep.Select(b => b.Bounds).Aggregate(SKRectI.Union);
        return Pad(pixels, width, bounds, (int)(scale * 20));
    }

    /// <summary>A ruled line cut lengthwise: a row or column that is ink for most of the box.</summary>
    private static void ClearLongRuns(byte[] pixels, int width, int height)
    {
        for (var y = 0; y < height; y++)
        {
            var run = LongestRun(pixels, y * width, 1, width);
            if (run > width * 0.6f)
                pixels.AsSpan(y * width, width).Fill(255);
        }
        for (var x = 0; x < width; x++)
        {
            if (LongestRun(pixels, x, width, height) > height * 0.8f)
            {
                for (var y = 0; y < height; y++)
                    pixels[y * width + x] = 255;
            }
        }
    }

    private static int LongestRun(byte[] pixels, int start, int step, int count)
    {
        int best = 0, run = 0;
        for (var i = 0; i < count; i++)
        {
            run = pixels[start + i * step] == 0 ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        return best;
    }

    /// <summary>A thin patch along the crop's edge: a ruled line's shoulder, not writing.</summary>
    private static bool IsEdgeSliver(Blob blob, int width, int height, float scale)
    {
        var b = blob.Bounds;
        var thin = scale * 3;
        return (b.Top <= 1 || b.Bottom >= height - 1) && b.Height <= thin
               || (b.Left <= 1 || b.Right >= width - 1) && b.Width <= thin;
    }

    private static void Whiten(byte[] pixels, int width, SKRectI bounds)
    {
        for (var y = bounds.Top; y < bounds.Bottom; y++)
            pixels.AsSpan(y * width + bounds.Left, bounds.Width).Fill(255);
    }

    private static GrayCrop Pad(byte[] pixels, int width, SKRectI bounds, int margin)
    {
        var (w, h) = (bounds.Width + 2 * margin, bounds.Height + 2 * margin);
        var result = new byte[w * h];
        Array.Fill(result, (byte)255);
        for (var y = 0; y < bounds.Height; y++)
            pixels.AsSpan((bounds.Top + y) * width + bounds.Left, bounds.Width).CopyTo(result.AsSpan((y + margin) * w + margin));
        return new GrayCrop(w, h, result);
    }
}
