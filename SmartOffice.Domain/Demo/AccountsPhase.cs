using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Text;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Demo;

/// <summary>A demo customer with what the order phase needs to place its orders.</summary>
internal sealed class DemoCustomer(Customer entity, RegionCutoffs cutoffs, string mailDomain, double faxShare, double activity)
{
    public Customer Entity { get; } = entity;
    public RegionCutoffs Cutoffs { get; } = cutoffs;
    public string MailDomain { get; } = mailDomain;
    /// <summary>How many of its orders come by FAX rather than Web.</summary>
    public double FaxShare { get; } = faxShare;
    /// <summary>Relative order volume (0 = never orders).</summary>
    public double Activity { get; } = activity;
    public List<DemoDepartment> Departments { get; } = [];
    public List<ShipTo> ShipTos { get; } = [];

    /// <summary>ポイント対象外 from the opt-out date on: neither earns nor exchanges.</summary>
    public bool EarnsPointsOn(DateOnly day) => !Entity.PointsOptedOutOn(day);
}

internal sealed class DemoDepartment(Department entity, DemoCustomer customer, int pointAccountId)
{
    public Department Entity { get; } = entity;
    public DemoCustomer Customer { get; } = customer;
    /// <summary>The department's own account: FAX orders earn here.</summary>
    public int PointAccountId { get; } = pointAccountId;
    public List<DemoWebUser> Users { get; } = [];
}

internal sealed record DemoWebUser(WebUser Entity, int PointAccountId);

/// <summary>A point account and the department it belongs to.</summary>
internal sealed record DemoPointAccount(PointAccount Entity, DemoDepartment Department);

internal sealed record DemoAccounts(
    IReadOnlyList<Dealer> Dealers, IReadOnlyList<DemoCustomer> Customers, IReadOnlyList<DemoPointAccount> PointAccounts)
{
    /// <summary>Point accounts have ids 1…n in list order.</summary>
    public DemoPointAccount Account(int id) => PointAccounts[id - 1];
}

/// <summary>Dealers, customers across the regions, departments, ship-tos, web users and point accounts.</summary>
internal sealed class AccountsPhase(DemoContext context, IReadOnlyList<Region> regions, string webUserPasswordHash)
{
    private const string HomeRegion = "Honshu";

    private static readonly decimal[] VolumeDiscountRates = [0.03m, 0.05m, 0.07m, 0.08m, 0.10m];
    private static readonly double[] FaxShares = [1.0, 0.7, 0.4, 0.1];
    private static readonly WeightedPicker DepartmentCount = new([40, 30, 20, 10]);
    private static readonly WeightedPicker ExtraUsers = new([60, 30, 7, 3]);

    private readonly Random _rng = context.RandomFor(DemoPhase.Accounts);
    private readonly List<DemoPointAccount> _accounts = [];
    private int _departmentId, _shipToId, _webUserId;

    public async Task<DemoAccounts> RunAsync(CancellationToken cancellationToken)
    {
        var places = regions
            .Select(r => (Region: r, Places: DemoVocabulary.Regions.FirstOrDefault(p => p.Code == r.Code)))
            .Where(r => r.Places is not null)
            .Select(r => (r.Region, Places: r.Places!))
            .ToList();
        if (places.Count == 0)
            throw new InvalidOperationException("Demo data needs the regions (Honshu, Hokkaido, …) seeded first.");
        var home = Math.Max(0, places.FindIndex(p => p.Region.Code == HomeRegion));

        var dealers = Dealers(places.Select(p => p.Places).ToList(), home);
        var regionPicker = new WeightedPicker(places.Select(p => p.Places.CustomerWeight));
        var customers = new List<DemoCustomer>(context.Profile.Customers);
        for (var i = 0; i < context.Profile.Customers; i++)
        {
            // The first customer is the big Tokyo account of the first dealer, which reports and benchmarks look at.
            var heavy = i == 0;
            var regionIndex = heavy ? home : regionPicker.Next(_rng);
            var (region, regionPlaces) = places[regionIndex];
            var sameRegion = dealers.Where(d => d.Region == regionIndex).Select(d => d.Dealer).ToList();
            var dealer = heavy ? dealers[0].Dealer : _rng.Pick(sameRegion.Count > 0 ? sameRegion : dealers.Select(d => d.Dealer).ToList());
            customers.Add(Customer(i + 1, region, regionPlaces, dealer, heavy));
        }

        var departments = customers.SelectMany(c => c.Departments).ToList();
        await context.Writer.InsertAsync(dealers.Select(d => d.Dealer).ToList(), cancellationToken);
        await context.Writer.InsertAsync(customers.Select(c => c.Entity).ToList(), cancellationToken);
        await context.Writer.InsertAsync(departments.Select(d => d.Entity).ToList(), cancellationToken);
        await context.Writer.InsertAsync(customers.SelectMany(c => c.ShipTos).ToList(), cancellationToken);
        await context.Writer.InsertAsync(departments.SelectMany(d => d.Users).Select(u => u.Entity).ToList(), cancellationToken);
        await context.Writer.InsertAsync(_accounts.Select(a => a.Entity).ToList(), cancellationToken);
        return new DemoAccounts(dealers.Select(d => d.Dealer).ToList(), customers, _accounts);
    }

    /// <summary>Two Tokyo dealers first (the demo dealer reps'), then one per other region, then spread like customers.</summary>
    private List<(Dealer Dealer, int Region)> Dealers(IReadOnlyList<RegionPlaces> places, int home)
    {
        var regionOrder = new[] { home, home }.Concat(Enumerable.Range(0, places.Count).Where(r => r != home)).ToList();
        var picker = new WeightedPicker(places.Select(p => p.CustomerWeight));
        var dealers = new List<(Dealer, int)>();
        for (var i = 0; i < context.Profile.Dealers; i++)
        {
            var region = i < regionOrder.Count ? regionOrder[i] : picker.Next(_rng);
            var name = DemoNames.Dealer(_rng);
            var where = DemoNames.Locate(_rng, i < 2 ? places[region].Cities[0] : _rng.Pick(places[region].Cities));
            dealers.Add((new Dealer
            {
                Id = i + 1,
                Code = $"D{i + 1:D3}",
                Name = name.Name,
                ContactPerson = DemoNames.Person(_rng).Name,
                Phone = where.Phone,
                Fax = where.Fax,
                Email = $"eigyo@{name.MailDomain}",
                PostalCode = where.PostalCode,
                Address = where.Address,
            }, region));
        }
        return dealers;
    }

    private DemoCustomer Customer(int id, Region region, RegionPlaces places, Dealer dealer, bool heavy)
    {
        var name = DemoNames.Company(_rng, places);
        var where = DemoNames.Locate(_rng, heavy ? places.Cities[0] : _rng.Pick(places.Cities));
        var optedOut = !heavy && _rng.Chance(0.05);
        var entity = new Customer
        {
            Id = id,
            // お客様番号: eight digits, increasing but not consecutive.
            Code = (10_000_000 + id * 13 + _rng.Next(13)).ToString(),
            Name = name.Name,
            NameKana = name.Kana,
            SearchKey = JapaneseInput.SearchKey(name.Name, name.Kana),
            PostalCode = where.PostalCode,
            Address = where.Address,
            Phone = where.Phone,
            Fax = where.Fax,
            PhoneDigits = DemoNames.DigitsOf(where.Phone),
            FaxDigits = DemoNames.DigitsOf(where.Fax),
            RegionId = region.Id,
            DealerId = dealer.Id,
            PointsOptedOut = optedOut,
            // Half opted out before the history starts, half during it (their earlier orders still earned).
            PointsOptOutFrom = !optedOut ? null
                : _rng.Chance(0.5) ? context.FirstOrderDay.AddYears(-1) : context.FirstOrderDay.AddDays(_rng.Next(300)),
            VolumeDiscountRate = heavy ? 0.05m : _rng.Chance(0.1) ? _rng.Pick(VolumeDiscountRates) : 0m,
            DeliverySlipNote = _rng.Chance(0.1) ? _rng.Pick(DemoVocabulary.DeliverySlipNotes) : null,
            BillingNote = _rng.Chance(0.08) ? _rng.Pick(DemoVocabulary.BillingNotes) : null,
            IsActive = heavy || !_rng.Chance(0.01),
        };
        var customer = new DemoCustomer(entity,
            region.Cutoffs,
            name.MailDomain,
            heavy ? 0.5 : _rng.Pick(FaxShares),
            // A few customers order a lot, most a little (Pareto); closed accounts no longer order.
            !entity.IsActive ? 0 : Math.Min(40, Math.Pow(1 - _rng.NextDouble(), -0.7)));

        var departments = heavy ? 4 : 1 + DepartmentCount.Next(_rng);
        var nameOffset = _rng.Next(DemoVocabulary.Departments.Count);
        for (var d = 0; d < departments; d++)
        {
            // The first department sits at the head office; the others there too, or at a branch elsewhere in the region.
            var branch = d > 0 && _rng.Chance(0.5);
            var site = branch ? DemoNames.Locate(_rng, _rng.Pick(places.Cities)) : where;
            var departmentName = d == 0 ? _rng.Pick(DemoVocabulary.HeadOfficeDepartments)
                : branch ? site.City.ShortName + _rng.Pick(DemoVocabulary.BranchKinds)
                : DemoVocabulary.Departments[(nameOffset + d) % DemoVocabulary.Departments.Count];
            customer.Departments.Add(Department(customer, site, d, departmentName, heavy));
        }

        var shipTos = _rng.Chance(0.2) ? _rng.Between(1, 2) : 0;
        for (var s = 0; s < shipTos; s++)
        {
            var site = DemoNames.Locate(_rng, _rng.Pick(places.Cities));
            customer.ShipTos.Add(new ShipTo
            {
                Id = ++_shipToId, CustomerId = id, Name = _rng.Pick(DemoVocabulary.ShipToNames),
                PostalCode = site.PostalCode, Address = site.Address, Phone = site.Phone,
            });
        }
        return customer;
    }

    private DemoDepartment Department(DemoCustomer customer, Location where, int index, string name, bool heavy)
    {
        var budget = !heavy && _rng.Chance(0.15);
        var entity = new Department
        {
            Id = ++_departmentId,
            CustomerId = customer.Entity.Id,
            Code = $"{index + 1:D3}",
            Name = name,
            PostalCode = where.PostalCode,
            Address = where.Address,
            Phone = where.Phone,
            MonthlyBudget = budget ? _rng.Between(5, 30) * 10_000 : null,
            BudgetKind = budget && _rng.Chance(0.4) ? BudgetKind.Soft : BudgetKind.Hard,
        };
        var department = new DemoDepartment(entity, customer, NextAccountId);
        AddAccount(PointAccountKind.Department, department, null);

        // Every department has at least one administrator (管理者): its first user.
        var users = heavy ? 6 : 1 + ExtraUsers.Next(_rng);
        for (var u = 0; u < users; u++)
            department.Users.Add(WebUser(department, administrator: u == 0 || _rng.Chance(0.1)));
        return department;
    }

    private DemoWebUser WebUser(DemoDepartment department, bool administrator)
    {
        var id = ++_webUserId;
        var person = DemoNames.Person(_rng);
        var user = new WebUser
        {
            Id = id,
            DepartmentId = department.Entity.Id,
            UserId = $"u{1_000_000 + id}",
            Name = person.Name,
            Email = $"{person.MailLocalPart}@{department.Customer.MailDomain}",
            IsAdministrator = administrator,
            PasswordHash = webUserPasswordHash,
            LastSignInAt = _rng.Chance(0.9) ? context.Now.AddMinutes(-_rng.Next(60 * 24 * 60)) : null,
            MustChangePassword = _rng.Chance(0.01),
            IsActive = administrator || !_rng.Chance(0.02),
        };
        var threshold = context.Options.LockoutThreshold;
        if (_rng.Chance(0.02))
        {
            // ID失効: the failure past the threshold locked it; only the desk clears it.
            user.FailedPasswordCount = threshold + 1;
            user.LockedAt = user.LastFailedAt = context.Now.AddMinutes(-_rng.Next(60 * 24 * 20));
            user.LastSignInAt = user.LockedAt.Value.AddDays(-_rng.Between(1, 30));
        }
        else if (_rng.Chance(0.03))
        {
            user.FailedPasswordCount = threshold - _rng.Next(3);
            user.LastFailedAt = context.Now.AddMinutes(-_rng.Next(60 * 24 * 3));
        }
        var webUser = new DemoWebUser(user, NextAccountId);
        AddAccount(PointAccountKind.WebUser, department, id);
        return webUser;
    }

    private int NextAccountId => _accounts.Count + 1;

    private void AddAccount(PointAccountKind kind, DemoDepartment department, int? webUserId) =>
        _accounts.Add(new DemoPointAccount(
            new PointAccount { Id = NextAccountId, Kind = kind, DepartmentId = department.Entity.Id, WebUserId = webUserId },
            department));
}
