using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOffice.Console.Hosting;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>A console where a later folder watcher (a warehouse's, say) has registered its readiness check, and found
/// its folder missing.</summary>
public sealed class LaterWatcherApp : ConsoleApp
{
    public const string Password = "lantern-river-42";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Enabled"] = "false" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddHealthChecks().AddCheck("warehouse-inbound",
            () => HealthCheckResult.Degraded("inbound folder missing"), tags: [OperatorHealth.ReadyTag]));
    }
}

/// <summary>
/// Health for operators: /health/live (cheap, for the load balancer), /health (the database, as before) and /health/ready
/// (database, scheduler, FAX watcher and whatever registers later) — the status word for anyone, the details (folders,
/// jobs) only for signed-in supervisors and administrators.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorHealthTests(ConsoleApp app)
{
    [Theory]
    [InlineData("health/live")]
    [InlineData("health")]
    [InlineData("health/ready")]
    public async Task Anonymous_callers_get_the_status_word_only(string path)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_desk_agent_gets_the_status_word_only_and_a_supervisor_every_checks_details()
    {
        using (var desk = await StaffHttp.ClientAsync(app.BaseAddress, DemoStaff.DeskAgent2, DemoStaff.Password))
            Assert.Equal("Healthy", await desk.GetStringAsync("health/ready"));

        using var supervisor = await StaffHttp.ClientAsync(app.BaseAddress, DemoStaff.Supervisor, DemoStaff.Password);
        using var report = JsonDocument.Parse(await supervisor.GetStringAsync("health/ready"));
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal(["database", "fax-watcher", "scheduler"], checks.EnumerateObject().Select(c => c.Name).Order());
        // The tests' scheduler is in standby by setting: listed, not a problem.
        var scheduler = checks.GetProperty("scheduler");
        Assert.Equal("Healthy", scheduler.GetProperty("status").GetString());
        Assert.Contains("standby", scheduler.GetProperty("description").GetString());
        Assert.Contains(scheduler.GetProperty("data").GetProperty("jobs").EnumerateArray(),
            j => j.GetProperty("job").GetString() == "point-expiry");
        var watcher = checks.GetProperty("fax-watcher").GetProperty("data");
        Assert.Equal(app.FaxDropFolder, watcher.GetProperty("dropFolder").GetString());
        Assert.Empty(watcher.GetProperty("alerts").EnumerateArray());
    }

    [Fact]
    public async Task A_check_registered_later_is_in_the_readiness_report()
    {
        await using var later = new LaterWatcherApp();
        await later.CreateStaffAsync("opsadmin", LaterWatcherApp.Password, StaffRoles.Administrator, "運用 管理者");

        using (var anonymous = new HttpClient { BaseAddress = later.BaseAddress })
        {
            Assert.Equal("Degraded", await anonymous.GetStringAsync("health/ready"));
            // Liveness checks nothing: the instance stays in the load balancer.
            Assert.Equal("Healthy", await anonymous.GetStringAsync("health/live"));
        }
        using var admin = await StaffHttp.ClientAsync(later.BaseAddress, "opsadmin", LaterWatcherApp.Password);
        using var report = JsonDocument.Parse(await admin.GetStringAsync("health/ready"));
        var warehouse = report.RootElement.GetProperty("checks").GetProperty("warehouse-inbound");
        Assert.Equal(("Degraded", "inbound folder missing"),
            (warehouse.GetProperty("status").GetString(), warehouse.GetProperty("description").GetString()));
    }
}
