namespace SmartOffice.Domain.Staff;

/// <summary>What a member of staff may do — the rows of the table in docs/business-rules.md.</summary>
public enum Capability
{
    /// <summary>FAX inbox, FAX order entry, correct/void before the batch closes.</summary>
    FaxOrderEntry,
    /// <summary>FAX inbox supervision: release another agent's claim, dismiss files the watcher could not import.</summary>
    FaxInboxSupervision,
    /// <summary>Order search and detail (dealer reps: own dealer's customers, read).</summary>
    OrderSearch,
    /// <summary>在庫納期照会 (/products) and the quotes of a customer (dealer reps: own customers, read).</summary>
    ProductEnquiry,
    /// <summary>Key and process return slips.</summary>
    ReturnSlipProcess,
    /// <summary>See return slips (dealer reps: own customers).</summary>
    ReturnSlipView,
    /// <summary>Unlock web IDs, issue temporary passwords.</summary>
    WebUserUnlock,
    /// <summary>See lock status of web users (dealer reps: own customers).</summary>
    WebUserLockView,
    /// <summary>Points view, FAX balance requests, prize applications (dealer reps: read).</summary>
    PointsView,
    PointsProcess,
    /// <summary>Manual point adjustment and the prize catalogue.</summary>
    PointsAdjust,
    /// <summary>Read account customisation (settings, departments, ship-tos, web users).</summary>
    AccountView,
    AccountEdit,
    /// <summary>Customer registration and change forms.</summary>
    CustomerForms,
    PurchaseDataDownload,
    /// <summary>Operations reports, business calendar, regions/cutoffs, jobs.</summary>
    Operations,
    /// <summary>Warehouse results (出荷実績) import alerts and the last imports.</summary>
    WarehouseResults,
    /// <summary>Correct a shipped part's delivery date (with a reason, audited).</summary>
    DeliveryDateCorrection,
    /// <summary>The console's own staff (/staff): accounts, roles, locks, passwords.</summary>
    StaffAdministration,
    /// <summary>The audit trail across every record (監査ログ): supervisors and administrators.</summary>
    AuditTrail,
    /// <summary>One's own account: the password (every member of staff).</summary>
    OwnAccount,
}
