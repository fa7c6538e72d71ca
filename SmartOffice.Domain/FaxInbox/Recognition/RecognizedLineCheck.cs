using System.Globalization;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>A catalogue product as the checks need it.</summary>
internal sealed record CatalogueProduct(int Id, string Code, int CategoryId, bool IsActive);

/// <summary>What the line checks know: the catalogue for the codes read, the customer's order locks, and the limits.</summary>
internal sealed record LineCheckFacts(
    IReadOnlyDictionary<string, CatalogueProduct> Products,
    IReadOnlySet<int> LockedProducts,
    IReadOnlySet<int> LockedCategories,
    Func<string, string?> Nearest,
    float ConfidentFrom,
    int MaxQuantity,
    int MaxCommentLength);

/// <summary>
/// Checks each line read against what is known, whatever the engine says: a code not in the catalogue (or no longer sold),
/// a code locked for this customer, a quantity that is not a whole number from 1 to the maximum are low confidence; a code
/// not in the catalogue gets the other reading when that one is, else the nearest catalogue code when one is unambiguous
/// (<see cref="NearestCode"/>). A value is sure only when both readings agreed, the engine's confidence reaches the
/// setting and every check passed.
/// </summary>
internal static class RecognizedLineCheck
{
    public static RecognizedLine? Check(int lineNumber, FaxRecognizedField? code, FaxRecognizedField? quantity, FaxRecognizedField? comment,
        bool prefilledForm, LineCheckFacts facts)
    {
        // A pre-filled form prints the usual products: a row whose quantity is left empty is not ordered.
        if (code is null && quantity is null && comment is null || prefilledForm && quantity is null)
            return null;
        return new RecognizedLine(lineNumber, Code(code, facts), Quantity(quantity, facts), Comment(comment, facts));
    }

    private static RecognizedValue Code(FaxRecognizedField? field, LineCheckFacts facts)
    {
        if (field is null || field.Text.Length == 0)
            return Low(field, "", DomainText.Format("FaxRecognition.CodeMissing"));
        var read = FaxOrderPricing.NormalizeCode(field.Text);
        var other = field.Alternative is { } a ? FaxOrderPricing.NormalizeCode(a) : null;
        string value;
        string? reason = null;
        if (facts.Products.ContainsKey(read))
            value = read;
        else if (other is not null && facts.Products.ContainsKey(other))
            (value, reason) = (other, DomainText.Format("FaxRecognition.CodeAlternative", read, other));
        else if (facts.Nearest(read) is { } near)
            (value, reason) = (near, DomainText.Format("FaxRecognition.CodeProposed", read, near));
        else
            (value, reason) = (read, DomainText.Format("FaxRecognition.CodeUnknown", read));
        if (facts.Products.GetValueOrDefault(value) is { } product)
        {
            if (!product.IsActive)
                reason ??= DomainText.Format("FaxRecognition.CodeInactive", value);
            else if (facts.LockedProducts.Contains(product.Id) || facts.LockedCategories.Contains(product.CategoryId))
                reason ??= DomainText.Format("FaxRecognition.CodeLocked", value);
        }
        return Value(field, value, reason, facts);
    }

    private static RecognizedValue Quantity(FaxRecognizedField? field, LineCheckFacts facts)
    {
        if (field is null || field.Text.Length == 0)
            return Low(field, "", DomainText.Format("FaxRecognition.QuantityMissing"));
        var text = JapaneseInput.Normalize(field.Text);
        var plausible = text.Length > 0 && text[0] != '0' && text.All(char.IsAsciiDigit)
                        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                            && n <= facts.MaxQuantity;
        return Value(field, text, plausible ? null : DomainText.Format("FaxRecognition.QuantityImplausible", text, facts.MaxQuantity),
            facts);
    }

    private static RecognizedValue Comment(FaxRecognizedField? field, LineCheckFacts facts)
    {
        if (field is null)
            return new RecognizedValue(null, "", "", 0, false, null, null);
        var text = JapaneseInput.Normalize(field.Text);
        return Value(field, text, text.Length > facts.MaxCommentLength ? DomainText.Format("FaxRecognition.CommentTooLong",
            facts.MaxCommentLength) : null, facts);
    }

    /// <summary>The value with its reason; without one, sure only when the readings agreed and the engine was confident.</summary>
    private static RecognizedValue Value(FaxRecognizedField field, string value, string? reason, LineCheckFacts facts)
    {
        if (reason is null && (field.Alternative is not null || field.Confidence < facts.ConfidentFrom))
            reason = DomainText.Format("FaxRecognition.Unsure", Math.Round(field.Confidence));
        return new RecognizedValue(field.Id, value, field.Text, field.Confidence, reason is not null, reason, Box(field));
    }

    private static RecognizedValue Low(FaxRecognizedField? field, string value, string reason) =>
        new(field?.Id, value, field?.Text ?? "", field?.Confidence ?? 0, true, reason, field is null ? null : Box(field));

    public static FaxFieldBox Box(FaxRecognizedField field) =>
        new(field.PageNumber, field.BoxX, field.BoxY, field.BoxWidth, field.BoxHeight);
}
