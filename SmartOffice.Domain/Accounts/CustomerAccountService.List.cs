using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Accounts;

/// <summary>The customer list (お客様): a page of the search, or every customer it finds for an export — one filter for both.</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>My customers: code, name or reading (folded), phone or FAX digits; a rep's search never leaves their dealer.</summary>
    public async Task<CustomerPage> FindAsync(CustomerQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customers = Found(db, query);
        var total = await customers.CountAsync(cancellationToken);
        var rows = await CustomerRows(customers.OrderBy(c => c.Code).Skip(query.Skip).Take(query.Take)).ToListAsync(cancellationToken);
        return new CustomerPage(rows, total);
    }

    /// <summary>Every customer the search finds, in code order (the page's rows, all pages), for an export.</summary>
    public async Task<ListRows<CustomerRow>> ExportAsync(CustomerQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountView);
        return await ListRows.OpenAsync(contexts, db => CustomerRows(Found(db, query).OrderBy(c => c.Code)), cancellationToken);
    }

    private IQueryable<Customer> Found(SmartOfficeDbContext db, CustomerQuery query)
    {
        var customers = Visible(db);
        var text = JapaneseInput.Normalize(query.Text);
        if (text.Length == 0)
            return customers;
        var code = JapaneseInput.NormalizeCode(text);
        var folded = JapaneseInput.FoldForSearch(text);
        var digits = JapaneseInput.Digits(text);
        var byNumber = digits.Length >= 3 && digits.Length == code.Replace("-", "").Replace(" ", "").Length;
        return customers.Where(c => c.Code.StartsWith(code)
                                    || c.SearchKey.Contains(folded)
                                    || (byNumber && (c.PhoneDigits.Contains(digits)
                                        || (c.FaxDigits != null && c.FaxDigits.Contains(digits)))));
    }

    private static IQueryable<CustomerRow> CustomerRows(IQueryable<Customer> customers) =>
        customers.Select(c => new CustomerRow(c.Id, c.Code, c.Name, c.NameKana, c.Phone, c.Fax, c.Region!.Name, c.Dealer!.Name,
            c.IsActive));
}
