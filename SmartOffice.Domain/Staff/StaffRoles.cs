namespace SmartOffice.Domain.Staff;

/// <summary>The four console roles (docs/business-rules.md).</summary>
public static class StaffRoles
{
    /// <summary>カスタマーデスク担当.</summary>
    public const string DeskAgent = "DeskAgent";
    /// <summary>担当販売店 営業 — bound to one dealer.</summary>
    public const string DealerRep = "DealerRep";
    /// <summary>スーパーバイザー.</summary>
    public const string Supervisor = "Supervisor";
    /// <summary>システム管理者.</summary>
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [DeskAgent, DealerRep, Supervisor, Administrator];
}
