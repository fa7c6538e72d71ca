using SkiaSharp;
using L = SmartOffice.Domain.FaxInbox.Recognition.OrderFormLayout;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// Where the form lies on a FAX page: the affine map from form units to page pixels (position, scale, the FAX's
/// 204 × 98 or 204 × 196 stretch, and the skew of paper fed crooked), and how well the ruled lines sit where it says.
/// </summary>
public sealed record FormPlacement(SKMatrix FormToPage, float SkewDegrees, float RuledLinesFound)
{
    /// <summary>A box of the form (form units) as the page's pixel box around it (axis-aligned).</summary>
    public SKRectI PageBox(SKRect formBox)
    {
        var r = FormToPage.MapRect(formBox);
        return SKRectI.Round(r);
    }
}

/// <summary>
/// Finds the order form on a page by its printed anchors: the four solid corner marks give the map from form units to
/// the page (least squares over the four, or exact with three when a corner is lost); then the table's ruled lines are
/// sampled where the map puts them, and the page is the form only when most of them are there — a page with four dark
/// squares and no table, or a table without the marks (another form, a letter), is not.
/// </summary>
public static class FormRegistration
{
    /// <summary>Share of ruled lines that must be found for the page to be the form.</summary>
    public const float RuledLinesNeeded = 0.8f;

    private const byte Ink = 140;

    public static FormPlacement? Find(GrayPage page)
    {
        var marks = new SKPoint?[4];
        var expected = L.MarkSize * page.Width / L.Width;
        for (var i = 0; i < 4; i++)
            marks[i] = FindMark(page, i, expected);
        var found = Enumerable.Range(0, 4).Where(i => marks[i] is not null).ToList();
        if (found.Count < 3)
            return null;
        var map = Solve(found.Select(i => (L.MarkCentres[i], marks[i]!.Value)).ToList());
        if (map is not { } m)
            return null;
        var skew = (float)(Math.Atan2(m.SkewY, m.ScaleX) * 180 / Math.PI);
        // Scale and aspect must be those of an A4 page on a FAX (fine or standard, already stretched back to shape).
        var scaleX = Math.Sqrt(m.ScaleX * m.ScaleX + m.SkewY * m.SkewY) * L.Width / page.Width;
        var scaleY = Math.Sqrt(m.SkewX * m.SkewX + m.ScaleY * m.ScaleY) * L.Height / page.Height;
        if (Math.Abs(skew) > 6 || scaleX is < 0.75 or > 1.15 || scaleY is < 0.75 or > 1.15)
            return null;
        var placement = new FormPlacement(m, skew, 0);
        var lines = L.RuledLines().ToList();
        var present = lines.Count(y => LineIsThere(page, m, y));
        var columns = L.ColumnEdges.Skip(1).SkipLast(1).Count(x => ColumnIsThere(page, m, x));
        var share = (present + columns) / (float)(lines.Count + L.ColumnEdges.Length - 2);
        return placement with { RuledLinesFound = share };
    }

    /// <summary>The centre of the corner mark <paramref name="corner"/> (0 top left, 1 top right, 2 bottom left, 3 bottom right).</summary>
    private static SKPoint? FindMark(GrayPage page, int corner, float expected)
    {
        var regionWidth = (int)(page.Width * 0.2f);
        var regionHeight = (int)(page.Height * 0.14f);
        var left = corner % 2 == 0 ? 0 : page.Width - regionWidth;
        var top = corner < 2 ? 0 : page.Height - regionHeight;
        var want = L.MarkCentres[corner];
        var near = new SKPoint(want.X * page.Width / L.Width, want.Y * page.Height / L.Height);
        SKPoint? best = null;
        var bestDistance = float.MaxValue;
        foreach (var blob in Blobs.Find(page, new SKRectI(left, top, left + regionWidth, top + regionHeight), Ink))
        {
            var (w, h) = (blob.Bounds.Width, blob.Bounds.Height);
            if (w < expected * 0.6f || w > expected * 1.45f || h < expected * 0.6f || h > expected * 1.45f)
                continue;
            if (Math.Abs(w - h) > expected * 0.3f || blob.Pixels < w * h * 0.75f)
                continue;
            var distance = SKPoint.Distance(blob.Centre, near);
            if (distance < bestDistance)
                (best, bestDistance) = (blob.Centre, distance);
        }
        return best;
    }

    /// <summary>The affine map taking each form point to its page point, by least squares (exact for three).</summary>
    private static SKMatrix? Solve(IReadOnlyList<(SKPoint Form, SKPoint Page)> pairs)
    {
        // Normal equations for x' = a u + b v + c (and y' likewise) over the pairs.
        double suu = 0, suv = 0, svv = 0, su = 0, sv = 0, n = pairs.Count;
        double sxu = 0, sxv = 0, sx = 0, syu = 0, syv = 0, sy = 0;
        foreach (var (f, p) in pairs)
        {
            suu += f.X * f.X; suv += f.X * f.Y; svv += f.Y * f.Y; su += f.X; sv += f.Y;
            sxu += p.X * f.X; sxv += p.X * f.Y; sx += p.X;
            syu += p.Y * f.X; syv += p.Y * f.Y; sy += p.Y;
        }
        double[,] a = { { suu, suv, su }, { suv, svv, sv }, { su, sv, n } };
        var det = Determinant(a);
        if (Math.Abs(det) < 1e-6)
            return null;
        var (ax, bx, cx) = Cramer(a, det, sxu, sxv, sx);
        var (ay, by, cy) = Cramer(a, det, syu, syv, sy);
        return new SKMatrix((float)ax, (float)bx, (float)cx, (float)ay, (float)by, (float)cy, 0, 0, 1);
    }

    private static double Determinant(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
        + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);

    private static (double, double, double) Cramer(double[,] m, double det, double r0, double r1, double r2)
    {
        double Column(int c)
        {
            var copy = (double[,])m.Clone();
            copy[0, c] = r0;
            copy[1, c] = r1;
            copy[2, c] = r2;
            return Determinant(copy) / det;
        }

        return (Column(0), Column(1), Column(2));
    }

    /// <summary>A full-width ruled line at form height <paramref name="y"/>: ink near most of the points along it.</summary>
    private static bool LineIsThere(GrayPage page, SKMatrix map, float y) =>
        InkAlong(page, map, Enumerable.Range(0, 80).Select(i => new SKPoint(L.Margin + 20 + i * (L.Right - L.Margin - 40) / 79, y)),
            vertical: false) >= 0.85f;

    private static bool ColumnIsThere(GrayPage page, SKMatrix map, float x) =>
        InkAlong(page, map, Enumerable.Range(0, 40)
            .Select(i => new SKPoint(x, L.TableTop + 10 + i * (L.TableBottom - L.TableTop - 20) / 39)), vertical: true) >= 0.85f;

    /// <summary>The share of <paramref name="points"/> with ink within a few pixels across the line.</summary>
    private static float InkAlong(GrayPage page, SKMatrix map, IEnumerable<SKPoint> points, bool vertical)
    {
        var reach = Math.Max(3, (int)Math.Round(4f * page.Width / L.Width));
        int hits = 0, total = 0;
        foreach (var point in points)
        {
            var p = map.MapPoint(point);
            total++;
            for (var d = -reach; d <= reach; d++)
            {
                var (x, y) = vertical ? ((int)p.X + d, (int)p.Y) : ((int)p.X, (int)p.Y + d);
                if (page.IsInk(x, y, Ink))
                {
                    hits++;
                    break;
                }
            }
        }
        return total == 0 ? 0 : hits / (float)total;
    }
}
