using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Accounts;

/// <summary>The account page's departments tab (部署): departments and their monthly budgets.</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>Adds or edits a department; its monthly budget (yen ex-tax, none when empty) is hard (refused) or soft (warned).</summary>
    public async Task<int> SaveDepartmentAsync(DepartmentEdit edit, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = edit.RequestedBy.Describe();
        var (name, postalCode, address, phone) = AccountInput.Place(edit.Name, "DepartmentName", edit.PostalCode, edit.Address, edit.Phone);
        if (edit.MonthlyBudget is <= 0)
            throw new BusinessRuleException("Accounts.BudgetPositive");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerAsync(db, edit.CustomerId, cancellationToken);
        Department department;
        object? before = null;
        if (edit.DepartmentId is { } id)
        {
            department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id && d.CustomerId == customer.Id, cancellationToken)
                         ?? throw new BusinessRuleException("Accounts.DepartmentNotFound");
            department.AsSeen(edit.Version, DepartmentChanged);
            before = DepartmentOf(department);
        }
        else
        {
            var codes = await db.Departments.Where(d => d.CustomerId == customer.Id).Select(d => d.Code).ToListAsync(cancellationToken);
            var next = codes.Select(c => int.TryParse(c, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
            department = new Department { CustomerId = customer.Id, Code = next.ToString("D3"), Name = name, PostalCode = postalCode,
                Address = address };
            db.Departments.Add(department);
        }
        department.Name = name;
        department.PostalCode = postalCode;
        department.Address = address;
        department.Phone = phone;
        department.MonthlyBudget = edit.MonthlyBudget;
        department.BudgetKind = edit.BudgetKind;
        var after = DepartmentOf(department);
        if (before is not null && before.Equals(after))
            return department.Id;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, before is null ? "Accounts.DepartmentAdded" : "Accounts.DepartmentEdited",
            nameof(Customer), customer.Code, before, after, requestedBy));
        await db.SaveOrRefuseAsync(DepartmentChanged, cancellationToken);
        return department.Id;
    }

    private static object DepartmentOf(Department d) =>
        new { d.Code, d.Name, d.PostalCode, d.Address, d.Phone, d.MonthlyBudget, d.BudgetKind };
}
