using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Demo;

/// <summary>What every generation phase shares: the profile, the seed, the clock, the rules and the writer.</summary>
internal sealed class DemoContext
{
    public DemoContext(DemoProfile profile, int seed, RulesOptions options, IBusinessCalendar calendar, BusinessClock clock,
        BulkWriter writer)
    {
        Profile = profile;
        Seed = seed;
        Options = options;
        Clock = clock;
        Writer = writer;
        Now = clock.Now;
        Today = clock.Today;
        FirstOrderDay = Today.AddMonths(-profile.HistoryMonths).AddDays(1);
        Delivery = new DeliveryRules(calendar, options);
        Shipping = new ShippingRules(options);
        Tax = new TaxRules(options);
        Points = new PointRules(options);
        Returns = new ReturnRules(options);
    }

    public DemoProfile Profile { get; }
    public int Seed { get; }
    public RulesOptions Options { get; }
    public BusinessClock Clock { get; }
    public BulkWriter Writer { get; }
    /// <summary>The generation's instant, in Japan time; nothing is generated after it.</summary>
    public DateTimeOffset Now { get; }
    public DateOnly Today { get; }
    /// <summary>The oldest day with orders: the history reaches back <see cref="DemoProfile.HistoryMonths"/> months.</summary>
    public DateOnly FirstOrderDay { get; }
    public DeliveryRules Delivery { get; }
    public ShippingRules Shipping { get; }
    public TaxRules Tax { get; }
    public PointRules Points { get; }
    public ReturnRules Returns { get; }

    /// <summary>A generator of its own per phase, so a change in one phase does not reshuffle the others.</summary>
    public Random RandomFor(DemoPhase phase) => DemoRandom.ForPhase(Seed, (int)phase);

    /// <summary>Japan time on a business day.</summary>
    public DateTimeOffset At(DateOnly day, TimeSpan timeOfDay) => Clock.At(day, TimeOnly.FromTimeSpan(timeOfDay));
}

internal enum DemoPhase
{
    Accounts = 1,
    Catalog,
    Staff,
    Orders,
    Returns,
    Points,
    FaxInbox,
}
