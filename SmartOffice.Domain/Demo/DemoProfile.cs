namespace SmartOffice.Domain.Demo;

/// <summary>
/// How much demo data to make. Internal so a test can run a scaled-down copy of <see cref="Large"/>
/// (<c>DemoProfile.Large with { … }</c>) and check its shape without generating millions of rows.
/// </summary>
internal sealed record DemoProfile
{
    public required int Dealers { get; init; }
    public required int Customers { get; init; }
    public required int Products { get; init; }
    /// <summary>Orders over the whole history (about: a day's count is drawn around its share).</summary>
    public required int Orders { get; init; }
    /// <summary>Relative weights of 1, 2, … 8 lines per order.</summary>
    public required IReadOnlyList<int> LineCountWeights { get; init; }
    /// <summary>Share of all orders placed by the first customer, the big account reports and benchmarks look at.</summary>
    public required double HeavyCustomerShare { get; init; }
    /// <summary>
    /// Share of orders whose points are due to expire (valid through a past month or this one), reached by
    /// weighting the oldest months' volume; null keeps the volume even over the months.
    /// </summary>
    public double? DueLotShare { get; init; }
    /// <summary>
    /// True: lots past their valid-through date already carry their Expire entry, as if the monthly job ran.
    /// False leaves them for the expiry job to find (benchmarks).
    /// </summary>
    public required bool ExpireOverdueLots { get; init; }
    public required int PrizeApplications { get; init; }
    public required int ReturnSlips { get; init; }
    public required int BalanceRequests { get; init; }
    /// <summary>Orders reach back this many months, up to and including today.</summary>
    public int HistoryMonths { get; init; } = 15;

    /// <summary>A working desk: ~1,000 customers, ~40,000 orders, ~120,000 lines; a few seconds.</summary>
    public static readonly DemoProfile Standard = new()
    {
        Dealers = 20,
        Customers = 1_000,
        Products = 5_000,
        Orders = 40_000,
        LineCountWeights = [25, 22, 18, 12, 9, 6, 5, 3],
        HeavyCustomerShare = 0.03,
        ExpireOverdueLots = true,
        PrizeApplications = 250,
        ReturnSlips = 40,
        BalanceRequests = 20,
    };

    /// <summary>
    /// Benchmarks: ≥ 50,000 products, ≥ 20,000 customers, ≥ 2,000,000 lines (≥ 200,000 for the first customer),
    /// ≥ 1,000,000 point lots of which about 40 % are due to expire and not yet expired.
    /// </summary>
    public static readonly DemoProfile Large = new()
    {
        Dealers = 120,
        Customers = 20_000,
        Products = 50_000,
        Orders = 1_200_000,
        LineCountWeights = [45, 25, 12, 7, 5, 3, 2, 1],
        HeavyCustomerShare = 0.09,
        // Exchanges spend the oldest lots first, which are the due ones: aim a little above 40 %.
        DueLotShare = 0.42,
        ExpireOverdueLots = false,
        PrizeApplications = 1_000,
        ReturnSlips = 2_000,
        BalanceRequests = 500,
    };

    public static DemoProfile For(DemoSize size) => size switch
    {
        DemoSize.Standard => Standard,
        DemoSize.Large => Large,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };
}
