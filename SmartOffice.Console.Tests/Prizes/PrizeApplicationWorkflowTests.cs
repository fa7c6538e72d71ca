using SmartOffice.Domain;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Prizes;

/// <summary>
/// The prize application guards its own steps (docs/architecture.md "Returns, points and
/// prizes"): 受付 → 手配中 → 発送済 → 完了 in order, cancelled only before shipping.
/// </summary>
public sealed class PrizeApplicationWorkflowTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9));

    private static PrizeApplication Application() => PrizeApplication.Keyed(3, "PA26112500003", 1, 2, 1, 500, OrderChannel.Fax, At);

    private static string Refused(Action step) => Assert.Throws<BusinessRuleException>(step).Key;

    [Fact]
    public void An_application_moves_in_order_and_records_when()
    {
        var application = Application();
        Assert.Equal("Prizes.WrongStatus", Refused(() => application.Ship(At, "ヤマト運輸", "1234")));
        Assert.Equal("Prizes.WrongStatus", Refused(() => application.Complete(At)));

        application.Arrange(At.AddHours(1));
        application.Ship(At.AddDays(2), "ヤマト運輸", "1234");
        Assert.Equal("Prizes.CannotCancel", Refused(() => application.Cancel(At.AddDays(3), "お客様の依頼")));
        application.Complete(At.AddDays(9));

        Assert.Equal(PrizeApplicationStatus.Done, application.Status);
        Assert.Equal((At.AddHours(1), At.AddDays(2), At.AddDays(9)),
            (application.ArrangedAt, application.ShippedAt, application.CompletedAt));
        Assert.Equal(("ヤマト運輸", "1234"), (application.Carrier, application.TrackingNumber));
    }

    [Fact]
    public void An_arranged_application_can_still_be_cancelled_once()
    {
        var application = Application();
        application.Arrange(At);

        application.Cancel(At.AddHours(2), "在庫切れ");

        Assert.Equal((PrizeApplicationStatus.Cancelled, "在庫切れ"), (application.Status, application.CancelReason));
        Assert.Equal("Prizes.CannotCancel", Refused(() => application.Cancel(At.AddHours(3), "重複")));
        Assert.Equal("Prizes.WrongStatus", Refused(() => application.Ship(At, "佐川急便", "9")));
    }
}
