using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Ordering;
using static SmartOffice.Console.Tests.FaxInbox.FaxRecognitionTestData;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>Phase 2: the order saved beside a recognised FAX records what the agent did with each field, in the save's
/// transaction.</summary>
public sealed partial class FaxRecognitionTests
{
    /// <summary>A FAX from Alpha read as 総務部, two lines (the second quantity unsure), claimed by the desk agent; its draft.</summary>
    private async Task<(int FaxId, RecognizedOrderDraft Draft)> ClaimedReadingAsync(string secondCode)
    {
        var faxId = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.CustomerCode, 0, Alpha),
            Field(OrderFormField.Department, 0, "総務部"),
            Field(OrderFormField.ProductCode, 1, Clip), Field(OrderFormField.Quantity, 1, "3"),
            Field(OrderFormField.ProductCode, 2, secondCode), Field(OrderFormField.Quantity, 2, "45", 70));
        await _db.Inbox(TestStaff.DeskAgent, _folders.Options()).ClaimAsync(faxId);
        return (faxId, await Desk.DraftAsync(faxId));
    }

    /// <summary>The agent keeps everything but line 2's quantity (45 → 15) and keys a comment on line 2 the reader did not find.</summary>
    private async Task<FaxOrderSaveRequest> AgentsSaveAsync(int faxId, RecognizedOrderDraft draft)
    {
        var (l1, l2) = (draft.Lines[0], draft.Lines[1]);
        KeyedField Kept(RecognizedValue v, OrderFormField field, int line) => new(v.FieldId, field, line, v.Text, v.Text);
        var keyed = new List<KeyedField>
        {
            Kept(draft.Customer!, OrderFormField.CustomerCode, 0), Kept(draft.Department!, OrderFormField.Department, 0),
            Kept(l1.ProductCode!, OrderFormField.ProductCode, 1), new(l1.Quantity!.FieldId, OrderFormField.Quantity, 1, "3", "３"),
            Kept(l2.ProductCode!, OrderFormField.ProductCode, 2), new(l2.Quantity!.FieldId, OrderFormField.Quantity, 2, "45", "15"),
            new(null, OrderFormField.LineComment, 2, null, "至急"),
        };
        var receivedAt = (await _db.ItemAsync(faxId)).ReceivedAt;
        var order = new FaxOrderDraft(draft.Customer!.RecordId!.Value, draft.Department!.RecordId!.Value, null, receivedAt, null,
            [new FaxOrderDraftLine(l1.ProductCode!.Text, "３", null), new FaxOrderDraftLine(l2.ProductCode!.Text, "15", "至急")], faxId);
        return new FaxOrderSaveRequest(order, Guid.NewGuid(), Recognised: keyed);
    }

    [Fact]
    public async Task Saving_the_order_records_each_field_as_kept_or_changed_and_the_fields_the_reader_missed()
    {
        var (faxId, draft) = await ClaimedReadingAsync(Stapler);
        var request = await AgentsSaveAsync(faxId, draft);

        var saved = await _db.FaxOrders().SaveAsync(request);
        // Saved again with the same form key (a double Ctrl+Enter): the first order, recorded once.
        var replayed = await _db.FaxOrders().SaveAsync(request);

        Assert.NotNull(saved.OrderId);
        Assert.True(replayed.Replayed);
        var fields = (await _db.RecognitionAsync(faxId))!.Fields.OrderBy(f => f.LineNumber).ThenBy(f => f.Field).ToList();
        Assert.Equal(
        [
            (0, OrderFormField.CustomerCode, Alpha, false), (0, OrderFormField.Department, "総務部", false),
            (1, OrderFormField.ProductCode, Clip, false), (1, OrderFormField.Quantity, "３", false),
            (2, OrderFormField.ProductCode, Stapler, false), (2, OrderFormField.Quantity, "15", true),
                (2, OrderFormField.LineComment, "至急", true),
        ], fields.Select(f => (f.LineNumber, f.Field, f.KeyedText, f.ChangedByAgent!.Value)));
        Assert.All(fields, f => Assert.Equal(_db.Clock.GetUtcNow(), f.KeyedAt));

        // The supervisor's page counts them: 6 read and confirmed, 1 changed, 1 missed.
        var day = _db.BusinessClock.Today;
        var report = await _db.Recognition(TestStaff.Supervisor).AccuracyAsync(new FaxAccuracyQuery(day.AddDays(-1), day));
        Assert.Equal((6, 6, 1, 1, 0.7143m), (report.Total.FieldsRead, report.Total.FieldsConfirmed, report.Total.FieldsChanged,
            report.Total.FieldsMissed,
            report.Total.Accuracy));
    }

    [Fact]
    public async Task A_refused_save_records_nothing()
    {
        // Line 2 is a product locked for Alpha: the order is refused, and the fields stay as read.
        var (faxId, draft) = await ClaimedReadingAsync(Locked);
        var request = await AgentsSaveAsync(faxId, draft);

        await Assert.ThrowsAsync<BusinessRuleException>(() => _db.FaxOrders().SaveAsync(request));

        var fields = (await _db.RecognitionAsync(faxId))!.Fields;
        Assert.Equal(6, fields.Count);
        Assert.All(fields, f => Assert.Null(f.KeyedAt));
    }
}
