using SmartOffice.Domain;
using SmartOffice.Domain.Points;

namespace SmartOffice.Console.Tests.Points;

/// <summary>A balance request guards its one step (docs/architecture.md "Returns, points and prizes"): the reply is sent once.</summary>
public sealed class BalanceRequestTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void A_balance_reply_is_sent_once()
    {
        var request = BalanceRequest.Register(1, 2, 3, At);
        request.MarkSent(At.AddHours(1), "desk");

        Assert.Equal((BalanceRequestStatus.Sent, At.AddHours(1), "desk"), (request.Status, request.SentAt, request.SentByStaffId));
        Assert.Equal("Points.RequestAlreadySent", Refused(() => request.MarkSent(At.AddHours(2), "desk2")));
    }

    private static string Refused(Action step) => Assert.Throws<BusinessRuleException>(step).Key;
}
