using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Persistence;
using L = SmartOffice.Domain.FaxInbox.Recognition.OrderFormLayout;

namespace SmartOffice.Domain.Demo;

/// <summary>How the customer filled the form in: typed in the form's Excel copy and printed, or by hand.</summary>
internal enum FormFilling { Printed, Handwritten }

/// <summary>A real customer of the database with one of its departments, as they would write themselves on the form.</summary>
internal sealed record CorpusCustomer(int Id, string Code, string Name, int DepartmentId, string Department, string Fax);

/// <summary>What really is in one line row: the page (1-based) and row (0-based) it is on, and what was written.</summary>
internal sealed record CorpusLine(int Page, int Row, string Code, string Quantity, string Comment);

/// <summary>One order form as sent: its truth, and the TIFF the FAX server received.</summary>
internal sealed record CorpusForm(FaxResolution Resolution, FormFilling Filling, CorpusCustomer Customer, bool Prefilled,
    IReadOnlyList<CorpusLine> Lines, int Pages, byte[] Tiff, string SenderFax);

/// <summary>The real records forms are drawn from: customers with their departments and FAX numbers, and the active catalogue.</summary>
internal sealed record CorpusRecords(IReadOnlyList<CorpusCustomer> Customers, IReadOnlyList<OrderFormProduct> Products);

/// <summary>
/// Order forms the way customers fill them in, from real records of the database: 1–8 lines on one page or a second page
/// for longer orders, quantities as offices order (mostly 1–10, some dozens), a third of the lines with a comment, on the
/// blank form or on the form the desk pre-filled for them (then only quantities are written); printed or
/// handwriting-like; then sent as a FAX (<see cref="FaxTransmission"/>): bilevel, speckle, skew, a dropped scan line, a
/// seal stamped on the person's box and now and then over a line. Tests use fixed seeds; the benchmark a fresh one.
/// </summary>
internal static class FaxFormCorpus
{
    private static readonly int[] CommonQuantities = [1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 8, 10, 10, 12, 15, 20, 24, 30, 50, 100];

    /// <summary>Up to <paramref name="customers"/> active customers with an active department and a FAX number, and the
    /// active catalogue.</summary>
    public static async Task<CorpusRecords> RecordsAsync(SmartOfficeDbContext db, int customers,
        CancellationToken cancellationToken = default)
    {
        var people = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && d.Customer!.IsActive && d.Customer.Fax != null)
            .OrderBy(d => d.Id).Take(customers)
            .Select(d => new CorpusCustomer(d.CustomerId, d.Customer!.Code, d.Customer.Name, d.Id, d.Name, d.Customer.Fax!))
            .ToListAsync(cancellationToken);
        var products = await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id).Take(20_000)
            .Select(p => new OrderFormProduct(p.Code, p.Name)).ToListAsync(cancellationToken);
        return new CorpusRecords(people, products);
    }

    /// <summary>One form drawn and faxed. <paramref name="lineCount"/> 1–16 (over 8 continues on a second page); null draws one.</summary>
    public static CorpusForm Draw(CorpusRecords records, Random rng, FaxResolution resolution, FormFilling filling, DateTimeOffset sentAt,
        int? lineCount = null, bool? prefilled = null)
    {
        var customer = records.Customers[rng.Next(records.Customers.Count)];
        var count = lineCount ?? (rng.NextDouble() < 0.12 ? rng.Next(L.LineRows + 1, 2 * L.LineRows + 1) : rng.Next(1, L.LineRows + 1));
        var pages = (count + L.LineRows - 1) / L.LineRows;
        var isPrefilled = prefilled ?? (pages == 1 && rng.NextDouble() < 0.25);
        var usual = isPrefilled ? Distinct(records.Products, rng, rng.Next(count, L.LineRows + 1)) : [];
        // A pre-filled form: the customer writes quantities against some of the printed products (and maybe one more below).
        var picked = isPrefilled ? usual.OrderBy(_ => rng.Next()).Take(count).ToHashSet() : null;
        var products = isPrefilled ? usual.Where(picked!.Contains).ToList() : Distinct(records.Products, rng, count);
        var lines = new List<CorpusLine>();
        for (var i = 0; i < count; i++)
        {
            var row = isPrefilled ? usual.IndexOf(products[i]) : i % L.LineRows;
            lines.Add(new CorpusLine(i / L.LineRows + 1, row, products[i].Code,
                rng.Pick(CommonQuantities).ToString(CultureInfo.InvariantCulture),
                rng.NextDouble() < 0.33 ? Comment(rng) : ""));
        }
        var hand = filling == FormFilling.Handwritten;
        FormPen Pen() => hand ? FormPen.Hand(FormTypeface.Embedded, rng, rng.Next(32, 40))
            : FormPen.Printed(FormTypeface.Embedded, rng.Next(26, 35));
        var person = DemoNames.Person(rng);
        var stampOnLine = rng.NextDouble() < 0.04;
        var drawings = new List<Action<SKCanvas>>();
        for (var page = 1; page <= pages; page++)
        {
            var onPage = lines.Where(l => l.Page == page).ToList();
            var first = page == 1;
            var preprint = isPrefilled ? new OrderFormPreprint(customer.Code, customer.Name, customer.Department, customer.Fax, usual)
                : null;
            var rows = Enumerable.Range(0, L.LineRows).Select(r => onPage.FirstOrDefault(l => l.Row == r) is { } l
                ? new OrderFormWrittenLine(isPrefilled ? null : l.Code, isPrefilled ? null : Name(records, l.Code, rng), l.Quantity,
                    l.Comment)
                : new OrderFormWrittenLine(null, null, null, null)).ToList();
            var writing = new OrderFormWriting(first && !isPrefilled ? customer.Code : null, first && !isPrefilled ? customer.Name : null,
                first && !isPrefilled ? customer.Department : null, first ? person.Name : null, first && !isPrefilled ? customer.Fax : null,
                    rows);
            var pen = Pen();
            var stampRow = stampOnLine && first ? onPage[rng.Next(onPage.Count)].Row : -1;
            drawings.Add(canvas =>
            {
                OrderFormSheet.DrawForm(canvas, new DeskContactOptions(), preprint, FormTypeface.Embedded);
                OrderFormSheet.Write(canvas, writing, pen, FormPen.Printed(FormTypeface.Embedded, 24));
                if (first && rng.NextDouble() < 0.3)
                    FaxTransmission.Stamp(canvas, new SKPoint(1000 + rng.Next(60), L.HeaderValue(L.PersonRow).MidY), person.Surname.Kanji,
                        rng);
                if (stampRow >= 0)
                {
                    // A seal that strayed onto a line: over the quantity or the comment, half on the box.
                    var box = L.Cell(stampRow, rng.NextDouble() < 0.5 ? L.QuantityColumn : L.CommentColumn);
                    FaxTransmission.Stamp(canvas, new SKPoint(box.Right - 10, box.Top + 10), person.Surname.Kanji, rng);
                }
            });
        }
        var tiff = FaxTransmission.Send(drawings, resolution, rng, customer.Fax, sentAt);
        return new CorpusForm(resolution, filling, customer, isPrefilled, lines, pages, tiff,
            new string(customer.Fax.Where(char.IsAsciiDigit).ToArray()));
    }

    private static List<OrderFormProduct> Distinct(IReadOnlyList<OrderFormProduct> products, Random rng, int count)
    {
        var picked = new List<OrderFormProduct>();
        while (picked.Count < count)
        {
            var p = products[rng.Next(products.Count)];
            if (!picked.Contains(p))
                picked.Add(p);
        }
        return picked;
    }

    /// <summary>Most people copy the product name from the catalogue, some leave it out.</summary>
    private static string? Name(CorpusRecords records, string code, Random rng) =>
        rng.NextDouble() < 0.7 ? records.Products.First(p => p.Code == code).Name : null;

    private static string Comment(Random rng) => string.Format(CultureInfo.InvariantCulture, rng.Pick(DemoVocabulary.LineComments),
        rng.Pick(DemoVocabulary.Surnames).Kanji);
}
