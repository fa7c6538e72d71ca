using Microsoft.AspNetCore.Identity;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Demo;

/// <summary>The demo staff's ids: desk agents key FAX orders and return slips and answer balance requests.</summary>
internal sealed record DemoStaffIds(IReadOnlyList<string> DeskAgents);

/// <summary>The console accounts of <see cref="DemoStaff"/>, with their role links.</summary>
internal sealed class StaffPhase(DemoContext context, IReadOnlyList<Dealer> dealers, IReadOnlyDictionary<string, string> roleIds,
    string passwordHash)
{
    private readonly Random _rng = context.RandomFor(DemoPhase.Staff);

    public async Task<DemoStaffIds> RunAsync(CancellationToken cancellationToken)
    {
        var users = new List<StaffUser>();
        var links = new List<IdentityUserRole<string>>();
        foreach (var member in DemoStaff.Members)
        {
            var email = $"{member.UserName}@smartoffice.example.jp";
            var user = new StaffUser
            {
                Id = _rng.GuidString(),
                UserName = member.UserName,
                NormalizedUserName = member.UserName.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = _rng.HexString(20),
                ConcurrencyStamp = _rng.GuidString(),
                LockoutEnabled = true,
                IsDemo = true,
                DisplayName = member.DisplayName,
                DealerId = member.DealerIndex is { } index && index < dealers.Count ? dealers[index].Id : null,
            };
            if (!roleIds.TryGetValue(member.Role, out var roleId))
                throw new InvalidOperationException($"Demo data needs the role {member.Role} seeded first.");
            users.Add(user);
            links.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        }

        await context.Writer.InsertAsync(users, cancellationToken);
        await context.Writer.InsertAsync(links, cancellationToken);
        return new DemoStaffIds(DemoStaff.Members
            .Select((m, i) => (m, users[i].Id))
            .Where(x => x.m.Role == StaffRoles.DeskAgent)
            .Select(x => x.Id)
            .ToList());
    }
}
