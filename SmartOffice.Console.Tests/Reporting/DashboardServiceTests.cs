using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Support.TestDatabase;

namespace SmartOffice.Console.Tests.Reporting;

public sealed class DashboardServiceTests : IAsyncLifetime
{
    // Wednesday 2026-11-25, 10:00 in Japan.
    private readonly TestDatabase _database = new(JapanTime(2026, 11, 25, 10, 0));
    private int _dealerA;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var a = await _database.AddCustomerAsync("A", "C001");
        var b = await _database.AddCustomerAsync("B", "C002");
        _dealerA = (await _database.CreateDbContext().Dealers.FindAsync(a.Customer!.DealerId))!.Id;
        await _database.AddOrderAsync(a, OrderChannel.Fax, JapanTime(2026, 11, 25, 9, 15), "F1");
        await _database.AddOrderAsync(b, OrderChannel.Fax, JapanTime(2026, 11, 25, 0, 0), "F2");
        await _database.AddOrderAsync(b, OrderChannel.Web, JapanTime(2026, 11, 25, 8, 0), "W1");
        // 23:59 the day before in Japan: not today's.
        await _database.AddOrderAsync(a, OrderChannel.Fax, JapanTime(2026, 11, 24, 23, 59), "F0");
        await _database.AddWebUserAsync(a, "u1", failures: 11, lockedAt: JapanTime(2026, 11, 24, 12, 0));
        await _database.AddWebUserAsync(b, "u2", failures: 11, lockedAt: JapanTime(2026, 11, 25, 8, 0));
        await _database.AddWebUserAsync(b, "u3", failures: 9);
    }

    private DashboardService For(ICurrentStaff staff) =>
        new(_database, staff, _database.BusinessClock, _database.Calendar, _database.Rules,
            Microsoft.Extensions.Options.Options.Create(new SmartOffice.Domain.Ordering.FollowUpOptions()));

    [Fact]
    public async Task A_desk_agent_sees_todays_counts_in_Japan_time()
    {
        var counts = await For(TestStaff.DeskAgent).GetAsync();

        Assert.Equal(new DateOnly(2026, 11, 25), counts.Today);
        Assert.True(counts.TodayIsAcceptanceDay);
        Assert.Equal(2, counts.FaxOrdersToday);
        Assert.Equal(1, counts.WebOrdersToday);
        Assert.Equal(2, counts.LockedWebUsers);
        Assert.Equal(1, counts.WebUsersNearLock);
        Assert.Equal(2, counts.Customers);
    }

    [Fact]
    public async Task A_dealer_rep_counts_only_their_own_customers()
    {
        var counts = await For(TestStaff.DealerRep(_dealerA)).GetAsync();

        Assert.Equal(1, counts.FaxOrdersToday);
        Assert.Equal(0, counts.WebOrdersToday);
        Assert.Equal(1, counts.LockedWebUsers);
        Assert.Equal(1, counts.Customers);
    }

    [Theory]
    // At 10:00 the furniture cutoff (13:00) comes first; after it, the earliest region cutoff (Okinawa FAX 15:00).
    [InlineData(10, 0, "家具(トラックマーク)", null, 180)]
    [InlineData(13, 0, "沖縄", OrderChannel.Fax, 120)]
    [InlineData(16, 59, "本州", OrderChannel.Fax, 1)]
    public async Task The_next_cutoff_is_the_soonest_still_ahead(int hour, int minute, string label, OrderChannel? channel, int minutesLeft)
    {
        _database.Clock.SetUtcNow(JapanTime(2026, 11, 25, hour, minute));

        var cutoff = (await For(TestStaff.Supervisor).GetAsync()).NextCutoff!;

        Assert.Equal(label, cutoff.Label);
        Assert.Equal(channel, cutoff.Channel);
        Assert.Equal(minutesLeft, cutoff.MinutesLeft);
    }

    [Fact]
    public async Task After_the_last_cutoff_on_Saturday_the_next_is_Monday_furniture()
    {
        // Saturday 2026-11-28 18:00; Sunday is no acceptance day.
        _database.Clock.SetUtcNow(JapanTime(2026, 11, 28, 18, 0));

        var cutoff = (await For(TestStaff.Supervisor).GetAsync()).NextCutoff!;

        Assert.Equal(JapanTime(2026, 11, 30, 13, 0), cutoff.At);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => For(TestStaff.Anonymous).GetAsync());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
