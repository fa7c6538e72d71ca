using System.Globalization;
using System.Resources;
using SkiaSharp;
using L = SmartOffice.Domain.FaxInbox.Recognition.OrderFormLayout;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>A product printed on a pre-filled form (one of the customer's usual products).</summary>
public sealed record OrderFormProduct(string Code, string Name);

/// <summary>
/// What is printed on the form before the desk faxes it to a customer: their code, name, department and FAX number, and
/// their usual products in the first rows (the customer writes only the quantities of those wanted).
/// </summary>
public sealed record OrderFormPreprint(string CustomerCode, string CompanyName, string Department, string? FaxNumber,
    IReadOnlyList<OrderFormProduct> Products);

/// <summary>One row as the customer fills it in.</summary>
public sealed record OrderFormWrittenLine(string? Code, string? Name, string? Quantity, string? Comment);

/// <summary>What the customer writes on the form (any may be empty).</summary>
public sealed record OrderFormWriting(string? CustomerCode, string? Company, string? Department, string? Person, string? FaxNumber,
    IReadOnlyList<OrderFormWrittenLine> Lines, string? Note = null);

/// <summary>
/// Draws smartoffice's FAX order form (<see cref="OrderFormLayout"/>): black on white, ruled lines 3 units (0.5 mm) thick
/// as a FAX keeps them, four corner marks, the form ID, and the desk's contact. The words are <c>FaxFormText.resx</c>
/// (Japanese only, as every sheet faxed to customers). The console prints it blank or pre-filled; the demo and the
/// recognition corpus draw it filled in.
/// </summary>
public static class OrderFormSheet
{
    private static readonly ResourceManager Words = new("SmartOffice.Domain.Resources.FaxFormText", typeof(OrderFormSheet).Assembly);

    private static string Word(string key) => Words.GetString(key, DomainText.DataCulture) ?? key;

    /// <summary>The printed form: marks, title, ID, header boxes, line table and note box; pre-filled when
    /// <paramref name="preprint"/> is given.</summary>
    public static void DrawForm(SKCanvas canvas, DeskContactOptions desk, OrderFormPreprint? preprint, SKTypeface typeface)
    {
        using var rule = new SKPaint { Color = SKColors.Black, StrokeWidth = 3, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var label = new SKFont(typeface, 30);
        using var small = new SKFont(typeface, 24);
        using var title = new SKFont(typeface, 56) { Embolden = true };
        using var id = new SKFont(typeface, 46) { Embolden = true };

        foreach (var centre in L.MarkCentres)
            canvas.DrawRect(centre.X - L.MarkSize / 2, centre.Y - L.MarkSize / 2, L.MarkSize, L.MarkSize, ink);
        canvas.DrawText(Word("Title"), L.Margin, L.TitleBaseline, title, ink);
        canvas.DrawRect(L.FormIdBox, rule);
        var formId = preprint is null ? L.BlankFormId : L.PrefilledFormId;
        canvas.DrawText(formId, L.FormIdBox.MidX, L.FormIdBox.Bottom - 17, SKTextAlign.Center, id, ink);
        canvas.DrawText(string.Format(CultureInfo.InvariantCulture, Word("DeskLine"), desk.Name, desk.Fax), L.Margin, L.DeskLineBaseline,
            label, ink);
        canvas.DrawLine(L.Margin, L.RuleY, L.Right, L.RuleY, rule);

        string[] labels = [Word("CustomerCode"), Word("Company"), Word("Department"), Word("Person"), Word("FaxNumber")];
        for (var r = 0; r < L.HeaderRows; r++)
        {
            var top = L.HeaderTop + r * L.HeaderRowHeight;
            canvas.DrawRect(L.Margin, top, L.Right - L.Margin, L.HeaderRowHeight, rule);
            canvas.DrawLine(L.Margin + L.LabelWidth, top, L.Margin + L.LabelWidth, top + L.HeaderRowHeight, rule);
            canvas.DrawText(labels[r], L.Margin + 16, top + 46, label, ink);
        }

        canvas.DrawRect(L.Margin, L.TableTop, L.Right - L.Margin, L.TableBottom - L.TableTop, rule);
        canvas.DrawLine(L.Margin, L.TableTop + L.TableHeaderHeight, L.Right, L.TableTop + L.TableHeaderHeight, rule);
        string[] columns = [Word("ProductCode"), Word("ProductName"), Word("Quantity"), Word("LineComment")];
        for (var c = 0; c < columns.Length; c++)
        {
            canvas.DrawText(columns[c], L.ColumnEdges[c] + 12, L.TableTop + 40, label, ink);
            if (c > 0)
                canvas.DrawLine(L.ColumnEdges[c], L.TableTop, L.ColumnEdges[c], L.TableBottom, rule);
        }
        for (var r = 1; r < L.LineRows; r++)
            canvas.DrawLine(L.Margin, L.Cell(r, 0).Top, L.Right, L.Cell(r, 0).Top, rule);

        canvas.DrawText(Word("Note"), L.Margin, L.NoteTop - 14, label, ink);
        canvas.DrawRect(L.Margin, L.NoteTop, L.Right - L.Margin, L.NoteHeight, rule);
        canvas.DrawText(string.Format(CultureInfo.InvariantCulture, Word("Footer"), desk.Hours, desk.Phone), L.Margin, L.FooterBaseline,
            small, ink);

        if (preprint is not null)
            Preprint(canvas, preprint, typeface);
    }

    private static void Preprint(SKCanvas canvas, OrderFormPreprint preprint, SKTypeface typeface)
    {
        var pen = FormPen.Printed(typeface, 34);
        var text = FormPen.Printed(typeface, 30);
        pen.Write(canvas, preprint.CustomerCode, L.HeaderValue(L.CustomerCodeRow));
        text.Write(canvas, preprint.CompanyName, L.HeaderValue(L.CompanyRow));
        text.Write(canvas, preprint.Department, L.HeaderValue(L.DepartmentRow));
        if (preprint.FaxNumber is { } fax)
            pen.Write(canvas, fax, L.HeaderValue(L.FaxNumberRow));
        using var name = new SKFont(typeface, 22);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (var r = 0; r < Math.Min(L.LineRows, preprint.Products.Count); r++)
        {
            pen.Write(canvas, preprint.Products[r].Code, L.Cell(r, L.CodeColumn));
            Wrapped(canvas, preprint.Products[r].Name, L.Cell(r, L.NameColumn), name, ink);
        }
    }

    /// <summary>A name on one line, or two when it is too long (10.5 pt at least, as every faxed sheet), the rest cut with "…".</summary>
    private static void Wrapped(SKCanvas canvas, string text, SKRect box, SKFont font, SKPaint ink)
    {
        var room = box.Width - 20;
        var first = Fit(text, room, font);
        if (first.Length == text.Length)
        {
            canvas.DrawText(text, box.Left + 10, box.MidY + font.Size * 0.36f, font, ink);
            return;
        }
        var rest = text[first.Length..].TrimStart();
        var second = Fit(rest, room, font);
        canvas.DrawText(first, box.Left + 10, box.MidY - 4, font, ink);
        canvas.DrawText(second.Length == rest.Length ? rest : second[..^1] + "…", box.Left + 10, box.MidY + font.Size - 2, font, ink);
    }

    /// <summary>The longest start of <paramref name="text"/> that fits <paramref name="width"/>.</summary>
    private static string Fit(string text, float width, SKFont font)
    {
        var length = text.Length;
        while (length > 1 && font.MeasureText(text.AsSpan(0, length)) > width)
            length--;
        return text[..length];
    }

    /// <summary>The customer's writing, each value in its box with <paramref name="pen"/>; lines past the eighth are not drawn.</summary>
    public static void Write(SKCanvas canvas, OrderFormWriting writing, FormPen pen, FormPen? namePen = null)
    {
        void Put(string? value, SKRect box)
        {
            if (!string.IsNullOrEmpty(value))
                pen.Write(canvas, value, box);
        }

        Put(writing.CustomerCode, L.HeaderValue(L.CustomerCodeRow));
        Put(writing.Company, L.HeaderValue(L.CompanyRow));
        Put(writing.Department, L.HeaderValue(L.DepartmentRow));
        Put(writing.Person, L.HeaderValue(L.PersonRow));
        Put(writing.FaxNumber, L.HeaderValue(L.FaxNumberRow));
        for (var r = 0; r < Math.Min(L.LineRows, writing.Lines.Count); r++)
        {
            var line = writing.Lines[r];
            Put(line.Code, L.Cell(r, L.CodeColumn));
            if (!string.IsNullOrEmpty(line.Name))
                (namePen ?? pen).Write(canvas, line.Name, L.Cell(r, L.NameColumn));
            Put(line.Quantity, L.Cell(r, L.QuantityColumn));
            Put(line.Comment, L.Cell(r, L.CommentColumn));
        }
        if (!string.IsNullOrEmpty(writing.Note))
            pen.Write(canvas, writing.Note, new SKRect(L.Margin, L.NoteTop, L.Right, L.NoteTop + 70));
    }

    /// <summary>The printed form as a PNG at <paramref name="scale"/> × 150 dpi (2 = 300 dpi, for a crisp print).</summary>
    public static byte[] RenderPng(DeskContactOptions desk, OrderFormPreprint? preprint, SKTypeface typeface, float scale = 2)
    {
        using var bitmap = new SKBitmap(new SKImageInfo((int)(L.Width * scale), (int)(L.Height * scale), SKColorType.Gray8,
            SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            DrawForm(canvas, desk, preprint, typeface);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
