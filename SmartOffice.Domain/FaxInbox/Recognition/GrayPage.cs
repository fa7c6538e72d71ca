using SkiaSharp;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>A FAX page as 8-bit grey pixels (0 = black), decoded once from the stored PNG; also an image for SkiaSharp
/// to crop from.</summary>
public sealed class GrayPage : IDisposable
{
    private readonly SKBitmap _bitmap;

    private GrayPage(SKBitmap bitmap)
    {
        _bitmap = bitmap;
        Pixels = bitmap.GetPixelSpan().ToArray();
        Image = SKImage.FromBitmap(bitmap);
    }

    public int Width => _bitmap.Width;
    public int Height => _bitmap.Height;
    public byte[] Pixels { get; }
    public SKImage Image { get; }

    /// <summary>The page of a stored PNG (<see cref="FaxPage.Png"/>), whatever its colour type.</summary>
    /// <exception cref="ArgumentException">The bytes are not an image.</exception>
    public static GrayPage FromPng(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new ArgumentException("The page is not an image.", nameof(png));
        return FromBitmap(decoded);
    }

    public static GrayPage FromBitmap(SKBitmap source)
    {
        if (source.ColorType == SKColorType.Gray8)
            return new GrayPage(source.Copy());
        var grey = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(grey))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(source, 0, 0);
        }
        return new GrayPage(grey);
    }

    public bool IsInk(int x, int y, byte threshold) =>
        (uint)x < (uint)Width && (uint)y < (uint)Height && Pixels[y * Width + x] < threshold;

    public void Dispose()
    {
        Image.Dispose();
        _bitmap.Dispose();
    }
}

/// <summary>A connected patch of ink: its pixel box, how many pixels, and their centre.</summary>
public readonly record struct Blob(SKRectI Bounds, int Pixels, SKPoint Centre);

/// <summary>Connected patches of ink (8-neighbours) in a region of a grey image.</summary>
public static class Blobs
{
    public static List<Blob> Find(GrayPage page, SKRectI region, byte threshold) =>
        Find(page.Pixels, page.Width, page.Height, region, threshold);

    public static List<Blob> Find(byte[] pixels, int width, int height, SKRectI region, byte threshold)
    {
        region = SKRectI.Intersect(region, new SKRectI(0, 0, width, height));
        var blobs = new List<Blob>();
        if (region.IsEmpty)
            return blobs;
        var seen = new bool[region.Width * region.Height];
        var stack = new Stack<int>();
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                var local = (y - region.Top) * region.Width + x - region.Left;
                if (seen[local] || pixels[y * width + x] >= threshold)
                    continue;
                seen[local] = true;
                stack.Push(local);
                int count = 0, left = x, right = x, top = y, bottom = y;
                long sumX = 0, sumY = 0;
                while (stack.Count > 0)
                {
                    var at = stack.Pop();
                    var (px, py) = (at % region.Width + region.Left, at / region.Width + region.Top);
                    count++;
                    sumX += px;
                    sumY += py;
                    (left, right, top, bottom) = (Math.Min(left, px), Math.Max(right, px), Math.Min(top, py), Math.Max(bottom, py));
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var (nx, ny) = (px + dx, py + dy);
                            if (nx < region.Left || nx >= region.Right || ny < region.Top || ny >= region.Bottom)
                                continue;
                            var n = (ny - region.Top) * region.Width + nx - region.Left;
                            if (seen[n] || pixels[ny * width + nx] >= threshold)
                                continue;
                            seen[n] = true;
                            stack.Push(n);
                        }
                    }
                }
                blobs.Add(new Blob(new SKRectI(left, top, right + 1, bottom + 1), count,
                    new SKPoint((float)sumX / count + 0.5f, (float)sumY / count + 0.5f)));
            }
        }
        return blobs;
    }
}
