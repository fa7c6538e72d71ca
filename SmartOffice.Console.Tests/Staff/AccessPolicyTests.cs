using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>The role table of docs/business-rules.md, row by row.</summary>
public sealed class AccessPolicyTests
{
    public static TheoryData<Capability, bool, bool, bool, bool> Matrix => new()
    {
        // capability,                   desk,  dealer, super, admin
        { Capability.FaxOrderEntry,        true,  false, true,  true },
        { Capability.FaxInboxSupervision,  false, false, true,  true },
        { Capability.OrderSearch,          true,  true,  true,  true },
        { Capability.ProductEnquiry,       true,  true,  true,  true },
        { Capability.ReturnSlipProcess,    true,  false, true,  true },
        { Capability.ReturnSlipView,       true,  true,  true,  true },
        { Capability.WebUserUnlock,        true,  false, true,  true },
        { Capability.WebUserLockView,      true,  true,  true,  true },
        { Capability.PointsView,           true,  true,  true,  true },
        { Capability.PointsProcess,        true,  false, true,  true },
        { Capability.PointsAdjust,         false, false, true,  true },
        { Capability.AccountView,          true,  true,  true,  true },
        { Capability.AccountEdit,          false, true,  true,  true },
        { Capability.CustomerForms,        true,  true,  true,  true },
        { Capability.PurchaseDataDownload, true,  true,  true,  true },
        { Capability.Operations,           false, false, true,  true },
        { Capability.StaffAdministration,  false, false, false, true },
        { Capability.OwnAccount,           true,  true,  true,  true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_may_do_what_the_role_table_says(Capability capability, bool desk, bool dealer, bool supervisor, bool admin)
    {
        Assert.Equal(desk, AccessPolicy.Allows(TestStaff.DeskAgent, capability));
        Assert.Equal(dealer, AccessPolicy.Allows(TestStaff.DealerRep(1), capability));
        Assert.Equal(supervisor, AccessPolicy.Allows(TestStaff.Supervisor, capability));
        Assert.Equal(admin, AccessPolicy.Allows(TestStaff.Administrator, capability));
        Assert.False(AccessPolicy.Allows(TestStaff.Anonymous, capability));
    }

    [Fact]
    public void A_dealer_rep_sees_only_their_own_dealers_customers()
    {
        var rep = TestStaff.DealerRep(7);

        Assert.Equal(7, AccessPolicy.DealerScope(rep));
        Assert.True(AccessPolicy.MaySeeCustomerOf(rep, 7));
        Assert.False(AccessPolicy.MaySeeCustomerOf(rep, 8));
        Assert.Throws<AccessDeniedException>(() => AccessPolicy.DemandCustomer(rep, Capability.AccountEdit, 8));
        AccessPolicy.DemandCustomer(rep, Capability.AccountEdit, 7);
    }

    [Fact]
    public void Other_roles_are_not_limited_to_a_dealer()
    {
        Assert.Null(AccessPolicy.DealerScope(TestStaff.DeskAgent));
        Assert.True(AccessPolicy.MaySeeCustomerOf(TestStaff.Supervisor, 8));
    }

    [Fact]
    public void A_dealer_rep_without_a_dealer_sees_no_customer()
    {
        var rep = new TestStaff("r", "r", null, StaffRoles.DealerRep);
        Assert.Equal(-1, AccessPolicy.DealerScope(rep));
        Assert.False(AccessPolicy.MaySeeCustomerOf(rep, 1));
    }
}
