using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Returns;

/// <summary>The slip's workflow steps: each is the slip's own guarded transition, checked against the version seen and audited.</summary>
public sealed partial class ReturnSlipService
{
    /// <summary>受付 → 集荷手配.</summary>
    public Task ArrangePickupAsync(int slipId, int version, CancellationToken cancellationToken = default) =>
        StepAsync(slipId, version, slip => slip.ArrangePickup(), cancellationToken);

    /// <summary>
    /// 集荷手配 → 検品済, with a verdict for every line; when every line is refused the slip is rejected instead (use
    /// <see cref="RejectAsync"/>).
    /// </summary>
    public Task InspectAsync(int slipId, int version, IReadOnlyList<LineInspection> verdicts,
        CancellationToken cancellationToken = default) =>
        StepAsync(slipId, version, (_, slip) =>
            {
                slip.Inspect(verdicts.GroupBy(v => v.ReturnSlipLineId).ToDictionary(g => g.Key, g => g.Last().Accepted));
                return Task.CompletedTask;
            }, null, slip => slip.Lines.Select(l => new { l.OrderLineId, l.Quantity, l.Inspection }), null, cancellationToken);

    /// <summary>
    /// 検品済 → 返金処理: credits the accepted lines ex-tax with tax once per rate, refunds the shipping fee only when this
    /// slip completes a full return of an order that was our fault, and reverses the points the order no longer earns
    /// (recomputed on what remains after every credited slip). Never below zero: the shortfall is recorded on the slip.
    /// </summary>
    public Task CreditAsync(int slipId, int version, CancellationToken cancellationToken = default)
    {
        var departmentId = 0;
        return StepAsync(slipId, version, async (db, slip) =>
            {
                (var credit, departmentId) = await CreditOfAsync(db, slip, cancellationToken);
                slip.Credit(credit);
            }, (db, slip) => TakeBackPointsAsync(db, slip, departmentId, cancellationToken),
            slip => new
            {
                slip.CreditAmount, slip.CreditTaxStandard, slip.CreditTaxReduced, slip.ShippingRefund, slip.PointsReversed,
                slip.PointsShortfall,
            }, null, cancellationToken);
    }

    /// <summary>返金処理 → 完了.</summary>
    public Task CompleteAsync(int slipId, int version, CancellationToken cancellationToken = default) =>
        StepAsync(slipId, version, slip => slip.Complete(), cancellationToken);

    /// <summary>却下 with a reason, before the credit; its quantities no longer count against the order.</summary>
    public Task RejectAsync(int slipId, int version, string? reason, CancellationToken cancellationToken = default)
    {
        var text = ReasonText.Require(JapaneseInput.Normalize(reason), "Returns.RejectReasonRequired");
        return StepAsync(slipId, version, (_, slip) =>
        {
            slip.Reject(text);
            return Task.CompletedTask;
        }, null, _ => null, text, cancellationToken);
    }

    private Task StepAsync(int slipId, int version, Action<ReturnSlip> step, CancellationToken cancellationToken) =>
        StepAsync(slipId, version, (_, slip) =>
        {
            step(slip);
            return Task.CompletedTask;
        }, null, _ => null, null, cancellationToken);

    /// <summary>
    /// One step in one transaction: <paramref name="step"/> is the slip's transition (after the reads it needs); the
    /// version is checked (and bumped) before <paramref name="then"/>, so a concurrent step on the same slip is refused
    /// before any points move; the audit entry names the step and <paramref name="details"/>.
    /// </summary>
    private async Task StepAsync(int slipId, int version, Func<SmartOfficeDbContext, ReturnSlip, Task> step,
        Func<SmartOfficeDbContext, ReturnSlip, Task>? then, Func<ReturnSlip, object?> details, string? note,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipProcess);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slip = await db.ReturnSlips.Include(s => s.Lines).FirstOrDefaultAsync(s => s.Id == slipId, cancellationToken)
                   ?? throw new BusinessRuleException("Returns.SlipNotFound");
        var dealer = await db.Customers.Where(c => c.Id == slip.CustomerId).Select(c => c.DealerId).SingleAsync(cancellationToken);
        AccessPolicy.DemandCustomer(staff, Capability.ReturnSlipProcess, dealer);
        slip.AsSeen(version, ChangedKey);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = slip.Status;
        await step(db, slip);
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        if (then is not null)
            await then(db, slip);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, $"Returns.{slip.Status}", nameof(ReturnSlip), slip.SlipNumber,
            new { Status = before }, new { slip.Status, Details = details(slip) }, note: note));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
