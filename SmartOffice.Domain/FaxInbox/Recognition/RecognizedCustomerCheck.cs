using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.FaxInbox.Recognition;

internal sealed record CustomerRef(int Id, string Code, string Name, string? FaxDigits);

internal sealed record DepartmentRef(int Id, string Code, string Name);

/// <summary>
/// Who the FAX is from: the customer code read must agree with the sender's FAX number. Agreeing, they decide together.
/// When they disagree, or several customers share the number, the code read decides only if it is sure (both readings
/// agreed, engine confidence at the setting) — and the value is flagged with the reason, so the agent sees why. With no
/// code read, a FAX number of one customer decides. Then the department read is matched to that customer's departments,
/// and the FAX number read is compared with the customer's.
/// </summary>
internal static class RecognizedCustomerCheck
{
    /// <summary>Edit distance with no confusions: every change costs one.</summary>
    private static readonly NearestCode PlainEdits = new([]);

    public static RecognizedValue? Customer(FaxRecognizedField? field, string? senderFax, IReadOnlyList<CustomerRef> bySender,
        CustomerRef? byCode,
        float confidentFrom)
    {
        var read = field?.Text ?? "";
        var sure = field is { Alternative: null } && field.Confidence >= confidentFrom;
        var fax = senderFax ?? "";
        var single = bySender.Count == 1 ? bySender[0] : null;
        if (byCode is not null && bySender.Any(c => c.Id == byCode.Id))
            return Value(field, byCode, false, bySender.Count > 1 ? DomainText.Format("FaxRecognition.CustomerSharedFax", fax,
                bySender.Count) : null);
        if (byCode is not null && bySender.Count == 0)
            return Value(field, byCode, !sure, sure ? null : DomainText.Format("FaxRecognition.Unsure", Math.Round(field!.Confidence)));
        if (byCode is not null)
        {
            if (sure)
            {
                var others = string.Join("・", bySender.Select(c => c.Name));
                return Value(field, byCode, true, DomainText.Format("FaxRecognition.CustomerDisagrees", byCode.Code, byCode.Name, fax,
                    others));
            }
            return single is not null
                ? Value(field, single, true, DomainText.Format("FaxRecognition.CustomerDisagreesUnsure", read, fax, single.Name))
                : Value(field, null, true, DomainText.Format("FaxRecognition.CustomerSharedFaxUnsure", fax, bySender.Count));
        }
        if (read.Length > 0)
            return single is not null
                ? Value(field, single, true, DomainText.Format("FaxRecognition.CustomerCodeUnknownByFax", read, fax, single.Name))
                : Value(field, null, true, DomainText.Format("FaxRecognition.CustomerCodeUnknown", read));
        if (single is not null)
            return Value(field, single, false, DomainText.Format("FaxRecognition.CustomerByFax", fax));
        return Value(field, null, true, bySender.Count > 1
            ? DomainText.Format("FaxRecognition.CustomerSharedFaxUnsure", fax, bySender.Count)
            : DomainText.Format("FaxRecognition.CustomerNone"));
    }

    private static RecognizedValue Value(FaxRecognizedField? field, CustomerRef? customer, bool low, string? reason) =>
        new(field?.Id, customer?.Code ?? "", field?.Text ?? "", field?.Confidence ?? 0, low, reason,
            field is null ? null : RecognizedLineCheck.Box(field),
            customer?.Id);

    /// <summary>The customer's department the text read names: exactly (name or code), else the one clearly nearest,
    /// else the only one.</summary>
    public static RecognizedValue? Department(FaxRecognizedField? field, IReadOnlyList<DepartmentRef> departments)
    {
        if (departments.Count == 0)
            return null;
        var read = Fold(field?.Text);
        RecognizedValue Pick(DepartmentRef? d, bool low, string? reason) =>
            new(field?.Id, d?.Name ?? "", field?.Text ?? "", field?.Confidence ?? 0, low, reason,
                field is null ? null : RecognizedLineCheck.Box(field), d?.Id);

        if (read.Length > 0)
        {
            if (departments.FirstOrDefault(d => Fold(d.Name) == read || Fold(d.Code) == read) is { } exact)
                return Pick(exact, false, null);
            var ranked = departments.Select(d => (Department: d, Distance: PlainEdits.Distance(read, Fold(d.Name))))
                .OrderBy(x => x.Distance).ToList();
            var best = ranked[0];
            if (best.Distance <= Math.Max(1, Fold(best.Department.Name).Length / 3)
                && (ranked.Count == 1 || ranked[1].Distance > best.Distance))
                return Pick(best.Department, true, DomainText.Format("FaxRecognition.DepartmentNearest", field!.Text,
                    best.Department.Name));
        }
        if (departments.Count == 1)
            return read.Length == 0 ? Pick(departments[0], false, null)
                : Pick(departments[0], true, DomainText.Format("FaxRecognition.DepartmentUnknown", field!.Text));
        return Pick(null, true, read.Length == 0
            ? DomainText.Format("FaxRecognition.DepartmentChoose")
            : DomainText.Format("FaxRecognition.DepartmentUnknown", field!.Text));
    }

    /// <summary>The FAX number read, flagged when it is not the chosen customer's registered one.</summary>
    public static RecognizedValue? FaxNumber(FaxRecognizedField? field, CustomerRef? customer)
    {
        if (field is null)
            return null;
        var digits = JapaneseInput.Digits(field.Text);
        var differs = customer?.FaxDigits is { } registered && digits != registered;
        return new RecognizedValue(field.Id, field.Text, field.Text, field.Confidence, differs,
            differs ? DomainText.Format("FaxRecognition.FaxNumberDiffers", field.Text, customer!.FaxDigits) : null,
                RecognizedLineCheck.Box(field));
    }

    /// <summary>Names compared as written: NFKC, no spaces.</summary>
    private static string Fold(string? text) => JapaneseInput.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
}
