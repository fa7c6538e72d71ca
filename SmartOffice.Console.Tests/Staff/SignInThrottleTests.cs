using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>A console that slows an address down after 3 failed sign-ins (the shipped setting is 10 in 15 minutes), on
/// an <see cref="AdjustableClock"/>.</summary>
public sealed class SlowDownApp : AdjustableClockApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Staff:AddressFailuresBeforeSlowdown"] = "3",
        ["Staff:AddressSlowdownMaxSeconds"] = "30",
    };
}

/// <summary>
/// ASVS 6.3.1: guessing from one address is slowed down across user names, not only counted per account; and no answer of
/// the sign-in tells whether a user name exists (unknown, wrong password, locked and disabled all read the same).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInThrottleTests
{
    [Fact]
    public async Task Failures_from_one_address_across_user_names_slow_it_down_before_any_password_is_checked()
    {
        await using var app = new SlowDownApp();
        await app.CreateStaffAsync("slowdesk", SlowDownApp.Password, StaffRoles.DeskAgent, "低速 一郎");
        using var client = await StaffHttp.ClientAsync(app.BaseAddress, null, "");

        foreach (var name in new[] { "nobody1", "slowdesk", "nobody2" })
            Assert.Contains("error=invalid", (await StaffHttp.SignInAsync(client, name, "guess-" + name)).Headers.Location!.OriginalString);

        // The right password now: not even checked, the address waits (1 s after the third failure, doubling after each next).
        var slowed = (await StaffHttp.SignInAsync(client, "slowdesk", SlowDownApp.Password)).Headers.Location!.OriginalString;
        Assert.Contains("error=slow", slowed);
        Assert.Contains("wait=1", slowed);
        var page = await client.GetStringAsync(slowed.TrimStart('/'));
        Assert.Contains("1秒ほど待ってから", page);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("/", (await StaffHttp.SignInAsync(client, "slowdesk", SlowDownApp.Password)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_wrong_locked_and_disabled_all_get_the_same_answer()
    {
        await using var app = new SlowDownApp();
        await app.CreateStaffAsync("wrongpw", SlowDownApp.Password, StaffRoles.DeskAgent, "誤り 花子");
        await app.CreateStaffAsync("gone", SlowDownApp.Password, StaffRoles.DeskAgent, "退職 次郎");
        await app.CreateStaffAsync("locked", SlowDownApp.Password, StaffRoles.DeskAgent, "施錠 三郎");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            var gone = await users.FindByNameAsync("gone");
            gone!.Disable();
            await users.UpdateAsync(gone);
            var locked = await users.FindByNameAsync("locked");
            await users.SetLockoutEndDateAsync(locked!, app.Clock.GetUtcNow().AddMinutes(15));
        }

        var answers = new List<string>();
        foreach (var (name, password) in new[] { ("nobody", "x-guess-1"), ("wrongpw", "x-guess-1"), ("gone", SlowDownApp.Password),
            ("locked", SlowDownApp.Password) })
        {
            // Each from a fresh client, and the clock moved past any slow-down: only the account differs.
            using var client = await StaffHttp.ClientAsync(app.BaseAddress, null, "");
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            var location = (await StaffHttp.SignInAsync(client, name, password)).Headers.Location!.OriginalString;
            answers.Add(location + "\n"
                + System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(location.TrimStart('/')),
                "role=\"alert\">([^<]*)<").Groups[1].Value);
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("error=invalid", answers[0]);
    }
}
