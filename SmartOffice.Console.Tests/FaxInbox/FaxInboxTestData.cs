using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>The FAX server's folders in a temp folder, and the inbox services over a test database.</summary>
public sealed class FaxFolders : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "smartoffice-fax-tests", Guid.NewGuid().ToString("N"));

    public FaxFolders()
    {
        Directory.CreateDirectory(Drop);
    }

    public string Drop => Path.Combine(_root, "inbox");
    public string Archive => Path.Combine(_root, "archive");
    public string Quarantine => Path.Combine(_root, "quarantine");

    public FaxInboxOptions Options(int stableScans = 0) => new()
    {
        DropFolder = Drop, ArchiveFolder = Archive, QuarantineFolder = Quarantine, StableScans = stableScans,
        PollInterval = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Writes a file into the drop folder as the FAX server would; returns its path.</summary>
    public string DropFile(string name, byte[] content)
    {
        var path = Path.Combine(Drop, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public IReadOnlyList<string> Files(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f))
            .ToList() : [];

    /// <summary>Puts a plain file where a folder should be (tests run as root: permissions alone simulate nothing).</summary>
    public static void ReplaceWithFile(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        File.WriteAllText(folder, "not a folder");
    }

    public static void RestoreFolder(string folder)
    {
        if (File.Exists(folder))
            File.Delete(folder);
        Directory.CreateDirectory(folder);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class FaxInboxTestData
{
    /// <summary>A fresh intake, as a newly started watcher would have it (its own in-memory status).</summary>
    public static FaxIntakeService Intake(this TestDatabase database, FaxInboxOptions options, FaxIntakeStatus? status = null) =>
        new(database, Microsoft.Extensions.Options.Options.Create(options), database.BusinessClock, database.Clock,
            database.FaxInboxChanges,
            status ?? new FaxIntakeStatus(), NullLogger<FaxIntakeService>.Instance);

    public static FaxInboxService Inbox(this TestDatabase database, ICurrentStaff staff, FaxInboxOptions options) =>
        new(database, staff, database.Clock, database.BusinessClock, database.Calendar, database.Rules,
            Microsoft.Extensions.Options.Options.Create(options),
            database.Intake(options), database.FaxInboxChanges);

    public static async Task<List<FaxInboxItem>> ItemsAsync(this TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.FaxInboxItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
    }

    public static async Task<List<FaxIntakeIssue>> IssuesAsync(this TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.FaxIntakeIssues.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
    }

    /// <summary>A FAX in the inbox, as the watcher would have imported it (one small page).</summary>
    public static async Task<int> AddFaxAsync(this TestDatabase database, DateTimeOffset receivedAt, string? senderFax = null,
        int? customerId = null,
        FaxKind kind = FaxKind.Unsorted)
    {
        await using var db = database.CreateDbContext();
        var item = FaxInboxItem.Received($"{Guid.NewGuid():N}.png", Guid.NewGuid().ToString("N"), FaxSource.FaxServer,
            FaxPageRenderer.PngType,
            null, receivedAt, receivedAt, senderFax, 1);
        item.IdentifySender(customerId);
        item.Sort(kind, "");
        db.FaxInboxItems.Add(item);
        await db.SaveChangesAsync();
        db.FaxPages.Add(new FaxPage { FaxInboxItemId = item.Id, PageNumber = 1, Width = 10, Height = 10,
            Png = FaxFiles.Png(FaxFiles.Page(10, 10)) });
        await db.SaveChangesAsync();
        return item.Id;
    }

    public static async Task<FaxInboxItem> ItemAsync(this TestDatabase database, int id)
    {
        await using var db = database.CreateDbContext();
        return await db.FaxInboxItems.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    /// <summary>A second desk agent, for claims that race.</summary>
    public static TestStaff Agent(int n) => new($"desk{n}", $"担当者{n}", null, StaffRoles.DeskAgent);
}
