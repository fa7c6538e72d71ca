using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Accounts;

/// <summary>
/// 管理者 rule (docs/business-rules.md §5): each department keeps at least one active administrator. Every service that clears the
/// flag, deactivates a user or moves one away asks here, so there is one rule, not one per screen.
/// </summary>
internal static class AdministratorRule
{
    /// <summary>
    /// Another active administrator must remain in <paramref name="user"/>'s department. The department's version is bumped in
    /// the same save, so two staff each removing one of the last two administrators cannot both succeed.
    /// </summary>
    public static async Task KeepOneAsync(SmartOfficeDbContext db, WebUser user, CancellationToken cancellationToken)
    {
        var others = await db.WebUsers.AnyAsync(u => u.DepartmentId == user.DepartmentId && u.Id != user.Id && u.IsActive
            && u.IsAdministrator,
            cancellationToken);
        if (!others)
            throw new BusinessRuleException("Accounts.LastAdministrator", user.Department!.Name);
        db.Entry(user.Department!).Property(d => d.Version).IsModified = true;
    }
}

/// <summary>Temporary web passwords the desk reads out on the phone; stored only hashed, changed at the next sign-in.</summary>
internal static class TemporaryPassword
{
    /// <summary>No 0/O or 1/l/I: the agent reads it out on the phone.</summary>
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Length = 10;
    private static readonly PasswordHasher<WebUser> Hasher = new();

    /// <summary>Gives <paramref name="user"/> a new temporary password and returns it (the only time it is readable).</summary>
    public static string Issue(WebUser user)
    {
        var password = RandomNumberGenerator.GetString(Alphabet, Length);
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.MustChangePassword = true;
        return password;
    }
}

/// <summary>Web利用者ID: <c>u</c> + seven digits, the next after the highest in use.</summary>
internal static class WebUserIds
{
    public static async Task<string> NextAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        var last = await db.WebUsers.Where(u => u.UserId.StartsWith("u") && u.UserId.Length == 8)
            .MaxAsync(u => (string?)u.UserId, cancellationToken);
        var next = last is not null && int.TryParse(last[1..], out var n) ? n + 1 : 1_000_001;
        return $"u{next:D7}";
    }
}
