using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Domain.Accounts;

namespace SmartOffice.Console.Components.Pages.Accounts;

/// <summary>お客様's export: the page's columns and search, code order.</summary>
public static class CustomerListExport
{
    public static readonly ListExport Declaration = new ListExport<CustomerAccountService, AccountsText, CustomerQuery, CustomerRow>(
        "customers", Capability.AccountView, "Customers.Title", (service, query, token) => service.ExportAsync(query, token), c => c
            .Text("Col.CustomerCode", r => r.Code, 12)
            .Text("Col.Company", r => r.Name, 30)
            .Text("Col.Kana", r => r.NameKana, 30)
            .Text("Col.Phone", r => r.Phone, 15)
            .Text("Col.Fax", r => r.Fax, 15)
            .Text("Col.Region", r => r.RegionName, 10)
            .Text("Col.Dealer", r => r.DealerName, 24));
}
