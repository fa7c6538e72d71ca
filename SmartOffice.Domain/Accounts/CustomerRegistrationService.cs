using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Accounts;

/// <summary>
/// Customer registration and change forms (docs/business-rules.md §5), keyed by the desk or by the customer's dealer rep (a rep registers
/// customers for their own dealer only). Validated (postal code 123-4567, phone/FAX numbers), warned on a phone number another
/// customer already uses, and audited with who asked.
/// </summary>
public sealed class CustomerRegistrationService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    BusinessClock clock)
{
    private const string CustomerChanged = "Accounts.CustomerChanged";

    public async Task<RegistrationChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.CustomerForms);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new RegistrationChoice(r.Id, r.Name))
            .ToListAsync(cancellationToken);
        var scope = AccessPolicy.DealerScope(staff);
        var dealers = await db.Dealers.AsNoTracking().Where(d => scope == null || d.Id == scope).OrderBy(d => d.Code)
            .Select(d => new RegistrationChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
        return new RegistrationChoices(regions, dealers);
    }

    /// <summary>Customers (any dealer: a duplicate is a duplicate) already registered with this phone or FAX number.</summary>
    public async Task<IReadOnlyList<PhoneDuplicate>> DuplicatesByPhoneAsync(string? phone, int? exceptCustomerId = null,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.CustomerForms);
        var digits = JapaneseInput.Digits(phone);
        if (digits.Length == 0)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return AsSeen(await DuplicatesAsync(db, [digits], exceptCustomerId, cancellationToken));
    }

    public async Task<RegistrationResult> RegisterAsync(CustomerRegistration form, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.CustomerForms);
        var requestedBy = form.RequestedBy.Describe();
        var company = CompanyFields.Of(form.Name, form.NameKana, form.PostalCode, form.Address, form.Phone, form.Fax);
        var departmentName = AccountInput.Required(form.DepartmentName, "DepartmentName", 100);
        var administratorName = AccountInput.Required(form.AdministratorName, "AdministratorName", 60);
        var email = AccountInput.Email(form.AdministratorEmail);
        // A rep registers for their own dealer only.
        AccessPolicy.DemandCustomer(staff, Capability.CustomerForms, form.DealerId);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Regions.AnyAsync(r => r.Id == form.RegionId, cancellationToken))
            throw new BusinessRuleException("Accounts.FieldRequired", DomainText.Format("Accounts.Field.Region"));
        if (!await db.Dealers.AnyAsync(d => d.Id == form.DealerId, cancellationToken))
            throw new BusinessRuleException("Accounts.FieldRequired", DomainText.Format("Accounts.Field.Dealer"));
        var duplicates = await DuplicatesAsync(db, company.Numbers, null, cancellationToken);
        if (duplicates.Count > 0 && !form.DuplicateConfirmed)
            return new RegistrationResult(null, null, AsSeen(duplicates));

        var customer = new Customer
        {
            Code = await NextCodeAsync(db, cancellationToken), Name = "", NameKana = "", PostalCode = "", Address = "", Phone = "",
            RegionId = form.RegionId, DealerId = form.DealerId, CatalogShippedOn = form.CatalogShipped ? clock.Today : null,
        };
        company.ApplyTo(customer);
        var department = new Department
        {
            Customer = customer, Code = "001", Name = departmentName, PostalCode = customer.PostalCode, Address = customer.Address,
                Phone = customer.Phone,
        };
        // The first person registered for a department becomes its 管理者 (docs/business-rules.md §5).
        var administrator = new WebUser
        {
            Department = department, UserId = await WebUserIds.NextAsync(db, cancellationToken), Name = administratorName, Email = email,
            IsAdministrator = true, PasswordHash = "",
        };
        var password = TemporaryPassword.Issue(administrator);
        db.WebUsers.Add(administrator);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.CustomerRegistered", nameof(Customer), customer.Code, null,
            new
            {
                customer.Name, customer.NameKana, customer.PostalCode, customer.Address, customer.Phone, customer.Fax,
                    Department = department.Name,
                Administrator = administrator.UserId, customer.CatalogShippedOn,
            },
            requestedBy, duplicates.Count > 0 ? DuplicateNote(duplicates) : null));
        await db.SaveChangesAsync(cancellationToken);
        return new RegistrationResult(customer.Id, customer.Code, AsSeen(duplicates), administrator.UserId, password);
    }

    /// <summary>The change form: company name and reading, address, phone and FAX; the staff member sees only what
    /// changed in the history.</summary>
    public async Task<RegistrationResult> ChangeAsync(RegistrationChange form, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.CustomerForms);
        var requestedBy = form.RequestedBy.Describe();
        var company = CompanyFields.Of(form.Name, form.NameKana, form.PostalCode, form.Address, form.Phone, form.Fax);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == form.CustomerId, cancellationToken)
                       ?? throw new BusinessRuleException("Accounts.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.CustomerForms, customer.DealerId);
        customer.AsSeen(form.Version, CustomerChanged);
        var newNumbers = company.Numbers.Where(n => n != customer.PhoneDigits && n != customer.FaxDigits).ToList();
        var duplicates = newNumbers.Count == 0 ? [] : await DuplicatesAsync(db, newNumbers, customer.Id, cancellationToken);
        if (duplicates.Count > 0 && !form.DuplicateConfirmed)
            return new RegistrationResult(null, null, AsSeen(duplicates));

        var before = new { customer.Name, customer.NameKana, customer.PostalCode, customer.Address, customer.Phone, customer.Fax };
        company.ApplyTo(customer);
        var after = new { customer.Name, customer.NameKana, customer.PostalCode, customer.Address, customer.Phone, customer.Fax };
        if (before.Equals(after))
            return new RegistrationResult(customer.Id, customer.Code, []);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.RegistrationChanged", nameof(Customer), customer.Code, before, after,
            requestedBy, duplicates.Count > 0 ? DuplicateNote(duplicates) : null));
        await db.SaveOrRefuseAsync(CustomerChanged, cancellationToken);
        return new RegistrationResult(customer.Id, customer.Code, AsSeen(duplicates));
    }

    /// <summary>What both forms key about the company, validated and normalised once.</summary>
    private sealed record CompanyFields(string Name, string Kana, string PostalCode, string Address, (string Text, string Digits) Phone,
        (string? Text, string? Digits) Fax)
    {
        public static CompanyFields Of(string? name, string? kana, string? postalCode, string? address, string? phone, string? fax) => new(
            AccountInput.Required(name, "CompanyName", 100), AccountInput.Kana(kana), AccountInput.PostalCode(postalCode),
            AccountInput.Required(address, "Address", 200), AccountInput.Phone(phone, "Phone"), AccountInput.OptionalPhone(fax, "Fax"));

        /// <summary>The phone and FAX digits a duplicate is looked for by.</summary>
        public List<string> Numbers => Fax.Digits is null || Fax.Digits == Phone.Digits ? [Phone.Digits] : [Phone.Digits, Fax.Digits];

        public void ApplyTo(Customer customer)
        {
            customer.Name = Name;
            customer.NameKana = Kana;
            customer.SearchKey = JapaneseInput.SearchKey(Name, Kana);
            customer.PostalCode = PostalCode;
            customer.Address = Address;
            customer.Phone = Phone.Text;
            customer.PhoneDigits = Phone.Digits;
            customer.Fax = Fax.Text;
            customer.FaxDigits = Fax.Digits;
        }
    }

    /// <summary>Customers of any dealer with one of the numbers: a duplicate is a duplicate, whoever registers it.</summary>
    private static async Task<IReadOnlyList<FoundDuplicate>> DuplicatesAsync(SmartOfficeDbContext db, IReadOnlyList<string> digits,
        int? except,
        CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking()
            .Where(c => c.Id != except && (digits.Contains(c.PhoneDigits) || (c.FaxDigits != null && digits.Contains(c.FaxDigits))))
            .OrderBy(c => c.Code).Take(10)
            .Select(c => new FoundDuplicate(new PhoneDuplicate(c.Id, c.Code, c.Name, c.Phone), c.DealerId)).ToListAsync(cancellationToken);

    /// <summary>
    /// What the caller may be shown: a dealer rep learns that another dealer's customer has the number, not which one
    /// (reps see only their own dealer's customers); the audit note keeps the codes.
    /// </summary>
    private IReadOnlyList<PhoneDuplicate> AsSeen(IReadOnlyList<FoundDuplicate> duplicates) =>
        duplicates.Select(d => AccessPolicy.MaySeeCustomerOf(staff, d.DealerId)
            ? d.Duplicate
            : new PhoneDuplicate(0, "", DomainText.Format("Accounts.OtherDealersCustomer"), d.Duplicate.Phone)).ToList();

    private static string DuplicateNote(IReadOnlyList<FoundDuplicate> duplicates) =>
        string.Format(DomainText.DataCulture, DomainText.ForData("Accounts.DuplicateConfirmedNote"),
            string.Join(", ", duplicates.Select(d => d.Duplicate.Code)));

    private sealed record FoundDuplicate(PhoneDuplicate Duplicate, int DealerId);

    /// <summary>お客様番号: eight digits, the next after the highest in use.</summary>
    private static async Task<string> NextCodeAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        var last = await db.Customers.Where(c => c.Code.Length == 8).MaxAsync(c => (string?)c.Code, cancellationToken);
        var next = last is not null && int.TryParse(last, out var n) ? n + 1 : 10_000_001;
        return next.ToString("D8");
    }
}
