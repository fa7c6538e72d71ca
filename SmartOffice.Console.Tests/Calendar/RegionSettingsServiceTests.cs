using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Calendar;

public sealed class RegionSettingsServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public async Task InitializeAsync() => await _database.InitializeAsync();

    private RegionSettingsService For(ICurrentStaff staff) => new(_database, staff, _database.Clock, new SchedulingChanges());

    private async Task<Domain.Accounts.Region> HonshuAsync() => (await For(TestStaff.Supervisor).ListAsync())
        .Single(r => r.Code == "Honshu");

    [Fact]
    public async Task Regions_start_from_the_settings_with_Honshu_as_the_FAQ_says()
    {
        var honshu = await HonshuAsync();
        Assert.Equal((new TimeOnly(17, 0), new TimeOnly(17, 30), 0), (honshu.FaxCutoff, honshu.WebCutoff, honshu.ExtraLeadDays));
    }

    [Fact]
    public async Task A_changed_cutoff_moves_the_acceptance_day_for_that_region()
    {
        var honshu = await HonshuAsync();
        var updated = await For(TestStaff.Supervisor).UpdateAsync(new(honshu.Id, honshu.Version, new(16, 0), new(17, 30), 1));

        var rules = new DeliveryRules(await _database.Calendar.GetAsync(), _database.Rules.Value);
        var quote = rules.Quote(TestDatabase.JapanTime(2026, 11, 25, 16, 30), OrderChannel.Fax, DeliveryClass.Standard,
            updated.Cutoffs);

        // 16:30 is now after the FAX cutoff: accepted Thursday, delivered Friday plus one extra day = Monday.
        Assert.Equal(new DateOnly(2026, 11, 26), quote.AcceptanceDay);
        Assert.Equal(new DateOnly(2026, 11, 30), quote.EarliestDelivery);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public async Task Lead_days_outside_0_to_10_are_refused_and_nothing_changes(int leadDays)
    {
        var honshu = await HonshuAsync();

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            For(TestStaff.Supervisor).UpdateAsync(new(honshu.Id, honshu.Version, new(16, 0), new(17, 30), leadDays)));

        Assert.Equal("追加リードタイムは0〜10日の範囲で入力してください。", error.Message);
        Assert.Equal(new TimeOnly(17, 0), (await HonshuAsync()).FaxCutoff);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task Seconds_in_a_cutoff_are_refused()
    {
        var honshu = await HonshuAsync();
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            For(TestStaff.Supervisor).UpdateAsync(new(honshu.Id, honshu.Version, new(16, 59, 59), new(17, 30), 0)));
        Assert.Equal("Regions.WholeMinutes", error.Key);
    }

    [Fact]
    public async Task The_second_of_two_supervisors_editing_the_same_region_is_told_to_reload()
    {
        var seen = await HonshuAsync();
        await For(TestStaff.Supervisor).UpdateAsync(new(seen.Id, seen.Version, new(16, 0), new(17, 30), 0));

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            For(TestStaff.Administrator).UpdateAsync(new(seen.Id, seen.Version, new(15, 0), new(17, 30), 0)));

        Assert.Equal("この地域は他の担当者が変更しました。画面を再読み込みしてください。", error.Message);
        Assert.Equal(new TimeOnly(16, 0), (await HonshuAsync()).FaxCutoff);
    }

    [Fact]
    public async Task Only_supervisors_and_administrators_see_or_change_regions()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => For(TestStaff.DeskAgent).ListAsync());
        var honshu = await HonshuAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            For(TestStaff.DealerRep(1)).UpdateAsync(new(honshu.Id, honshu.Version, new(16, 0), new(17, 30), 0)));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
