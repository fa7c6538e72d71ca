using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Demo;

/// <summary>The demo data's console accounts and passwords, for sign-in in tests and the README.</summary>
public static class DemoStaff
{
    /// <summary>田中 美咲, desk agent (keys most demo FAX orders).</summary>
    public const string DeskAgent = "desk1";
    /// <summary>佐藤 健太, desk agent.</summary>
    public const string DeskAgent2 = "desk2";
    /// <summary>鈴木 一郎, dealer rep of the first demo dealer.</summary>
    public const string DealerRep = "dealer1";
    /// <summary>高橋 直子, dealer rep of the second demo dealer.</summary>
    public const string DealerRep2 = "dealer2";
    /// <summary>伊藤 真理, supervisor.</summary>
    public const string Supervisor = "super1";
    /// <summary>渡辺 浩, administrator.</summary>
    public const string Administrator = "admin1";

    /// <summary>The password of every demo staff account.</summary>
    public const string Password = "demo-pass";

    /// <summary>The password of every demo web user (their IDs are <c>u</c> + seven digits).</summary>
    public const string WebUserPassword = "webpass1";

    /// <summary>Who is who; <see cref="Member.DealerIndex"/> is the demo dealer's position (0 = the first).</summary>
    internal static readonly IReadOnlyList<Member> Members =
    [
        new(DeskAgent, "田中 美咲", StaffRoles.DeskAgent, null),
        new(DeskAgent2, "佐藤 健太", StaffRoles.DeskAgent, null),
        new(DealerRep, "鈴木 一郎", StaffRoles.DealerRep, 0),
        new(DealerRep2, "高橋 直子", StaffRoles.DealerRep, 1),
        new(Supervisor, "伊藤 真理", StaffRoles.Supervisor, null),
        new(Administrator, "渡辺 浩", StaffRoles.Administrator, null),
    ];

    internal sealed record Member(string UserName, string DisplayName, string Role, int? DealerIndex);
}
