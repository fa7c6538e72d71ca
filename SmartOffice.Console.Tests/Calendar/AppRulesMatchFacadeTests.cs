using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Calendar;

/// <summary>
/// The public facade's default instance gives the same answers as the app's rules (the seeded
/// database calendar and the Honshu row) with default settings.
/// </summary>
public sealed class AppRulesMatchFacadeTests
{
    [Fact]
    public async Task Every_day_of_two_years_quotes_alike()
    {
        await using var database = await new TestDatabase(TestDatabase.JapanTime(2026, 11, 25, 10, 0)).InitializeAsync();
        await using var db = database.CreateDbContext();
        var honshu = await db.Regions.SingleAsync(r => r.Code == "Honshu");
        var app = new SmartOfficeRules(await database.Calendar.GetAsync(), database.Rules.Value, honshu.Cutoffs);
        var facade = SmartOfficeRules.CreateDefault();

        var mismatches = new List<string>();
        for (var day = new DateOnly(2026, 1, 1); day < new DateOnly(2028, 1, 1); day = day.AddDays(1))
        {
            if (app.IsAcceptanceDay(day) != facade.IsAcceptanceDay(day))
                mismatches.Add($"{day} acceptance");
            foreach (var (hour, minute) in new[] { (9, 0), (12, 59), (13, 0), (16, 59), (17, 0), (17, 29), (17, 30) })
            foreach (var channel in Enum.GetValues<OrderChannel>())
            foreach (var deliveryClass in Enum.GetValues<DeliveryClass>())
            {
                var at = TestDatabase.JapanTime(day.Year, day.Month, day.Day, hour, minute);
                if (app.QuoteDelivery(at, channel, deliveryClass, saturdayRequested: true) != facade.QuoteDelivery(at, channel,
                    deliveryClass, saturdayRequested: true)
                    || app.QuoteDelivery(at, channel, deliveryClass) != facade.QuoteDelivery(at, channel, deliveryClass))
                    mismatches.Add($"{day} {hour}:{minute} {channel} {deliveryClass}");
            }
        }
        Assert.Empty(mismatches);
    }
}
