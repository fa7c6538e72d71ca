using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>One of several console instances on one database (behind a load balancer, here: two on one SQLite file).</summary>
public sealed class InstanceConsoleApp(string database) : ConsoleApp
{
    public const string Password = "shared-pass-1";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Database:ConnectionString"] = $"Data Source={database}",
    };

    public Task<string> CreateDeskAgentAsync(string userName) => CreateStaffAsync(userName, Password, StaffRoles.DeskAgent, "共有 花子");
}

/// <summary>The Data Protection key ring is in the database: a sign-in on one instance is good on the other, both ways.</summary>
[Collection(BrowserCollection.Name)] // test hosts start and stop one at a time (their logger is the process's)
public sealed class SharedSignInTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smartoffice-instances-").FullName;

    [Fact]
    public async Task A_cookie_from_one_instance_is_accepted_by_the_other()
    {
        var database = Path.Combine(_folder, "shared.db");
        await using var first = new InstanceConsoleApp(database);
        await first.CreateDeskAgentAsync("roaming");
        await using var second = new InstanceConsoleApp(database);
        _ = second.BaseAddress;

        await AssertSignedInElsewhereAsync(first, second);
        await AssertSignedInElsewhereAsync(second, first);

        await using var db = await first.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    private static async Task AssertSignedInElsewhereAsync(InstanceConsoleApp signIn, InstanceConsoleApp other)
    {
        var cookies = new CookieContainer();
        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) {
            BaseAddress = signIn.BaseAddress })
            Assert.Equal(HttpStatusCode.Redirect, (await StaffHttp.SignInAsync(http, "roaming", InstanceConsoleApp.Password)).StatusCode);
        var staffCookie = cookies.GetAllCookies().Single(c => c.Name == "smartoffice.staff");

        using var elsewhere =
            new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = other.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.Add("Cookie", $"{staffCookie.Name}={staffCookie.Value}");
        using var response = await elsewhere.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("共有 花子", await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
