using SmartOffice.Domain;
using SmartOffice.Domain.Returns;

namespace SmartOffice.Console.Tests.Returns;

/// <summary>
/// The return slip guards its own workflow (docs/architecture.md "Returns, points and prizes"): each step only from the
/// status before it, inspection needs a verdict for every line, a rejection refuses every line, a shortfall never
/// exceeds what the credit took back.
/// </summary>
public sealed class ReturnSlipWorkflowTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9));

    private static ReturnSlip Slip()
    {
        var slip = ReturnSlip.Keyed(7, "R26112500007", 1, 2, new DateOnly(2026, 11, 25), At, "desk");
        slip.AddLine(11, 2, ReturnReason.ImageDiffers, unopened: true, note: null, id: 1);
        slip.AddLine(12, 1, ReturnReason.DamagedOnArrival, unopened: false, note: "箱潰れ", id: 2);
        return slip;
    }

    private static string Refused(Action step) => Assert.Throws<BusinessRuleException>(step).Key;

    [Fact]
    public void A_slip_moves_only_from_the_step_before()
    {
        var slip = Slip();
        Assert.Equal("Returns.WrongStatus", Refused(() => slip.Inspect(new Dictionary<int, bool> { [1] = true, [2] = true })));
        Assert.Equal("Returns.WrongStatus", Refused(slip.Complete));

        slip.ArrangePickup();
        Assert.Equal("Returns.WrongStatus", Refused(() => slip.AddLine(13, 1, ReturnReason.Other, true, "追加")));
        Assert.Equal("Returns.WrongStatus", Refused(() => slip.Credit(new ReturnCredit(100, 10, 0, 0, 1))));
        Assert.Equal("Returns.InspectEveryLine", Refused(() => slip.Inspect(new Dictionary<int, bool> { [1] = true })));
        Assert.Equal("Returns.AllLinesRejected", Refused(() => slip.Inspect(new Dictionary<int, bool> { [1] = false, [2] = false })));
        Assert.Equal(ReturnSlipStatus.PickupArranged, slip.Status);

        slip.Inspect(new Dictionary<int, bool> { [1] = true, [2] = false });
        slip.Credit(new ReturnCredit(2000, 200, 0, 0, 20));
        slip.PointsFellShort(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => slip.PointsFellShort(16));
        Assert.Equal("Returns.WrongStatus", Refused(() => slip.Reject("遅すぎ")));
        slip.Complete();

        Assert.Equal(ReturnSlipStatus.Done, slip.Status);
        Assert.Equal([InspectionResult.Accepted, InspectionResult.Rejected], slip.Lines.Select(l => l.Inspection));
        Assert.Equal((2000, 200, 15, 5), (slip.CreditAmount, slip.CreditTaxStandard, slip.PointsReversed, slip.PointsShortfall));
    }

    [Fact]
    public void A_rejected_slip_refuses_every_line_and_keeps_its_reason()
    {
        var slip = Slip();
        slip.ArrangePickup();
        slip.Inspect(new Dictionary<int, bool> { [1] = true, [2] = false });

        slip.Reject("開封済み");

        Assert.Equal((ReturnSlipStatus.Rejected, "開封済み"), (slip.Status, slip.RejectReason));
        Assert.All(slip.Lines, l => Assert.Equal(InspectionResult.Rejected, l.Inspection));
        Assert.Equal("Returns.WrongStatus", Refused(slip.ArrangePickup));
    }

    [Fact]
    public void A_new_slip_is_numbered_by_its_form_day_and_id_once_saved()
    {
        var slip = ReturnSlip.Receive(1, 2, new DateOnly(2026, 11, 24), At, "desk");
        Assert.StartsWith("RX", slip.SlipNumber);

        slip.Number();

        Assert.Equal("R26112400000", slip.SlipNumber);
        Assert.Equal(ReturnSlipStatus.Received, slip.Status);
    }
}
