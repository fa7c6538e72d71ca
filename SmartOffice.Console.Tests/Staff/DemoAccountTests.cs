using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Demo;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// The demo's accounts have a published password. A demo account is one the demo generator flagged (not a user name), and
/// every start with the demo off disables them, ending their sessions.
/// </summary>
public sealed class DemoAccountTests
{
    private static readonly DemoProfile Tiny = DemoProfile.Standard with
    {
        Dealers = 2, Customers = 20, Products = 100, Orders = 300, PrizeApplications = 3, ReturnSlips = 2, BalanceRequests = 2,
    };

    [Fact]
    public async Task Demo_accounts_are_flagged_and_disabled_whenever_the_demo_is_off_whatever_their_names()
    {
        await using var database = await DemoDatabase.CreateAsync();
        await DemoDatabase.Generator(database).GenerateAsync(Tiny, DemoDatabase.Seed, throughEf: false, CancellationToken.None);
        string[] demoIds;
        await using (var db = database.CreateDbContext())
        {
            demoIds = await db.Users.Select(u => u.Id).ToArrayAsync();
            Assert.All(await db.Users.ToListAsync(), u => Assert.True(u.IsDemo && u.IsActive, u.UserName));
            // Renamed, a demo account is still one; a real account may carry a demo name.
            var admin = await db.Users.SingleAsync(u => u.UserName == DemoStaff.Administrator);
            admin.UserName = admin.NormalizedUserName = "renamed";
            await db.SaveChangesAsync();
        }
        await database.AddStaffMemberAsync("real-admin1", DemoStaff.Administrator, StaffRoles.Administrator);
        var desk = await database.StaffAsync(demoIds[0]);
        var session = await MatrixDatabase.Services(database, TestStaff.Anonymous).GetRequiredService<StaffSessionStore>()
            .StartAsync(desk, "127.0.0.1");

        // Start-up with the demo off (TestDatabase initialises as the app does, Demo:Enabled false).
        await database.InitializeAsync();

        await using var after = database.CreateDbContext();
        Assert.All(await after.Users.Where(u => demoIds.Contains(u.Id)).ToListAsync(), u => Assert.False(u.IsActive, u.UserName));
        Assert.True((await after.Users.SingleAsync(u => u.Id == "real-admin1")).IsActive);
        Assert.Equal(StaffSessionEnd.Disabled, (await database.SessionAsync(session.Id)).EndReason);
        Assert.Equal(demoIds.Length, await after.AuditEntries.CountAsync(a => a.Action == "Staff.DemoDisabled"));
    }
}
