using SkiaSharp;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>Small FAX files as FAX servers write them, made on the fly: a scanned page as PDF, PNG, JPEG or CCITT G4 TIFF.</summary>
public static class FaxFiles
{
    /// <summary>A white A4-shaped page with a black frame and a few strokes, as a grey bitmap.</summary>
    public static SKBitmap Page(int width = 620, int height = 877)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, StrokeWidth = 4, Style = SKPaintStyle.Stroke };
        canvas.DrawRect(20, 20, width - 40, height - 40, ink);
        canvas.DrawLine(60, 120, width - 60, 120, ink);
        canvas.DrawLine(60, 200, width / 2, 260, ink);
        return bitmap;
    }

    public static byte[] Png(SKBitmap? page = null) => Encode(page, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(SKBitmap? page = null) => Encode(page, SKEncodedImageFormat.Jpeg);

    /// <summary>A PDF of scanned pages: each page one image (of <paramref name="width"/> × <paramref name="height"/>
    /// pixels), as a FAX server's PDF is.</summary>
    public static byte[] Pdf(int pages = 1, int width = 620, int height = 877)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            for (var i = 0; i < pages; i++)
            {
                using var page = Page(width, height);
                var canvas = document.BeginPage(595, 842);
                canvas.DrawBitmap(page, new SKRect(0, 0, 595, 842));
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>A PDF of drawn lines and no image: a document printed to PDF, not a scanned FAX.</summary>
    public static byte[] DrawnPdf()
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(595, 842);
            using var ink = new SKPaint { Color = SKColors.Black, StrokeWidth = 2, Style = SKPaintStyle.Stroke };
            canvas.DrawRect(40, 40, 515, 762, ink);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A bilevel TIFF compressed CCITT G4 at FAX standard resolution (204×98 dpi: rows are half as dense): a frame and a diagonal,
    /// or <paramref name="blank"/> pages, which compress to almost nothing whatever size they declare.
    /// </summary>
    public static byte[] FaxTiff(int pages = 2, int width = 864, int height = 560, bool blank = false)
    {
        if (blank)
            return SmartOffice.Domain.Demo.FaxTransmission.Tiff(new byte[]?[pages], width, height, 98f);
        var page = new byte[width * height];
        Array.Fill(page, (byte)255);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (y < 4 || y >= height - 4 || x < 4 || x >= width - 4 || x == y * width / height)
                    page[y * width + x] = 0;
            }
        }
        return SmartOffice.Domain.Demo.FaxTransmission.Tiff(Enumerable.Repeat<byte[]?>(page, pages).ToList(), width, height, 98f);
    }

    private static byte[] Encode(SKBitmap? page, SKEncodedImageFormat format)
    {
        var bitmap = page ?? Page();
        try
        {
            using var data = bitmap.Encode(format, 90);
            return data.ToArray();
        }
        finally
        {
            if (page is null)
                bitmap.Dispose();
        }
    }
}
