namespace SmartOffice.Domain.Rules;

public enum ShippingFeeReason
{
    /// <summary>The order's goods subtotal reached the free-shipping threshold.</summary>
    FreeOverThreshold,
    /// <summary>追加注文: an earlier order of the same acceptance day, ship-to and delivery date reached it.</summary>
    FreeAdditionalOrder,
    Charged,
    /// <summary>
    /// The fee stayed as it was when the order's cutoff batch closed, though an order received earlier (keyed, voided or
    /// corrected since) changes what the additional-order rule gives: a shipped order's fee is not re-priced.
    /// </summary>
    KeptAfterBatchClosed,
}

/// <summary>An order as the shipping rules see it; <see cref="DeliveryDate"/> is null when advised individually.</summary>
public sealed record ShippingOrder(DateOnly AcceptanceDay, DateOnly? DeliveryDate, int ShipToId, int GoodsSubtotalExTax);

/// <summary>The fee (yen ex-tax) and why.</summary>
public sealed record ShippingDecision(int Fee, ShippingFeeReason Reason);

/// <summary>配送料: free from the threshold (goods ex-tax, without shipping), otherwise the flat fee.</summary>
public sealed class ShippingRules(RulesOptions options)
{
    /// <summary>The basic rule, one order on its own.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative subtotal.</exception>
    public int BasicFee(int goodsSubtotalExTax)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(goodsSubtotalExTax);
        return IsOverThreshold(goodsSubtotalExTax) ? 0 : options.ShippingFee;
    }

    /// <summary>
    /// The basic rule plus 追加注文: an order received before its cutoff (当日締時刻までに) ships free when an
    /// earlier order of the same customer with the same acceptance day, delivery date and ship-to reached
    /// the threshold — the second order, and a third or fourth too.
    /// </summary>
    /// <param name="order">This order.</param>
    /// <param name="receivedBeforeCutoff">This order arrived before its channel's and region's cutoff on its acceptance day.</param>
    /// <param name="earlierOrders">The customer's earlier orders (any day; only matching ones count).</param>
    public ShippingDecision Decide(ShippingOrder order, bool receivedBeforeCutoff, IEnumerable<ShippingOrder> earlierOrders)
    {
        if (BasicFee(order.GoodsSubtotalExTax) == 0)
            return new ShippingDecision(0, ShippingFeeReason.FreeOverThreshold);

        var additional = receivedBeforeCutoff && order.DeliveryDate is not null && earlierOrders.Any(earlier =>
            earlier.AcceptanceDay == order.AcceptanceDay
            && earlier.DeliveryDate == order.DeliveryDate
            && earlier.ShipToId == order.ShipToId
            && IsOverThreshold(earlier.GoodsSubtotalExTax));
        return additional
            ? new ShippingDecision(0, ShippingFeeReason.FreeAdditionalOrder)
            : new ShippingDecision(options.ShippingFee, ShippingFeeReason.Charged);
    }

    private bool IsOverThreshold(int goodsSubtotalExTax) => goodsSubtotalExTax >= options.FreeShippingThreshold;
}
