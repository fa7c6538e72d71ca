using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Domain.Persistence;

/// <summary>
/// The one model of the console. Each provider has a subclass with its own migrations
/// (<see cref="SqliteSmartOfficeDbContext"/>, <see cref="SqlServerSmartOfficeDbContext"/>);
/// services ask <c>IDbContextFactory&lt;SmartOfficeDbContext&gt;</c> for a short-lived instance per use case.
/// </summary>
public abstract class SmartOfficeDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring (sign-in cookies, antiforgery): shared by every console instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Dealer> Dealers => Set<Dealer>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ShipTo> ShipTos => Set<ShipTo>();
    public DbSet<WebUser> WebUsers => Set<WebUser>();
    public DbSet<OrderLock> OrderLocks => Set<OrderLock>();
    public DbSet<ApprovalRule> ApprovalRules => Set<ApprovalRule>();
    public DbSet<ProductCategory> ProductCategories => Set<ProductCategory>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<QuoteLine> QuoteLines => Set<QuoteLine>();
    public DbSet<ReturnSlip> ReturnSlips => Set<ReturnSlip>();
    public DbSet<ReturnSlipLine> ReturnSlipLines => Set<ReturnSlipLine>();
    public DbSet<PointAccount> PointAccounts => Set<PointAccount>();
    public DbSet<PointLot> PointLots => Set<PointLot>();
    public DbSet<PointLedgerEntry> PointLedger => Set<PointLedgerEntry>();
    public DbSet<BalanceRequest> BalanceRequests => Set<BalanceRequest>();
    public DbSet<Prize> Prizes => Set<Prize>();
    public DbSet<PrizeApplication> PrizeApplications => Set<PrizeApplication>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CutoffBatch> CutoffBatches => Set<CutoffBatch>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<FaxInboxItem> FaxInboxItems => Set<FaxInboxItem>();
    public DbSet<FaxPage> FaxPages => Set<FaxPage>();
    public DbSet<FaxIntakeIssue> FaxIntakeIssues => Set<FaxIntakeIssue>();
    public DbSet<FaxIntakeAttempt> FaxIntakeAttempts => Set<FaxIntakeAttempt>();
    public DbSet<FaxInbox.Recognition.FaxRecognition> FaxRecognitions => Set<FaxInbox.Recognition.FaxRecognition>();
    public DbSet<FaxInbox.Recognition.FaxRecognizedField> FaxRecognizedFields => Set<FaxInbox.Recognition.FaxRecognizedField>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<WarehouseResultsFile> WarehouseResultsFiles => Set<WarehouseResultsFile>();
    public DbSet<ShipmentResult> ShipmentResults => Set<ShipmentResult>();
    public DbSet<StockReceipt> StockReceipts => Set<StockReceipt>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC DateTime: SQLite cannot order or compare DateTimeOffset,
        // and one representation keeps both providers' models alike.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        // Enums as their names: readable in SQL and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<decimal>().HavePrecision(9, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SmartOfficeDbContext).Assembly);

        // Every IVersioned entity gets its app-managed concurrency token.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The audit trail is append-only (ASVS 16.4.2): a tracked change or removal of an entry is a programming error, refused
    /// before anything is written. Set-based SQL that bypasses the change tracker meets the database trigger instead.
    /// </summary>
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new AuditTrailAppendOnlyException();
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
}
