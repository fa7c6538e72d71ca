namespace SmartOffice.Domain.Rules;

public enum ReturnVerdict { Accepted, TooLate, Opened, NonReturnable }

/// <summary>返品: the return request form (返品依頼書) must arrive within the window after the delivery date.</summary>
public sealed class ReturnRules(RulesOptions options)
{
    /// <summary>The last day a form may be received: delivery date + 90 days (delivered 1 Aug → 30 Oct).</summary>
    public DateOnly LastFormDay(DateOnly deliveredOn) => deliveredOn.AddDays(options.ReturnWindowDays);

    /// <summary>
    /// A return for the customer's reasons: in time, unused and unopened, and not a non-returnable item
    /// (飲料, 食品, 書籍…); when several fail, the first of TooLate, Opened, NonReturnable.
    /// </summary>
    /// <exception cref="ArgumentException">The form is dated before the delivery.</exception>
    public ReturnVerdict CheckCustomerReturn(DateOnly deliveredOn, DateOnly formReceivedOn, bool unopened, bool nonReturnable) =>
        !InWindow(deliveredOn, formReceivedOn) ? ReturnVerdict.TooLate
        : !unopened ? ReturnVerdict.Opened
        : nonReturnable ? ReturnVerdict.NonReturnable
        : ReturnVerdict.Accepted;

    /// <summary>Goods damaged or wrong on our side: accepted even opened or non-returnable, but the window still applies.</summary>
    /// <exception cref="ArgumentException">The form is dated before the delivery.</exception>
    public ReturnVerdict CheckOurFaultReturn(DateOnly deliveredOn, DateOnly formReceivedOn) =>
        InWindow(deliveredOn, formReceivedOn) ? ReturnVerdict.Accepted : ReturnVerdict.TooLate;

    private bool InWindow(DateOnly deliveredOn, DateOnly formReceivedOn)
    {
        if (formReceivedOn < deliveredOn)
            throw new ArgumentException(
                $"The return form ({formReceivedOn:yyyy-MM-dd}) cannot precede the delivery ({deliveredOn:yyyy-MM-dd}).",
                nameof(formReceivedOn));
        return formReceivedOn <= LastFormDay(deliveredOn);
    }
}
