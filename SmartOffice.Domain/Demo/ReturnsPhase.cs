using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Demo;

/// <summary>Points a credited return slip takes back, from its order's lot first.</summary>
internal sealed record PointReversal(ReturnSlip Slip, int? LotId, int AccountId, int Points, DateTimeOffset At);

internal sealed record DemoReturns(IReadOnlyList<ReturnSlip> Slips, IReadOnlyList<PointReversal> Reversals);

/// <summary>
/// Return slips keyed from 返品依頼書 against recently delivered orders, at every stage from received to done;
/// the stage follows the form's age, and inspection follows the return rules.
/// </summary>
internal sealed class ReturnsPhase(DemoContext context, OrderHistory history, DemoStaffIds staff)
{
    private static readonly ReturnReason[] CustomerReasons = [ReturnReason.ImageDiffers, ReturnReason.OrderedByMistake, ReturnReason.Other];
    private static readonly ReturnReason[] OurFaultReasons = [ReturnReason.DamagedOnArrival, ReturnReason.WrongItemDelivered];

    private readonly Random _rng = context.RandomFor(DemoPhase.Returns);

    public DemoReturns Run()
    {
        var slips = new List<ReturnSlip>();
        var reversals = new List<PointReversal>();
        var lineId = 0;
        foreach (var candidate in Shuffled(history.ReturnCandidates))
        {
            if (slips.Count == context.Profile.ReturnSlips)
                break;
            var ourFault = _rng.Chance(0.3);
            var reason = _rng.Pick(ourFault ? OurFaultReasons : CustomerReasons);
            // Customers cannot return food, drinks or books; goods wrong or damaged on our side come back anyway.
            var eligible = candidate.Lines.Where(l => ourFault || !l.NonReturnable).ToList();
            if (eligible.Count == 0)
                continue;

            // The form arrives days to weeks after delivery, by yesterday, within the return window.
            var lastDay = context.Returns.LastFormDay(candidate.DeliveredOn) < context.Today
                ? context.Returns.LastFormDay(candidate.DeliveredOn)
                : context.Today.AddDays(-1);
            var formReceivedOn =
                candidate.DeliveredOn.AddDays(_rng.Between(2, Math.Min(60, lastDay.DayNumber - candidate.DeliveredOn.DayNumber)));
            var age = context.Today.DayNumber - formReceivedOn.DayNumber;
            var status = age switch
            {
                <= 2 => ReturnSlipStatus.Received,
                <= 5 => ReturnSlipStatus.PickupArranged,
                <= 9 => ReturnSlipStatus.Inspected,
                <= 20 => ReturnSlipStatus.Credited,
                _ => ReturnSlipStatus.Done,
            };
            var inspected = status >= ReturnSlipStatus.Inspected;
            // Keyed with its number and key, then moved through the slip's own steps to its stage.
            var slip = ReturnSlip.Keyed(slips.Count + 1, $"R{formReceivedOn:yyMMdd}{slips.Count + 1:D4}", candidate.OrderId,
                candidate.CustomerId, formReceivedOn, context.At(formReceivedOn, TimeSpan.FromMinutes(_rng.Between(9 * 60 + 30, 17 * 60))),
                _rng.Pick(staff.DeskAgents));

            var verdicts = new List<ReturnVerdict>();
            foreach (var line in eligible.OrderBy(_ => _rng.Next()).Take(_rng.Between(1, Math.Min(3, eligible.Count))))
            {
                var unopened = _rng.Chance(ourFault ? 0.5 : 0.9);
                var verdict = ourFault
                    ? context.Returns.CheckOurFaultReturn(candidate.DeliveredOn, formReceivedOn)
                    : context.Returns.CheckCustomerReturn(candidate.DeliveredOn, formReceivedOn, unopened, line.NonReturnable);
                verdicts.Add(verdict);
                slip.AddLine(line.OrderLineId, _rng.Between(1, line.Quantity), reason, unopened, ReasonNote(reason), id: ++lineId);
            }

            if (status >= ReturnSlipStatus.PickupArranged)
                slip.ArrangePickup();
            if (inspected && verdicts.All(v => v != ReturnVerdict.Accepted))
                slip.Reject(RejectReason(verdicts[0]));
            else if (inspected)
            {
                slip.Inspect(slip.Lines.Zip(verdicts).ToDictionary(x => x.First.Id, x => x.Second == ReturnVerdict.Accepted));
                if (status >= ReturnSlipStatus.Credited)
                    Credit(slip, candidate, ourFault, formReceivedOn, reversals);
                if (status == ReturnSlipStatus.Done)
                    slip.Complete();
            }
            slips.Add(slip);
        }
        return new DemoReturns(slips, reversals);
    }

    /// <summary>
    /// Credits the accepted lines with their tax per rate; refunds shipping only for a full return that was our fault;
    /// takes back the points the order would not have earned on what it kept.
    /// </summary>
    private void Credit(ReturnSlip slip, ReturnCandidate candidate, bool ourFault, DateOnly formReceivedOn, List<PointReversal> reversals)
    {
        var accepted = slip.Lines
            .Where(l => l.Inspection == InspectionResult.Accepted)
            .Select(l => (Line: l, Ordered: candidate.Lines.First(o => o.OrderLineId == l.OrderLineId)))
            .ToList();
        var goods = accepted.Sum(a => a.Ordered.UnitPrice * a.Line.Quantity);
        var tax = context.Tax.ForSlip(
            accepted.Select(a => new TaxableAmount(a.Ordered.TaxClass, a.Ordered.UnitPrice * a.Line.Quantity)), 0);
        var fullReturn = candidate.Lines.All(o => accepted.Any(a => a.Ordered.OrderLineId == o.OrderLineId
                                                                    && a.Line.Quantity == o.Quantity));
        var pointsDue = candidate.PointsEarned == 0 ? 0
            : candidate.PointsEarned - context.Points.PointsEarned(candidate.GoodsSubtotal - goods);
        slip.Credit(new ReturnCredit(goods, tax.TaxAt(context.Options.StandardTaxRatePercent),
            tax.TaxAt(context.Options.ReducedTaxRatePercent), ourFault && fullReturn ? candidate.ShippingFee : 0, pointsDue));
        if (slip.PointsReversed > 0 && candidate.LotId is { } lotId)
        {
            var lot = history.Lots[lotId - 1];
            reversals.Add(new PointReversal(slip, lotId, lot.AccountId, slip.PointsReversed,
                context.At(formReceivedOn.AddDays(9), TimeSpan.FromHours(15))));
        }
    }

    private List<ReturnCandidate> Shuffled(IReadOnlyList<ReturnCandidate> candidates)
    {
        var list = candidates.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private static string? ReasonNote(ReturnReason reason) => reason switch
    {
        ReturnReason.ImageDiffers => "色味がカタログと異なるため",
        ReturnReason.OrderedByMistake => "発注数量の誤り",
        ReturnReason.DamagedOnArrival => "外箱破損・中身破損あり",
        ReturnReason.WrongItemDelivered => "注文と異なる商品が届いた",
        _ => null,
    };

    private static string RejectReason(ReturnVerdict verdict) => verdict switch
    {
        ReturnVerdict.TooLate => "返品期限（お届け日から90日）を過ぎています",
        ReturnVerdict.Opened => "開封済み・使用済みのため返品をお受けできません",
        ReturnVerdict.NonReturnable => "返品不可商品のため返品をお受けできません",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
