using System.Globalization;
using BitMiracle.LibTiff.Classic;
using SkiaSharp;
using SmartOffice.Domain.FaxInbox.Recognition;

namespace SmartOffice.Domain.Demo;

/// <summary>The two resolutions every FAX machine has: standard 204 × 98 dpi and fine 204 × 196 dpi.</summary>
internal enum FaxResolution { Standard, Fine }

/// <summary>
/// What a FAX does to a sheet on its way: scanned 1,728 pixels across (215 mm) at 204 dpi and 98 or 196 lines per inch,
/// fed a little crooked (up to ±2°) and off-centre, made bilevel at a threshold that varies with the paper and the
/// machine, with speckle from dust and line noise, sometimes a scan line lost in transmission (the rows below move up),
/// and the sending machine's header line printed at the top. The pages are written as the CCITT G4 TIFF a FAX server
/// saves, so the console reads them through its real import path.
/// </summary>
internal static class FaxTransmission
{
    public const int ScanWidth = 1728;
    private const float DotsPerMm = ScanWidth / 215f;

    /// <summary>Lines per form unit (1/150 inch) down the page.</summary>
    private static float LinesPerUnit(FaxResolution resolution) => (resolution == FaxResolution.Fine ? 7.7f : 3.85f) * 25.4f / 150;

    private static int ScanHeight(FaxResolution resolution) => (int)(297 * (resolution == FaxResolution.Fine ? 7.7f : 3.85f));

    /// <summary>Sends the pages (each drawn in form units on a white A4 canvas) and returns the received TIFF.</summary>
    public static byte[] Send(IReadOnlyList<Action<SKCanvas>> pages, FaxResolution resolution, Random rng, string senderFax,
        DateTimeOffset sentAt,
        double maxSkewDegrees = 2)
    {
        var scans = pages.Select((draw, i) => Scan(draw, resolution, rng, maxSkewDegrees, Header(senderFax, sentAt, i + 1, pages.Count)))
            .ToList();
        return Tiff(scans, ScanWidth, ScanHeight(resolution), resolution == FaxResolution.Fine ? 196f : 98f);
    }

    private static string Header(string senderFax, DateTimeOffset sentAt, int page, int pages) =>
        string.Create(CultureInfo.InvariantCulture, $"{sentAt:yyyy/MM/dd HH:mm}   FROM: {senderFax}   P.{page:000}/{pages:000}");

    private static byte[] Scan(Action<SKCanvas> draw, FaxResolution resolution, Random rng, double maxSkewDegrees, string header)
    {
        var (width, height) = (ScanWidth, ScanHeight(resolution));
        var xScale = DotsPerMm * 25.4f / 150;
        var yScale = LinesPerUnit(resolution);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true })
            using (var font = new SKFont(FormTypeface.Embedded, 22))
            {
                canvas.Save();
                canvas.Scale(xScale, yScale);
                canvas.DrawText(header, 40, 26, font, ink);
                canvas.Restore();
            }
            // The sheet: off-centre by a few millimetres, rotated about its middle, then sampled at the FAX's pitch.
            var offsetX = (float)(2.5 + (rng.NextDouble() - 0.5) * 4) / 25.4f * 150;
            var offsetY = (float)((rng.NextDouble() - 0.5) * 5) / 25.4f * 150;
            canvas.Scale(xScale, yScale);
            canvas.Translate(offsetX, offsetY);
            canvas.RotateDegrees((float)((rng.NextDouble() * 2 - 1) * maxSkewDegrees), OrderFormLayout.Width / 2,
                OrderFormLayout.Height / 2);
            draw(canvas);
        }
        var pixels = bitmap.GetPixelSpan().ToArray();
        var threshold = rng.Next(105, 165);
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = pixels[i] < threshold ? (byte)0 : (byte)255;
        Speckle(pixels, width, height, rng);
        if (rng.NextDouble() < 0.5)
            DropLine(pixels, width, height, rng);
        return pixels;
    }

    /// <summary>Dust and line noise: single black pixels and a few small clusters.</summary>
    private static void Speckle(byte[] pixels, int width, int height, Random rng)
    {
        var singles = rng.Next(150, 700);
        for (var n = 0; n < singles; n++)
            pixels[rng.Next(pixels.Length)] = 0;
        var clusters = rng.Next(5, 25);
        for (var n = 0; n < clusters; n++)
        {
            var (x, y) = (rng.Next(width - 3), rng.Next(height - 3));
            for (var dy = 0; dy < 2; dy++)
            {
                for (var dx = 0; dx < 2 + rng.Next(2); dx++)
                    pixels[(y + dy) * width + x + dx] = 0;
            }
        }
    }

    /// <summary>A scan line lost in transmission: everything below it moves up one row, the last row stays white.</summary>
    private static void DropLine(byte[] pixels, int width, int height, Random rng)
    {
        var row = rng.Next(height / 10, height - 2);
        Array.Copy(pixels, (row + 1) * width, pixels, row * width, (height - row - 1) * width);
        pixels.AsSpan((height - 1) * width, width).Fill(255);
    }

    /// <summary>A seal (印) pressed on the sheet: a ring with a name in it, red ink that a FAX makes black.</summary>
    public static void Stamp(SKCanvas canvas, SKPoint centre, string name, Random rng)
    {
        using var ring = new SKPaint { Color = SKColors.Black, StrokeWidth = 4, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = new SKFont(FormTypeface.Embedded, 30) { Embolden = true };
        canvas.Save();
        canvas.RotateDegrees((float)(rng.NextDouble() - 0.5) * 30, centre.X, centre.Y);
        canvas.DrawCircle(centre, 40, ring);
        var y = centre.Y - (name.Length - 1) * 15 + 10;
        foreach (var ch in name.Take(2))
        {
            canvas.DrawText(ch.ToString(), centre.X, y, SKTextAlign.Center, font, ink);
            y += 30;
        }
        canvas.Restore();
    }

    /// <summary>
    /// Bilevel pages (0 black, 255 white) as a multi-page CCITT G4 TIFF, 204 dpi across and <paramref name="linesPerInch"/> down;
    /// a null page is blank, written row by row without its pixels (a test's page may declare more than memory holds).
    /// </summary>
    public static byte[] Tiff(IReadOnlyList<byte[]?> scans, int width, int height, float linesPerInch)
    {
        using var stream = new MemoryStream();
        using (var tiff = BitMiracle.LibTiff.Classic.Tiff.ClientOpen("fax.tif", "w", stream, new TiffStream()))
        {
            for (short p = 0; p < scans.Count; p++)
            {
                tiff.SetField(TiffTag.IMAGEWIDTH, width);
                tiff.SetField(TiffTag.IMAGELENGTH, height);
                tiff.SetField(TiffTag.BITSPERSAMPLE, 1);
                tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
                tiff.SetField(TiffTag.COMPRESSION, Compression.CCITTFAX4);
                tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISWHITE);
                tiff.SetField(TiffTag.FILLORDER, FillOrder.MSB2LSB);
                tiff.SetField(TiffTag.XRESOLUTION, 204f);
                tiff.SetField(TiffTag.YRESOLUTION, linesPerInch);
                tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
                tiff.SetField(TiffTag.ROWSPERSTRIP, height);
                tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
                tiff.SetField(TiffTag.PAGENUMBER, p, (short)scans.Count);
                var row = new byte[(width + 7) / 8];
                var pixels = scans[p];
                for (var y = 0; y < height; y++)
                {
                    Array.Clear(row);
                    for (var x = 0; pixels is not null && x < width; x++)
                    {
                        // MINISWHITE: a set bit is black.
                        if (pixels[y * width + x] == 0)
                            row[x >> 3] |= (byte)(0x80 >> (x & 7));
                    }
                    tiff.WriteScanline(row, y);
                }
                tiff.WriteDirectory();
            }
        }
        return stream.ToArray();
    }
}
