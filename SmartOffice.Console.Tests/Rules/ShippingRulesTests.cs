using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Rules.TestValues;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>配送料は、いくらですか? / 追加注文は出来ますか?.</summary>
public class ShippingRulesTests
{
    private static readonly SmartOfficeRules Rules = SmartOfficeRules.CreateDefault();
    private static readonly ShippingRules Shipping = new(new RulesOptions());

    [Theory]
    [InlineData(0, 300)]
    [InlineData(2499, 300)]   // 2,500円(税抜)未満: 配送料300円
    [InlineData(2500, 0)]     // 2,500円(税抜)以上: 無料
    [InlineData(120000, 0)]
    public void One_order_ships_free_from_2500_yen_ex_tax(int goodsSubtotalExTax, int fee)
    {
        Assert.Equal(fee, Rules.ShippingFee(goodsSubtotalExTax));
    }

    [Fact]
    public void A_negative_subtotal_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.ShippingFee(-1));
    }

    // The first order of Monday 2026-06-01 reached 2,500 yen: delivery Tuesday 06-02 to ship-to 1.
    private static readonly ShippingOrder FirstOrder = new(Day("2026-06-01"), Day("2026-06-02"), ShipToId: 1, GoodsSubtotalExTax: 3000);

    public static TheoryData<string, ShippingOrder, bool, ShippingOrder[], ShippingFeeReason> AdditionalOrders => new()
    {
        { "2nd order, same day, date and ship-to", FirstOrder with { GoodsSubtotalExTax = 800 }, true, [FirstOrder],
            ShippingFeeReason.FreeAdditionalOrder },
        { "3rd order too", FirstOrder with { GoodsSubtotalExTax = 500 }, true, [FirstOrder, FirstOrder with { GoodsSubtotalExTax = 800 }],
            ShippingFeeReason.FreeAdditionalOrder },
        { "4th order, the qualifying order not the first", FirstOrder with { GoodsSubtotalExTax = 500 }, true,
          [FirstOrder with { GoodsSubtotalExTax = 800 }, FirstOrder, FirstOrder with { GoodsSubtotalExTax = 100 }],
              ShippingFeeReason.FreeAdditionalOrder },
        { "another ship-to", FirstOrder with { ShipToId = 2, GoodsSubtotalExTax = 800 }, true, [FirstOrder], ShippingFeeReason.Charged },
        { "another delivery date", FirstOrder with { DeliveryDate = Day("2026-06-05"), GoodsSubtotalExTax = 800 }, true, [FirstOrder],
            ShippingFeeReason.Charged },
        { "after the cutoff", FirstOrder with { GoodsSubtotalExTax = 800 }, false, [FirstOrder], ShippingFeeReason.Charged },
        { "earlier order on another acceptance day, same delivery date", FirstOrder with { GoodsSubtotalExTax = 800 }, true,
          [FirstOrder with { AcceptanceDay = Day("2026-05-30") }], ShippingFeeReason.Charged },
        { "earlier order at 2,499 yen", FirstOrder with { GoodsSubtotalExTax = 800 }, true, [FirstOrder with { GoodsSubtotalExTax = 2499 }],
            ShippingFeeReason.Charged },
        { "earlier orders only together over 2,500 yen", FirstOrder with { GoodsSubtotalExTax = 800 }, true,
          [FirstOrder with { GoodsSubtotalExTax = 2000 }, FirstOrder with { GoodsSubtotalExTax = 2000 }], ShippingFeeReason.Charged },
        { "no earlier order", FirstOrder with { GoodsSubtotalExTax = 800 }, true, [], ShippingFeeReason.Charged },
        { "over 2,500 yen itself", FirstOrder with { ShipToId = 2 }, false, [], ShippingFeeReason.FreeOverThreshold },
        { "special orders have no delivery date to share", FirstOrder with { DeliveryDate = null, GoodsSubtotalExTax = 800 }, true,
          [FirstOrder with { DeliveryDate = null }], ShippingFeeReason.Charged },
    };

    [Theory]
    [MemberData(nameof(AdditionalOrders))]
    public void A_later_order_ships_free_when_an_earlier_one_of_that_day_to_the_same_place_and_date_reached_2500_yen(
        string scenario, ShippingOrder order, bool receivedBeforeCutoff, ShippingOrder[] earlierOrders, ShippingFeeReason reason)
    {
        var expected = new ShippingDecision(reason == ShippingFeeReason.Charged ? 300 : 0, reason);

        var decision = Shipping.Decide(order, receivedBeforeCutoff, earlierOrders);

        Assert.True(expected == decision, $"{scenario}: expected {expected}, got {decision}");
    }

    [Fact]
    public void The_threshold_and_fee_are_settings()
    {
        var shipping = new ShippingRules(new RulesOptions { FreeShippingThreshold = 5000, ShippingFee = 500 });

        Assert.Equal(500, shipping.BasicFee(4999));
        Assert.Equal(0, shipping.BasicFee(5000));
    }
}
