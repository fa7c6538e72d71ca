using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// FAX recognition for staff: the pre-filled order draft of a FAX (order entry calls <see cref="DraftAsync"/> beside the
/// FAX; nothing is saved here) and the supervisor's accuracy figures. The draft is checked against what the database
/// knows at the time it is asked for — the catalogue, the customer's order locks and departments, the sender's FAX number
/// (<see cref="RecognizedLineCheck"/>, <see cref="RecognizedCustomerCheck"/>).
/// </summary>
public sealed class FaxRecognitionService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    IOptions<FaxRecognitionOptions> options,
    IOptions<RulesOptions> rules,
    FaxRecognitionStatus status,
    BusinessClock clock)
{
    /// <summary>The longest range the accuracy page covers.</summary>
    public const int MaxDays = 400;

    /// <summary>What order entry pre-fills from FAX <paramref name="faxInboxItemId"/>, with each value's confidence,
    /// check and box.</summary>
    /// <exception cref="BusinessRuleException">The FAX does not exist.</exception>
    public async Task<RecognizedOrderDraft> DraftAsync(int faxInboxItemId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.FaxInboxItems.AsNoTracking().Where(i => i.Id == faxInboxItemId).Select(i => new { i.SenderFax })
            .FirstOrDefaultAsync(cancellationToken)
                   ?? throw new BusinessRuleException("FaxInbox.NotFound");
        var recognition = await db.FaxRecognitions.AsNoTracking().Include(r => r.Fields)
            .FirstOrDefaultAsync(r => r.FaxInboxItemId == faxInboxItemId, cancellationToken);
        if (recognition is null)
            return RecognizedOrderDraft.Empty(faxInboxItemId,
                options.Value.Enabled && status.Unavailable is null ? RecognitionStatus.Waiting : RecognitionStatus.Off);
        if (recognition.State != FaxRecognitionState.Read)
            return RecognizedOrderDraft.Empty(faxInboxItemId, recognition.State switch
            {
                FaxRecognitionState.Reading => RecognitionStatus.Reading,
                FaxRecognitionState.NotAForm => RecognitionStatus.NotAForm,
                _ => RecognitionStatus.Unreadable,
            });

        var fields = recognition.Fields.Where(f => f.Text.Length > 0 || f.KeyedAt is null).ToList();
        FaxRecognizedField? Header(OrderFormField field) =>
            fields.Where(f => f.LineNumber == 0 && f.Field == field && f.Text.Length > 0).OrderBy(f => f.PageNumber).FirstOrDefault();

        var codeField = Header(OrderFormField.CustomerCode);
        var customer = await CustomerAsync(db, codeField, item.SenderFax, cancellationToken);
        var chosen = customer?.RecordId is { } id
            ? await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => new CustomerRef(c.Id, c.Code, c.Name, c.FaxDigits))
                .FirstAsync(cancellationToken)
            : null;
        var departments = chosen is null ? [] : await db.Departments.AsNoTracking().Where(d => d.CustomerId == chosen.Id && d.IsActive)
            .OrderBy(d => d.Id)
            .Select(d => new DepartmentRef(d.Id, d.Code, d.Name)).ToListAsync(cancellationToken);
        var department = RecognizedCustomerCheck.Department(Header(OrderFormField.Department), departments);
        var fax = RecognizedCustomerCheck.FaxNumber(Header(OrderFormField.FaxNumber), chosen);

        var lineFields = fields.Where(f => f.LineNumber > 0).ToList();
        var facts = await LineFactsAsync(db, lineFields.Where(f => f.Field == OrderFormField.ProductCode).ToList(), chosen?.Id,
            cancellationToken);
        var prefilled = recognition.FormId == OrderFormLayout.PrefilledFormId;
        var lines = lineFields.GroupBy(f => f.LineNumber).OrderBy(g => g.Key)
            .Select(g => RecognizedLineCheck.Check(g.Key, Field(g, OrderFormField.ProductCode), Field(g, OrderFormField.Quantity),
                Field(g, OrderFormField.LineComment), prefilled, facts))
            .OfType<RecognizedLine>().ToList();
        return new RecognizedOrderDraft(faxInboxItemId, RecognitionStatus.Read, recognition.FormId, customer, department, fax, lines);

        static FaxRecognizedField? Field(IEnumerable<FaxRecognizedField> line, OrderFormField field) =>
            line.Where(f => f.Field == field && f.Text.Length > 0).OrderBy(f => f.Id).FirstOrDefault();
    }

    private async Task<RecognizedValue?> CustomerAsync(SmartOfficeDbContext db, FaxRecognizedField? codeField, string? senderFax,
        CancellationToken cancellationToken)
    {
        var bySender = string.IsNullOrEmpty(senderFax) ? [] : await db.Customers.AsNoTracking()
            .Where(c => c.IsActive && c.FaxDigits == senderFax)
            .OrderBy(c => c.Id).Take(20).Select(c => new CustomerRef(c.Id, c.Code, c.Name, c.FaxDigits)).ToListAsync(cancellationToken);
        var codes = new[] { codeField?.Text, codeField?.Alternative }.OfType<string>().Select(Text.JapaneseInput.Digits)
            .Where(c => c.Length > 0).ToList();
        var found = codes.Count == 0 ? [] : await db.Customers.AsNoTracking().Where(c => c.IsActive && codes.Contains(c.Code))
            .Select(c => new CustomerRef(c.Id, c.Code, c.Name, c.FaxDigits)).ToListAsync(cancellationToken);
        // The first reading's customer, else the second's.
        var byCode = codes.Select(code => found.FirstOrDefault(c => c.Code == code)).FirstOrDefault(c => c is not null);
        return RecognizedCustomerCheck.Customer(codeField, senderFax, bySender, byCode, options.Value.ConfidentFrom);
    }

    /// <summary>
    /// The catalogue facts for every code read (both readings), the nearest code of each that is in neither, and the
    /// customer's order locks. The whole active catalogue's codes are read only when some code needs a nearest one.
    /// </summary>
    private async Task<LineCheckFacts> LineFactsAsync(SmartOfficeDbContext db, IReadOnlyList<FaxRecognizedField> codeFields,
        int? customerId,
        CancellationToken cancellationToken)
    {
        var read = codeFields.SelectMany(f => new[] { f.Text, f.Alternative }).OfType<string>().Select(FaxOrderPricing.NormalizeCode)
            .Where(c => c.Length > 0).Distinct().ToList();
        var products = await ProductsAsync(db, read, cancellationToken);
        var unknown = codeFields.Where(f => !products.ContainsKey(FaxOrderPricing.NormalizeCode(f.Text))
                && (f.Alternative is null || !products.ContainsKey(FaxOrderPricing.NormalizeCode(f.Alternative))))
            .Select(f => FaxOrderPricing.NormalizeCode(f.Text)).Where(c => c.Length > 0).Distinct().ToList();
        var proposals = new Dictionary<string, string?>();
        if (unknown.Count > 0)
        {
            var catalogue = await db.Products.AsNoTracking().Where(p => p.IsActive).Select(p => p.Code).ToListAsync(cancellationToken);
            var nearest = new NearestCode(options.Value.ConfusionGroups);
            foreach (var code in unknown)
                proposals[code] = nearest.Find(code, catalogue);
            foreach (var (code, product) in await ProductsAsync(db, proposals.Values.OfType<string>().ToList(), cancellationToken))
                products[code] = product;
        }
        var locks = customerId is { } id
            ? await db.OrderLocks.AsNoTracking().Where(l => l.CustomerId == id).Select(l => new { l.ProductId, l.CategoryId })
                .ToListAsync(cancellationToken)
            : [];
        return new LineCheckFacts(products,
            locks.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).ToHashSet(),
            locks.Where(l => l.CategoryId is not null).Select(l => l.CategoryId!.Value).ToHashSet(),
            code => proposals.GetValueOrDefault(code), options.Value.ConfidentFrom, rules.Value.MaximumLineQuantity,
                rules.Value.MaximumLineCommentLength);
    }

    private static async Task<Dictionary<string, CatalogueProduct>> ProductsAsync(SmartOfficeDbContext db, List<string> codes,
        CancellationToken cancellationToken) =>
        codes.Count == 0 ? [] : await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code))
            .Select(p => new CatalogueProduct(p.Id, p.Code, p.CategoryId, p.IsActive)).ToDictionaryAsync(p => p.Code, cancellationToken);

    /// <summary>認識精度: fields read and changed by agents, in all, per week and per customer, for FAXes received in the range.</summary>
    /// <exception cref="BusinessRuleException">The range is reversed or longer than <see cref="MaxDays"/>.</exception>
    public async Task<FaxAccuracyReport> AccuracyAsync(FaxAccuracyQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        if (query.To < query.From)
            throw new BusinessRuleException("FaxRecognition.RangeReversed");
        if (query.To.DayNumber - query.From.DayNumber + 1 > MaxDays)
            throw new BusinessRuleException("FaxRecognition.RangeTooLong", MaxDays);
        var start = clock.DayBounds(query.From).Start;
        var end = clock.DayBounds(query.To).End;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var faxes = await (from r in db.FaxRecognitions.AsNoTracking()
                           join i in db.FaxInboxItems on r.FaxInboxItemId equals i.Id
                           where i.ReceivedAt >= start && i.ReceivedAt < end && r.State != FaxRecognitionState.Reading
                           select new FaxCounts(r.State, i.ReceivedAt, i.CustomerId,
                               r.Fields.Count(f => f.Text != ""),
                               r.Fields.Count(f => f.Text != "" && f.KeyedAt != null),
                               r.Fields.Count(f => f.Text != "" && f.ChangedByAgent == true),
                               r.Fields.Count(f => f.Text == "" && f.KeyedAt != null))).ToListAsync(cancellationToken);
        var read = faxes.Where(f => f.State == FaxRecognitionState.Read).ToList();
        var ids = read.Where(f => f.CustomerId != null).Select(f => f.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Code, c.Name })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        FaxAccuracyRow Row(DateOnly? week, int? customerId, IEnumerable<FaxCounts> group)
        {
            var list = group.ToList();
            var customer = customerId is { } id ? customers.GetValueOrDefault(id) : null;
            return new FaxAccuracyRow(week, customerId, customer?.Code, customer?.Name, list.Count, list.Sum(f => f.Read),
                list.Sum(f => f.Confirmed), list.Sum(f => f.Changed), list.Sum(f => f.Missed));
        }

        DateOnly WeekOf(DateTimeOffset at)
        {
            var day = DateOnly.FromDateTime(clock.ToBusinessTime(at).DateTime);
            return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }

        var weeks = read.GroupBy(f => WeekOf(f.ReceivedAt)).OrderByDescending(g => g.Key).Select(g => Row(g.Key, null, g)).ToList();
        var perCustomer = read.GroupBy(f => f.CustomerId).Select(g => Row(null, g.Key, g))
            .OrderBy(r => r.Accuracy ?? 2).ThenByDescending(r => r.FieldsConfirmed).ThenBy(r => r.CustomerCode).ToList();
        return new FaxAccuracyReport(Row(null, null, read), weeks, perCustomer,
            faxes.Count(f => f.State == FaxRecognitionState.NotAForm), faxes.Count(f => f.State == FaxRecognitionState.Unreadable));
    }

    /// <summary>One FAX's field counts for the accuracy page.</summary>
    private sealed record FaxCounts(FaxRecognitionState State, DateTimeOffset ReceivedAt, int? CustomerId, int Read, int Confirmed,
        int Changed, int Missed);
}
