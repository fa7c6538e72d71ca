using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Staff;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// A dealer rep learns nothing of another dealer's customers through their own (docs/business-rules.md: reps see only their own dealer's
/// customers). The duplicate check of the registration and change forms looks at every dealer's customers — a duplicate is a
/// duplicate — and notes the ones the staff member confirmed in the customer's history; the rep of the customer's dealer
/// reads that history: the other dealer's customer codes must not be in it for them, while the desk still sees which
/// customers they were.
/// </summary>
public sealed class CrossDealerLeakTests : IAsyncLifetime
{
    private const string OtherDealersCode = "10000001", OwnCode = "10000002", SharedPhone = "03-5555-6666";
    private readonly TestDatabase _database = new();
    private int _ownDealer;
    private Domain.Accounts.Department _own = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var other = await _database.AddCustomerAsync("DA", OtherDealersCode);
        await _database.UpdateAsync<Customer>(other.CustomerId, c => (c.Phone, c.PhoneDigits) = (SharedPhone, "0355556666"));
        _own = await _database.AddCustomerAsync("DB", OwnCode);
        _ownDealer = await _database.DealerIdOfAsync(_own);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_rep_registering_a_customer_whose_phone_another_dealers_customer_has_never_reads_that_customers_code()
    {
        var rep = TestStaff.DealerRep(_ownDealer);
        var choices = await As(rep, s => s.GetRequiredService<CustomerRegistrationService>().ChoicesAsync());
        var form = new CustomerRegistration("株式会社新規", "シンキ", "100-0001", "東京都港区1-1", SharedPhone, null, choices.Regions[0].Id, _ownDealer,
            "総務部", "新井 一郎", null, true, new ChangeRequester("新井 一郎", RequestChannel.Phone));

        var warned = await As(rep, s => s.GetRequiredService<CustomerRegistrationService>().RegisterAsync(form));
        var duplicate = Assert.Single(warned.Duplicates);
        Assert.DoesNotContain(OtherDealersCode, duplicate.Code + duplicate.Name);
        var saved = await As(rep, s => s.GetRequiredService<CustomerRegistrationService>()
            .RegisterAsync(form with { DuplicateConfirmed = true }));

        await AssertHistoryAsync(saved.CustomerId!.Value, rep);
    }

    [Fact]
    public async Task A_change_the_desk_confirmed_against_another_dealers_customer_shows_the_rep_no_code_of_that_dealer()
    {
        var version = (await As(TestStaff.DeskAgent, s => s.GetRequiredService<CustomerAccountService>().GetAsync(_own.CustomerId)))
            .Version;
        var change = new RegistrationChange(_own.CustomerId, version, $"株式会社テスト{OwnCode}", "テスト", "100-0001", "東京都千代田区1-1",
            "03-1111-2222", SharedPhone, new ChangeRequester("山田 花子", RequestChannel.Fax), DuplicateConfirmed: true);

        var changed = await As(TestStaff.DeskAgent, s => s.GetRequiredService<CustomerRegistrationService>().ChangeAsync(change));

        Assert.Contains(changed.Duplicates, d => d.Code == OtherDealersCode);
        await AssertHistoryAsync(_own.CustomerId, TestStaff.DealerRep(_ownDealer));
    }

    /// <summary>The rep reads no code of the other dealer's customer in any entry; the desk reads it in the duplicate note.</summary>
    private async Task AssertHistoryAsync(int customerId, ICurrentStaff rep)
    {
        var seenByRep = await As(rep, s => s.GetRequiredService<CustomerAccountService>().HistoryAsync(customerId));
        var seenByDesk = await As(TestStaff.DeskAgent, s => s.GetRequiredService<CustomerAccountService>().HistoryAsync(customerId));

        Assert.NotEmpty(seenByRep.Entries);
        Assert.All(seenByRep.Entries, e => Assert.DoesNotContain(OtherDealersCode, Text(e)));
        Assert.Contains(seenByRep.Entries, e => e.Note?.Contains("他の販売店のお客様", StringComparison.Ordinal) == true);
        Assert.Contains(seenByDesk.Entries, e => e.Note?.Contains(OtherDealersCode, StringComparison.Ordinal) == true);
    }

    private static string Text(AuditEntry e) => string.Join("\n", e.Before, e.After, e.RequestedBy, e.Note, e.EntityId);

    private async Task<T> As<T>(ICurrentStaff staff, Func<IServiceProvider, Task<T>> use)
    {
        await using var services = MatrixDatabase.Services(_database, staff);
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }
}
