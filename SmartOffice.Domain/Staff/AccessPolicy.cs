namespace SmartOffice.Domain.Staff;

/// <summary>
/// The authorisation table of docs/business-rules.md as data. Pages and domain services ask the same table,
/// so a page that forgets a check still meets a refusal in the service.
/// </summary>
public static class AccessPolicy
{
    private const string D = StaffRoles.DeskAgent, R = StaffRoles.DealerRep, S = StaffRoles.Supervisor, A = StaffRoles.Administrator;

    private static readonly Dictionary<Capability, string[]> Matrix = new()
    {
        [Capability.FaxOrderEntry] = [D, S, A],
        [Capability.FaxInboxSupervision] = [S, A],
        [Capability.OrderSearch] = [D, R, S, A],
        [Capability.ProductEnquiry] = [D, R, S, A],
        [Capability.ReturnSlipProcess] = [D, S, A],
        [Capability.ReturnSlipView] = [D, R, S, A],
        [Capability.WebUserUnlock] = [D, S, A],
        [Capability.WebUserLockView] = [D, R, S, A],
        [Capability.PointsView] = [D, R, S, A],
        [Capability.PointsProcess] = [D, S, A],
        [Capability.PointsAdjust] = [S, A],
        [Capability.AccountView] = [D, R, S, A],
        [Capability.AccountEdit] = [R, S, A],
        [Capability.CustomerForms] = [D, R, S, A],
        [Capability.PurchaseDataDownload] = [D, R, S, A],
        [Capability.Operations] = [S, A],
        [Capability.WarehouseResults] = [S, A],
        [Capability.DeliveryDateCorrection] = [D, S, A],
        [Capability.StaffAdministration] = [A],
        [Capability.AuditTrail] = [S, A],
        [Capability.OwnAccount] = [D, R, S, A],
    };

    public static IReadOnlyList<string> RolesFor(Capability capability) => Matrix[capability];

    public static bool Allows(ICurrentStaff staff, Capability capability) =>
        staff.IsAuthenticated && Matrix[capability].Any(staff.IsInRole);

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the caller has the capability.</summary>
    public static void Demand(ICurrentStaff staff, Capability capability)
    {
        if (!Allows(staff, capability))
            throw new AccessDeniedException(capability);
    }

    /// <summary>Dealer reps see only their own dealer's customers; every other role sees all.</summary>
    public static bool MaySeeCustomerOf(ICurrentStaff staff, int customerDealerId) =>
        !staff.IsInRole(StaffRoles.DealerRep) || IsWiderThanDealerRep(staff) || staff.DealerId == customerDealerId;

    public static void DemandCustomer(ICurrentStaff staff, Capability capability, int customerDealerId)
    {
        Demand(staff, capability);
        if (!MaySeeCustomerOf(staff, customerDealerId))
            throw new AccessDeniedException(capability);
    }

    /// <summary>The dealer whose customers a query must be limited to, or null for all customers.</summary>
    public static int? DealerScope(ICurrentStaff staff) =>
        staff.IsInRole(StaffRoles.DealerRep) && !IsWiderThanDealerRep(staff) ? staff.DealerId ?? -1 : null;

    private static bool IsWiderThanDealerRep(ICurrentStaff staff) =>
        staff.IsInRole(StaffRoles.DeskAgent) || staff.IsInRole(StaffRoles.Supervisor) || staff.IsInRole(StaffRoles.Administrator);
}
