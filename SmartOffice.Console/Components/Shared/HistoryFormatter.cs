using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;

namespace SmartOffice.Console.Components.Shared;

/// <summary>One value of a history entry in words: its label, how it was (null for an addition) and how it is (null for
/// a removal).</summary>
public sealed record HistoryChange(string Label, string? Before, string? After)
{
    public override string ToString() => (Before, After) switch
    {
        (null, var after) => $"{Label}: {after}",
        (var before, null) => $"{Label}: {before}",
        var (before, after) when before == after => $"{Label}: {after}",
        var (before, after) => $"{Label}: {before} → {after}",
    };
}

/// <summary>An audit entry as a person reads it: what was done, each value labelled, who asked and why.</summary>
public sealed record HistoryLine(string Action, IReadOnlyList<HistoryChange> Changes)
{
    public string Detail => string.Join(" / ", Changes);
}

/// <summary>
/// The one way every history on the console reads (docs/exports-and-audit.md): labelled fields, yen, dates and times in Japan
/// time, はい/いいえ and the UI's own words for statuses and kinds, in the user's language. Audit entries keep their values as
/// JSON (the record's own names); the words are chosen here, when they are shown or exported.
/// </summary>
public sealed partial class HistoryFormatter(IStringLocalizerFactory localizers, BusinessClock clock)
{
    /// <summary>Values recorded for the system's sake, not the reader's (database ids of a department or ship-to, or of
    /// an order line).</summary>
    private static readonly HashSet<string> Internal = ["DepartmentId", "ShipToId", "ShipToDepartmentId", "OrderLineId"];
    private static readonly HashSet<string> Yen =
        ["GoodsSubtotal", "ShippingFee", "TaxStandard", "TaxReduced", "Total", "UnitPrice", "MonthlyBudget",
        "Threshold", "CreditAmount", "ShippingRefund"];
    private static readonly HashSet<string> Points =
        ["Points", "PointsEarned", "PointCost", "Balance", "Restored", "PointsReversed", "PointsShortfall"];
    private static readonly HashSet<string> Counts = ["Quantity", "Stock", "Count", "Lots", "Bytes", "FailedPasswordCount"];

    /// <summary>Fields whose values are an enum's names, and where the UI keeps its words for them (by record kind; "*" for any).</summary>
    private static readonly Dictionary<(string Entity, string Field), (Type Texts, string Prefix)> Words = new()
    {
        [("Order", "Status")] = (typeof(OrderingText), "Status."),
        [("Order", "ShippingFeeReason")] = (typeof(OrderingText), "ShippingReason."),
        [("ReturnSlip", "Status")] = (typeof(ReturnsText), "Status."),
        [("PrizeApplication", "Status")] = (typeof(PrizesText), "Status."),
        [("BalanceRequest", "Status")] = (typeof(PointsText), "RequestStatus."),
        [("FaxInboxItem", "Status")] = (typeof(FaxInboxText), "Status."),
        [("FaxInboxItem", "Kind")] = (typeof(FaxInboxText), "Kind."),
        [("CalendarDay", "Kind")] = (typeof(HistoryText), "Value.CalendarDayKind."),
        [("Customer", "Kind")] = (typeof(AccountsText), "LockKind."),
        [("Order", "BackOrder")] = (typeof(HistoryText), "Value.BackOrder."),
        [("PrizeApplication", "Channel")] = (typeof(PrizesText), "Channel."),
        [("*", "Channel")] = (typeof(UiText), "Channel."),
        [("*", "BudgetKind")] = (typeof(AccountsText), "BudgetKind."),
        [("*", "Condition")] = (typeof(AccountsText), "Condition."),
        [("*", "Reason")] = (typeof(ReturnsText), "Reason."),
        [("*", "Inspection")] = (typeof(ReturnsText), "Inspection."),
    };

    /// <summary>Where action names live: each capability's texts first, then the history's own.</summary>
    private static readonly Type[] ActionTexts =
        [typeof(AccountsText), typeof(CalendarText), typeof(PrizesText), typeof(ReturnsText), typeof(StaffText), typeof(HistoryText)];

    private readonly Dictionary<Type, IStringLocalizer> _texts = new();

    private IStringLocalizer Texts(Type type) =>
        _texts.TryGetValue(type, out var texts) ? texts : _texts[type] = localizers.Create(type);

    private IStringLocalizer History => Texts(typeof(HistoryText));

    /// <param name="valueText">A page's own words for a field's stored value (its JSON as text), or null for the history's words.</param>
    public HistoryLine Format(AuditEntry entry, IReadOnlyCollection<string>? hidden = null,
        Func<string, string, string?>? valueText = null) =>
        new(ActionName(entry.Action), Changes(entry, hidden ?? [], valueText));

    /// <summary>The action in the UI's words (e.g. 注文を訂正), or its key when no text has it.</summary>
    public string ActionName(string action)
    {
        foreach (var type in ActionTexts)
            if (Texts(type)["Audit." + action] is { ResourceNotFound: false } text)
                return text;
        return action;
    }

    /// <summary>What kind of record an entry is about (注文, お客様…).</summary>
    public string EntityName(string entityType) => History["Entity." + entityType] is { ResourceNotFound: false } text ? text : entityType;

    /// <summary>The record's key as a reader knows it: a calendar day as a date, any other key as it is (an order
    /// number, a code).</summary>
    public string Record(AuditEntry entry) => IsoDate().IsMatch(entry.EntityId) ? Date(entry.EntityId) : entry.EntityId;

    /// <summary>
    /// For an edit, the record's first unchanged values (to say which one, e.g. the department's name), then each changed value as
    /// before → after; for an addition or a removal, its values.
    /// </summary>
    private List<HistoryChange> Changes(AuditEntry entry, IReadOnlyCollection<string> hidden, Func<string, string, string?>? valueText)
    {
        var before = Values(entry.Before, hidden);
        var after = Values(entry.After, hidden);
        if (before is null || after is null)
            return (after ?? before ?? [])
                .Select(p => Change(entry, valueText, p.Key, before is null ? null : p.Value, before is null ? p.Value : null)).ToList();
        var unchanged = after.Where(p => before.TryGetValue(p.Key, out var b) && Same(b, p.Value)).Take(IdentityShown)
            .Select(p => Change(entry, valueText, p.Key, null, p.Value));
        var changed = after.Where(p => !before.TryGetValue(p.Key, out var b) || !Same(b, p.Value))
            .Select(p => Change(entry, valueText, p.Key, before.TryGetValue(p.Key, out var b) ? b : null, p.Value, always: true));
        var removed = before.Where(p => !after.ContainsKey(p.Key)).Select(p => Change(entry, valueText, p.Key, p.Value, null));
        return unchanged.Concat(changed).Concat(removed).ToList();
    }

    private const int IdentityShown = 2;

    private HistoryChange Change(AuditEntry entry, Func<string, string, string?>? valueText, string field, JsonElement? before,
        JsonElement? after,
        bool always = false) =>
        new(Label(field), before is { } b ? Word(entry, valueText, field, b) : always ? Dash : null,
            after is { } a ? Word(entry, valueText, field, a) : null);

    private string Word(AuditEntry entry, Func<string, string, string?>? valueText, string field, JsonElement value) =>
        value.ValueKind != JsonValueKind.Null && valueText?.Invoke(field, value.ToString()) is { } own ? own
            : Value(entry.EntityType, field, value);

    private const string Dash = "—";

    private static bool Same(JsonElement a, JsonElement b) => a.GetRawText() == b.GetRawText();

    private static Dictionary<string, JsonElement>? Values(string? json, IReadOnlyCollection<string> hidden) => json is null
        ? null
        : JsonDocument.Parse(json).RootElement.EnumerateObject().Where(p => !hidden.Contains(p.Name) && !Internal.Contains(p.Name))
            .ToDictionary(p => p.Name, p => p.Value.Clone());

    public string Label(string field) => History["Field." + field] is { ResourceNotFound: false } text ? text : field;

    /// <summary>One value in words: yen, points, dates and instants in Japan time, はい/いいえ, the UI's word for an enum.</summary>
    public string Value(string entity, string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Dash,
        JsonValueKind.True => History["Value.Yes"],
        JsonValueKind.False => History["Value.No"],
        JsonValueKind.Number => Number(field, value),
        JsonValueKind.String => Text(entity, field, value.GetString()!),
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(v => Value(entity, field, v))),
        _ => string.Join(", ", value.EnumerateObject().Where(p => !Internal.Contains(p.Name))
            .Select(p => $"{Label(p.Name)} {Value(entity, p.Name, p.Value)}")),
    };

    private string Number(string field, JsonElement value)
    {
        if (!value.TryGetDecimal(out var number))
            return value.GetRawText();
        if (Yen.Contains(field))
            return Display.Money((long)number);
        if (Points.Contains(field))
            return string.Format(History["Points.Unit"], number.ToString("N0", CultureInfo.CurrentCulture));
        if (field == "VolumeDiscountPercent")
            return string.Format(History["Percent"], number.ToString("0.##", CultureInfo.CurrentCulture));
        return Counts.Contains(field) ? number.ToString("N0", CultureInfo.CurrentCulture) : value.GetRawText();
    }

    private string Text(string entity, string field, string text)
    {
        if ((Words.TryGetValue((entity, field), out var words) || Words.TryGetValue(("*", field), out words))
            && Texts(words.Texts)[words.Prefix + text] is { ResourceNotFound: false } word)
            return word;
        if (IsoDate().IsMatch(text))
            return Date(text);
        if (IsoInstant().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return Display.DateTime(clock, at);
        return text;
    }

    private static string Date(string iso) => Display.Date(DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A job run's business day (<c>2026-11-25</c>) or month (<c>2026-12</c>) in words.</summary>
    public string JobBusinessKey(string key) =>
        IsoDate().IsMatch(key) ? Date(key)
        : IsoMonth().IsMatch(key)
            ? string.Format(CultureInfo.CurrentCulture, History["Job.Month"],
            DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture))
        : key;

    /// <summary>
    /// A job run's detail in words: the acceptance days a cutoff closed, the validity ends a point expiry expired, the instruction
    /// files written again; a failure's message as it is.
    /// </summary>
    public string JobDetail(string jobName, string? detail)
    {
        if (string.IsNullOrEmpty(detail))
            return "";
        if (ResumedInstructions().Match(detail) is { Success: true } resumed)
            return string.Format(History["Job.Resumed"], resumed.Groups[1].Value);
        var days = detail.Split(", ");
        if (!days.All(IsoDate().IsMatch))
            return detail;
        var dates = string.Join("、", days.Select(Date));
        return string.Format(History[jobName == Domain.Jobs.PointExpiryService.JobName ? "Job.ExpiredThrough" : "Job.ClosedDays"], dates);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoInstant();

    [GeneratedRegex(@"^instructions resumed: (\d+)$")]
    private static partial Regex ResumedInstructions();
}
