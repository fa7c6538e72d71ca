using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>One line of the grid, kept exactly as typed until the domain quotes it.</summary>
public sealed class EntryLine
{
    public string Code { get; set; } = "";
    public string Quantity { get; set; } = "";
    public string Comment { get; set; } = "";

    /// <summary>The line read from the FAX this grid line was pre-filled with (kept when lines are removed or pasted over).</summary>
    public RecognizedLine? Read { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(Comment);
}

/// <summary>One choice of the ship-to list: its value in the select ("d12", "s3"), what it shows and where it is.</summary>
public sealed record ShipToOption(string Value, string Label, string Address);

/// <summary>
/// The state of one FAX order entry form: the header, the lines as typed and the form's <see cref="EntryKey"/> (one per
/// form: saving the same key twice returns the first order). Turning it into a <see cref="FaxOrderDraft"/> is all it
/// does — every rule is the domain's.
/// </summary>
public sealed class OrderEntryForm
{
    /// <summary>Lines a fresh form shows; Enter on the last one adds more.</summary>
    public const int InitialLines = 5;

    public Guid EntryKey { get; private set; } = Guid.NewGuid();
    public OrderingCustomer? Customer { get; set; }

    /// <summary>The ordering department; choosing the one the order was to ship to makes it ship to its own address.</summary>
    public int? DepartmentId
    {
        get => _departmentId;
        set
        {
            _departmentId = value;
            if (ShipToDepartmentId == value)
                ShipToDepartmentId = null;
        }
    }

    private int? _departmentId;

    /// <summary>
    /// A registered ship-to (登録届け先); null with <see cref="ShipToDepartmentId"/> null = the department's own address.
    /// </summary>
    public int? ShipToId { get; set; }

    /// <summary>Another department of the customer the order ships to (docs/business-rules.md §3).</summary>
    public int? ShipToDepartmentId { get; set; }

    /// <summary>The ship-to select's value: "" the ordering department, "d{id}" another department, "s{id}" a registered ship-to.</summary>
    public string ShipTo
    {
        get => ShipToDepartmentId is { } department ? $"d{department}" : ShipToId is { } shipTo ? $"s{shipTo}" : "";
        set
        {
            var id = value is { Length: > 1 } && int.TryParse(value.AsSpan(1), out var parsed) ? parsed : (int?)null;
            ShipToDepartmentId = value.StartsWith('d') ? id : null;
            ShipToId = value.StartsWith('s') ? id : null;
        }
    }

    /// <summary>The customer's other active departments, as ship-to choices.</summary>
    public IEnumerable<ShipToOption> ShipToDepartments =>
        (Customer?.Departments ?? []).Where(d => d.Id != DepartmentId).Select(d => new ShipToOption($"d{d.Id}", $"{d.Code} {d.Name}",
            d.Address));

    /// <summary>The customer's registered ship-tos.</summary>
    public IEnumerable<ShipToOption> ShipToRegistered => (Customer?.ShipTos ?? []).Select(s => new ShipToOption($"s{s.Id}", s.Name,
        s.Address));

    /// <summary>Where the order ships as chosen: the other department's, the ship-to's or the ordering department's own address.</summary>
    public string? ShipToAddress =>
        ShipToDepartments.Concat(ShipToRegistered).FirstOrDefault(o => o.Value == ShipTo)?.Address
        ?? Customer?.Departments.FirstOrDefault(d => d.Id == DepartmentId)?.Address;
    public string ReceivedDate { get; set; } = "";
    public string ReceivedTime { get; set; } = "";
    public string RequestedDate { get; set; } = "";
    /// <summary>The inbox FAX the order is keyed from (受信FAX): saving the order closes it.</summary>
    public int? FaxInboxItemId { get; set; }
    /// <summary>The FAXed-back quote (簡易見積書) the order is keyed from: saving the order closes it.</summary>
    public int? QuoteId { get; set; }
    public List<EntryLine> Lines { get; } = [.. Enumerable.Range(0, InitialLines).Select(_ => new EntryLine())];

    /// <summary>The FAX received-at defaults to now, Japan time, 24-hour.</summary>
    public void ReceivedNow(BusinessClock clock)
    {
        ReceivedAt(clock.Now, clock);
    }

    /// <summary>The FAX received-at fields showing <paramref name="at"/> in Japan time.</summary>
    public void ReceivedAt(DateTimeOffset at, BusinessClock clock)
    {
        var received = clock.ToBusinessTime(at);
        ReceivedDate = received.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture);
        ReceivedTime = received.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool TryReceivedAt(BusinessClock clock, out DateTimeOffset at)
    {
        at = default;
        if (!EntryDates.TryParseRecent(ReceivedDate, clock.Today, out var day) || !JapaneseInput.TryParseTime(ReceivedTime, out var time))
            return false;
        at = clock.At(day, time);
        return true;
    }

    /// <summary>
    /// The text key of what keeps a chosen customer's form from being quoted at all; null when nothing does (or no
    /// customer yet).
    /// </summary>
    public string? HeaderProblemKey(BusinessClock clock)
    {
        if (Customer is null)
            return null;
        if (DepartmentId is null)
            return "Entry.NeedDepartment";
        if (!TryReceivedAt(clock, out _))
            return "Entry.BadReceivedAt";
        Requested(clock, out var valid);
        return valid ? null : "Entry.BadRequestedDate";
    }

    /// <summary>Blank = no requested date; null result with <paramref name="valid"/> false = not a date.</summary>
    public DateOnly? Requested(BusinessClock clock, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(RequestedDate))
            return null;
        valid = EntryDates.TryParseUpcoming(RequestedDate, clock.Today, out var date);
        return valid ? date : null;
    }

    /// <summary>
    /// The draft the domain quotes and saves, or null while the customer, department or received-at is missing. Lines go
    /// by grid position (a blank line in the middle keeps the numbering the agent sees); trailing blank lines are left off.
    /// </summary>
    public FaxOrderDraft? ToDraft(BusinessClock clock)
    {
        if (Customer is null || DepartmentId is not { } department || !TryReceivedAt(clock, out var receivedAt))
            return null;
        var requested = Requested(clock, out var valid);
        if (!valid)
            return null;
        var count = Lines.FindLastIndex(l => !l.IsBlank) + 1;
        var lines = Lines.Take(count).Select(l => new FaxOrderDraftLine(Blank(l.Code), Blank(l.Quantity), Blank(l.Comment))).ToList();
        return new FaxOrderDraft(Customer.Customer.Id, department, ShipToId, receivedAt, requested, lines, FaxInboxItemId,
            ShipToDepartmentId, QuoteId);
    }

    /// <summary>
    /// Fills the grid from line <paramref name="at"/> on, adding lines as needed; returns the index after the last one
    /// filled.
    /// </summary>
    public int Paste(int at, IReadOnlyList<PastedLine> pasted)
    {
        at = Math.Clamp(at, 0, Lines.Count);
        for (var i = 0; i < pasted.Count; i++)
        {
            if (at + i == Lines.Count)
                Lines.Add(new EntryLine());
            var line = Lines[at + i];
            (line.Code, line.Quantity, line.Comment) = (pasted[i].Code, pasted[i].Quantity, pasted[i].Comment);
        }
        var next = at + pasted.Count;
        if (next == Lines.Count)
            Lines.Add(new EntryLine());
        return next;
    }

    public void RemoveLine(int index)
    {
        if (index < 0 || index >= Lines.Count)
            return;
        Lines.RemoveAt(index);
        if (Lines.Count == 0)
            Lines.Add(new EntryLine());
    }

    /// <summary>The next FAX of the same customer: header kept, lines cleared, a new entry key.</summary>
    public void NextOrder(BusinessClock clock)
    {
        EntryKey = Guid.NewGuid();
        FaxInboxItemId = null;
        QuoteId = null;
        RequestedDate = "";
        Lines.Clear();
        Lines.AddRange(Enumerable.Range(0, InitialLines).Select(_ => new EntryLine()));
        ReceivedNow(clock);
    }

    /// <summary>
    /// 訂正: the form starts with the saved order's FAX time, requested date and lines (the key is unused: same number).
    /// </summary>
    public void Load(OrderDetail order, BusinessClock clock)
    {
        ReceivedAt(order.ReceivedAt, clock);
        RequestedDate = order.RequestedDeliveryDate?.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        Lines.Clear();
        Lines.AddRange(order.Lines.OrderBy(l => l.LineNumber).Select(l => new EntryLine
        {
            Code = l.ProductCode,
            Quantity = l.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Comment = l.LineComment ?? "",
        }));
        Lines.Add(new EntryLine());
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
