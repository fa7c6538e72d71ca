using System.Text;
using BitMiracle.LibTiff.Classic;
using SkiaSharp;
using UglyToad.PdfPig;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>One page ready for the screen: a grey PNG, scaled to the page width setting.</summary>
public sealed record FaxRenderedPage(int Width, int Height, byte[] Png);

/// <summary>What a FAX file really is (by its content, not its name) and its pages.</summary>
public sealed record FaxRendering(string ContentType, IReadOnlyList<FaxRenderedPage> Pages);

/// <summary>A file that cannot become a FAX item; <see cref="Exception.Message"/> is the technical detail.</summary>
public sealed class FaxFileException(FaxFileProblem problem, string detail) : Exception(detail)
{
    public FaxFileProblem Problem { get; } = problem;
}

/// <summary>
/// Turns a received FAX file into page images: PDF (each page's scanned image, as FAX servers write them — a FAX is a
/// raster; PdfPig), TIFF (every page, CCITT G3/G4 included, non-square FAX resolutions such as 204×98 dpi stretched
/// back to shape; LibTiff.NET), PNG and JPEG (SkiaSharp). Every page becomes an 8-bit grey PNG. Anything that does not
/// decode throws <see cref="FaxFileException"/> naming the problem — the watcher quarantines such files. A page's pixel
/// count is read from its header and checked against <paramref name="maxPagePixels"/> before any pixel is allocated, and
/// again for the page as it is drawn (a TIFF's resolutions stretch it), so a few KB declaring billions of pixels cost nothing.
/// </summary>
public sealed class FaxPageRenderer(int maxPageWidth, int maxPages, long maxBytes, long maxPagePixels)
{
    public const string PdfType = "application/pdf", PngType = "image/png", JpegType = "image/jpeg", TiffType = "image/tiff";

    /// <summary>The extensions a FAX file may have.</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff" };

    /// <summary>A raster of more than <see cref="int.MaxValue"/> pixels cannot be held whatever the setting says.</summary>
    public static FaxPageRenderer From(FaxInboxOptions options) =>
        new(options.MaxPageWidth, options.MaxPages, options.MaxFileMegabytes * 1024L * 1024L,
            Math.Min(options.MaxPagePixels, int.MaxValue));

    /// <summary>Refuses a file by its length alone, before it is read.</summary>
    /// <exception cref="FaxFileException">Longer than the <c>FaxInbox:MaxFileMegabytes</c> setting.</exception>
    public void CheckLength(long length)
    {
        if (length > maxBytes)
            throw new FaxFileException(FaxFileProblem.TooLarge, Invariant($"{length:N0} bytes, more than {maxBytes:N0}"));
    }

    /// <exception cref="FaxFileException">The file is empty, too large, of another type, or does not decode.</exception>
    public FaxRendering Render(string fileName, ReadOnlySpan<byte> content)
    {
        if (!Extensions.Contains(Path.GetExtension(fileName)))
            throw new FaxFileException(FaxFileProblem.UnsupportedType,
                $"'{Path.GetExtension(fileName)}' is not one of {string.Join(' ', Extensions)}");
        if (content.Length == 0)
            throw new FaxFileException(FaxFileProblem.Empty, "the file has 0 bytes");
        CheckLength(content.Length);
        var bytes = content.ToArray();
        var type = Sniff(content) ?? throw new FaxFileException(FaxFileProblem.NotAnImage, "the content is not PDF, PNG, JPEG or TIFF");
        try
        {
            var pages = type switch
            {
                PdfType => PdfPages(bytes),
                TiffType => TiffPages(bytes),
                _ => [Page(Decode(bytes, 1) ?? throw new FaxFileException(FaxFileProblem.DamagedImage, $"the {type} image does not decode"),
                    1)],
            };
            return new FaxRendering(type, pages);
        }
        catch (Exception e) when (e is not FaxFileException)
        {
            // Decoders meet cut-off data with all kinds of exceptions: each is a damaged file, never a crashed watcher.
            throw new FaxFileException(type == PdfType ? FaxFileProblem.DamagedPdf : FaxFileProblem.DamagedImage,
                $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The type by the file's first bytes (a PDF may have a little junk before its header).</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => PngType,
        [0xFF, 0xD8, 0xFF, ..] => JpegType,
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => TiffType,
        _ when content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0 => PdfType,
        _ => null,
    };

    private List<FaxRenderedPage> PdfPages(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        CheckPageCount(document.NumberOfPages);
        var pages = new List<FaxRenderedPage>();
        foreach (var page in document.GetPages())
        {
            // A FAX page is one scanned image; a page may carry a small logo too: the largest image is the page.
            var image = page.GetImages().MaxBy(i => (long)i.WidthInSamples * i.HeightInSamples)
                        ?? throw new FaxFileException(FaxFileProblem.PdfPageWithoutImage, $"page {page.Number} has no scanned image");
            // The PDF's own account of the image first, then the embedded JPEG's (which may say otherwise).
            CheckPixels(image.WidthInSamples, image.HeightInSamples, page.Number);
            var bitmap = (image.TryGetPng(out var png) ? Decode(png, page.Number) : null)
                         ?? Decode(image.RawMemory.ToArray(), page.Number)
                         ?? throw new FaxFileException(FaxFileProblem.DamagedPdf, $"the image of page {page.Number} does not decode");
            pages.Add(Page(bitmap, page.Number));
        }
        return pages.Count > 0 ? pages : throw new FaxFileException(FaxFileProblem.DamagedPdf, "the PDF has no pages");
    }

    private List<FaxRenderedPage> TiffPages(byte[] bytes)
    {
        // Only LibTiff's decoding needs the lock (its one error handler): pages are scaled and encoded after it, so
        // renderings on several threads overlap (docs/performance.md, fax-recognition).
        var decoded = new List<(SKBitmap Bitmap, int Number, float Stretch)>();
        try
        {
            TiffBitmaps(bytes, decoded);
        }
        catch
        {
            decoded.ForEach(d => d.Bitmap.Dispose());
            throw;
        }
        return decoded.Select(d => Page(d.Bitmap, d.Number, d.Stretch)).ToList();
    }

    private void TiffBitmaps(byte[] bytes, List<(SKBitmap Bitmap, int Number, float Stretch)> decoded)
    {
        lock (TiffErrors.Gate)
        {
            TiffErrors.Messages.Clear();
            using var tiff = Tiff.ClientOpen("fax", "r", new MemoryStream(bytes), new TiffStream())
                             ?? throw new FaxFileException(FaxFileProblem.DamagedImage, "the TIFF does not open: " + TiffErrors.Messages);
            var count = tiff.NumberOfDirectories();
            CheckPageCount(count);
            for (short n = 0; n < count; n++)
            {
                if (!tiff.SetDirectory(n))
                    throw new FaxFileException(FaxFileProblem.DamagedImage, $"TIFF page {n + 1} does not open: {TiffErrors.Messages}");
                var width = tiff.GetField(TiffTag.IMAGEWIDTH)[0].ToInt();
                var height = tiff.GetField(TiffTag.IMAGELENGTH)[0].ToInt();
                CheckPixels(width, height, n + 1);
                var raster = new int[width * height];
                if (!tiff.ReadRGBAImageOriented(width, height, raster, Orientation.TOPLEFT) || TiffErrors.Messages.Length > 0)
                    throw new FaxFileException(FaxFileProblem.DamagedImage, $"TIFF page {n + 1} does not decode: {TiffErrors.Messages}");
                using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
                var pixels = bitmap.GetPixelSpan();
                for (var i = 0; i < raster.Length; i++)
                    pixels[i] = (byte)((Tiff.GetR(raster[i]) * 299 + Tiff.GetG(raster[i]) * 587 + Tiff.GetB(raster[i]) * 114) / 1000);
                // FAX standard resolution is 204×98 dpi: stretch the rows back so the page keeps its shape.
                var stretch = Resolution(tiff, TiffTag.XRESOLUTION) is { } x && Resolution(tiff, TiffTag.YRESOLUTION) is { } y
                    && y > 0 ? x / y : 1f;
                decoded.Add((bitmap.Copy(), n + 1, stretch));
            }
        }
    }

    private static float? Resolution(Tiff tiff, TiffTag tag) => tiff.GetField(tag) is { Length: > 0 } value ? value[0].ToFloat() : null;

    private void CheckPageCount(int count)
    {
        if (count > maxPages)
            throw new FaxFileException(FaxFileProblem.TooManyPages, $"{count} pages, more than {maxPages}");
    }

    /// <summary>A page's size as its header declares it, before anything of that size is allocated.</summary>
    private void CheckPixels(long width, long height, int page)
    {
        if (width <= 0 || height <= 0)
            throw new FaxFileException(FaxFileProblem.DamagedImage, Invariant($"page {page} declares {width} × {height} pixels"));
        if (width * height > maxPagePixels)
            throw new FaxFileException(FaxFileProblem.PageTooLarge,
                Invariant($"page {page} declares {width:N0} × {height:N0} = {width * height:N0} pixels, more than {maxPagePixels:N0}"));
    }

    /// <summary>PNG or JPEG bytes, their size checked from the header first; null when Skia does not know the format.</summary>
    private SKBitmap? Decode(byte[] encoded, int page)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null)
            return null;
        CheckPixels(codec.Info.Width, codec.Info.Height, page);
        return SKBitmap.Decode(codec);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Grey, at most the page width setting, rows stretched by <paramref name="stretch"/>; disposes the bitmap.</summary>
    private FaxRenderedPage Page(SKBitmap decoded, int number, float stretch = 1f)
    {
        using (decoded)
        {
            if (decoded.Width <= 0 || decoded.Height <= 0)
                throw new FaxFileException(FaxFileProblem.DamagedImage, $"page {number} has no pixels");
            var scale = Math.Min(1f, (float)maxPageWidth / decoded.Width);
            var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
            // A TIFF's resolutions may claim any stretch: the drawn page is held to the same limit.
            var drawnHeight = Math.Max(1d, Math.Round(decoded.Height * (double)scale * stretch));
            CheckPixels(width, (long)Math.Min(drawnHeight, long.MaxValue / Math.Max(width, 1)), number);
            var height = (int)drawnHeight;
            using var grey = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
            using (var canvas = new SKCanvas(grey))
            using (var image = SKImage.FromBitmap(decoded))
            {
                canvas.Clear(SKColors.White);
                canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            }
            using var data = grey.Encode(SKEncodedImageFormat.Png, 100)
                             ?? throw new FaxFileException(FaxFileProblem.DamagedImage, $"page {number} cannot be encoded");
            return new FaxRenderedPage(width, height, data.ToArray());
        }
    }

    /// <summary>LibTiff reports through one process-wide handler: collected here, read under the lock.</summary>
    private sealed class TiffErrors : TiffErrorHandler
    {
        public static readonly object Gate = new();
        public static readonly StringBuilder Messages = new();

        static TiffErrors() => Tiff.SetErrorHandler(new TiffErrors());

        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) =>
            Messages.Append(method).Append(": ").AppendFormat(System.Globalization.CultureInfo.InvariantCulture, format, args).Append(' ');

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) =>
            ErrorHandler(tif, method, format, args);

        // Warnings (unknown tags…) are common in FAX servers' TIFFs and harmless.
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args) { }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }
    }
}
