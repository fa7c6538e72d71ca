using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// Records, in the order save's own transaction, what the agent did with each pre-filled field of a recognised FAX: what
/// was pre-filled, what was saved, and whether they differ (as the entry form compares them: codes upper-case half-width,
/// the rest NFKC). A field the agent keyed that the reader missed becomes a row with nothing read. These rows are the
/// accuracy page's figures. Order entry calls it when it saves an order keyed beside a recognised FAX.
/// </summary>
internal static class FaxRecognitionOutcome
{
    private const int MaxText = 200;

    public static async Task RecordAsync(SmartOfficeDbContext db, int faxInboxItemId, IReadOnlyList<KeyedField> keyed, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var recognitionId = await db.FaxRecognitions.Where(r => r.FaxInboxItemId == faxInboxItemId && r.State == FaxRecognitionState.Read)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (recognitionId is not { } id || keyed.Count == 0)
            return;
        var fieldIds = keyed.Where(k => k.FieldId is not null).Select(k => k.FieldId!.Value).ToList();
        var fields = await db.FaxRecognizedFields.Where(f => f.FaxRecognitionId == id && fieldIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        foreach (var k in keyed)
        {
            if (k.FieldId is { } fieldId && fields.TryGetValue(fieldId, out var field))
                field.Confirm(Cut(k.Prefilled), Cut(k.Keyed), Same(k.Field, k.Prefilled) != Same(k.Field, k.Keyed), at);
            else if (!string.IsNullOrWhiteSpace(k.Keyed))
                db.FaxRecognizedFields.Add(FaxRecognizedField.Missed(id, k.Field, k.LineNumber, Cut(k.Keyed)!, at));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Same(OrderFormField field, string? text) =>
        field is OrderFormField.ProductCode ? FaxOrderPricing.NormalizeCode(text) : JapaneseInput.Normalize(text);

    private static string? Cut(string? text) => text is null || text.Length <= MaxText ? text : text[..MaxText];
}
