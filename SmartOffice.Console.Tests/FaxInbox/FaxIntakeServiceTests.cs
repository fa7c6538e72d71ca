using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartOffice.Console.FaxInbox;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>The watcher's intake on real folders and a real SQLite file: each file once, nothing lost, problems shown.</summary>
public sealed class FaxIntakeServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new(TestDatabase.JapanTime(2026, 11, 25, 17, 10));
    private readonly FaxFolders _folders = new();

    public async Task InitializeAsync() => await _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        _folders.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Each_dropped_PDF_PNG_JPEG_and_TIFF_becomes_one_item_with_its_pages_time_and_sender_and_the_original_is_archived()
    {
        var department = await _database.AddCustomerAsync("D1", "10000013");
        _folders.DropFile("20261125165500_03-1111-3333.pdf", FaxFiles.Pdf(pages: 2));
        _folders.DropFile("20261125165600_0399998888.png", FaxFiles.Png());
        _folders.DropFile("20261125165700_0399998888.JPG", FaxFiles.Jpeg());
        _folders.DropFile("20261125165800_0399998888.tif", FaxFiles.FaxTiff(pages: 2));
        _folders.DropFile("scan from the copier.pdf", FaxFiles.Pdf());

        Assert.Equal(5, await _database.Intake(_folders.Options()).ScanAsync());

        var items = await _database.ItemsAsync();
        Assert.Equal(["20261125165500_03-1111-3333.pdf", "20261125165600_0399998888.png", "20261125165700_0399998888.JPG",
            "20261125165800_0399998888.tif", "scan from the copier.pdf"], items.Select(i => i.FileName));
        Assert.Equal([2, 1, 1, 2, 1], items.Select(i => i.PageCount));
        Assert.Equal([FaxPageRenderer.PdfType, FaxPageRenderer.PngType, FaxPageRenderer.JpegType, FaxPageRenderer.TiffType,
            FaxPageRenderer.PdfType],
            items.Select(i => i.ContentType));
        var first = items[0];
        Assert.Equal(TestDatabase.JapanTime(2026, 11, 25, 16, 55), first.ReceivedAt);
        Assert.Equal("0311113333", first.SenderFax);
        Assert.Equal(department.CustomerId, first.CustomerId);
        Assert.Null(items[1].CustomerId);
        Assert.All(items, i => Assert.Equal((FaxStatus.New, FaxKind.Unsorted, FaxSource.FaxServer), (i.Status, i.Kind, i.Source)));
        // No pattern in the name: the file's own time, no sender.
        Assert.Null(items[4].SenderFax);
        Assert.InRange(items[4].ReceivedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        await using var db = _database.CreateDbContext();
        var pages = await db.FaxPages.AsNoTracking().OrderBy(p => p.FaxInboxItemId).ThenBy(p => p.PageNumber).ToListAsync();
        Assert.Equal(7, pages.Count);
        Assert.All(pages, p => Assert.Equal(FaxPageRenderer.PngType, FaxPageRenderer.Sniff(p.Png)));
        // 204×98 dpi: the rows are stretched back, so the TIFF page keeps its shape (864 × 560 × 204/98).
        var tiffPage = pages.First(p => p.FaxInboxItemId == items[3].Id);
        Assert.Equal((864, 1166), (tiffPage.Width, tiffPage.Height));

        Assert.Empty(_folders.Files(_folders.Drop));
        Assert.Equal(items.Select(i => Path.GetFileName(i.ArchivedAs!)).Order(), _folders.Files(_folders.Archive).Order());
        Assert.True(File.Exists(Path.Combine(_folders.Archive, "2026-11-25", Path.GetFileName(first.ArchivedAs!))));
    }

    [Fact]
    public async Task A_restart_between_the_database_insert_and_the_move_imports_the_file_once_and_finishes_the_move()
    {
        _folders.DropFile("20261125101500_0399998888.pdf", FaxFiles.Pdf());
        // The first watcher commits the item, then cannot move the original (its archive is a file, not a folder): the state
        // a crash right after the insert leaves behind — the file still in the drop folder, its item already in the inbox.
        FaxFolders.ReplaceWithFile(_folders.Archive);
        var firstStatus = new FaxIntakeStatus();
        await _database.Intake(_folders.Options(), firstStatus).ScanAsync();
        Assert.Single(await _database.ItemsAsync());
        Assert.Single(_folders.Files(_folders.Drop));
        var alert = Assert.Single(firstStatus.Alerts);
        Assert.Equal((FaxFolder.Archive, "FaxInbox.Folder.IsAFile", 1), (alert.Folder, alert.ReasonKey, alert.FilesWaiting));

        // A new watcher instance (the app restarted, the archive is back) sees the same file again.
        FaxFolders.RestoreFolder(_folders.Archive);
        var status = new FaxIntakeStatus();
        var restarted = _database.Intake(_folders.Options(), status);
        Assert.Equal(0, await restarted.ScanAsync());
        await restarted.ScanAsync();

        var item = Assert.Single(await _database.ItemsAsync());
        Assert.Empty(_folders.Files(_folders.Drop));
        Assert.Equal([Path.GetFileName(item.ArchivedAs!)], _folders.Files(_folders.Archive));
        Assert.Empty(status.Alerts);
    }

    [Fact]
    public async Task A_file_already_archived_and_dropped_again_is_not_imported_twice_and_its_duplicate_is_removed()
    {
        var pdf = FaxFiles.Pdf();
        _folders.DropFile("20261125101500_0399998888.pdf", pdf);
        var intake = _database.Intake(_folders.Options());
        await intake.ScanAsync();
        // The FAX server delivers the same file again (a retry after a timeout).
        _folders.DropFile("20261125101500_0399998888.pdf", pdf);
        await intake.ScanAsync();

        Assert.Single(await _database.ItemsAsync());
        Assert.Empty(_folders.Files(_folders.Drop));
        Assert.Single(_folders.Files(_folders.Archive));
    }

    [Fact]
    public async Task Malformed_files_are_quarantined_with_their_reason_once_and_nothing_is_imported_or_lost()
    {
        var pdf = FaxFiles.Pdf();
        _folders.DropFile("20261125101500_0311110001.pdf", pdf[..(pdf.Length / 2)]);
        _folders.DropFile("20261125101600_0311110002.png", "これは画像ではありません"u8.ToArray());
        _folders.DropFile("20261125101700_0311110003.pdf", []);
        _folders.DropFile("20261125101800_0311110004.docx", FaxFiles.Png());
        _folders.DropFile("20261125101900_0311110005.jpg", FaxFiles.Jpeg()[..200]);
        _folders.DropFile("20261125102000_0311110006.tif", FaxFiles.FaxTiff()[..300]);
        // Still being written: never touched.
        _folders.DropFile("20261125102100_0311110007.pdf.part", pdf);

        var intake = _database.Intake(_folders.Options());
        Assert.Equal(0, await intake.ScanAsync());
        await intake.ScanAsync();

        Assert.Empty(await _database.ItemsAsync());
        var issues = await _database.IssuesAsync();
        Assert.Equal([FaxFileProblem.DamagedPdf, FaxFileProblem.NotAnImage, FaxFileProblem.Empty, FaxFileProblem.UnsupportedType,
            FaxFileProblem.DamagedImage, FaxFileProblem.DamagedImage], issues.Select(i => i.Problem));
        Assert.All(issues, i => Assert.False(string.IsNullOrEmpty(i.Detail)));
        Assert.Equal(["20261125102100_0311110007.pdf.part"], _folders.Files(_folders.Drop));
        Assert.Equal(issues.Select(i => Path.GetFileName(i.QuarantinedAs)).Order(), _folders.Files(_folders.Quarantine).Order());
    }

    [Fact]
    public async Task A_quarantine_folder_that_cannot_be_written_keeps_the_file_in_the_drop_folder_until_it_can()
    {
        _folders.DropFile("20261125101500_0311110001.pdf", "%PDF-1.4 broken"u8.ToArray());
        FaxFolders.ReplaceWithFile(_folders.Quarantine);
        var status = new FaxIntakeStatus();
        var intake = _database.Intake(_folders.Options(), status);
        await intake.ScanAsync();
        Assert.Single(_folders.Files(_folders.Drop));
        Assert.Equal(FaxFolder.Quarantine, Assert.Single(status.Alerts).Folder);

        FaxFolders.RestoreFolder(_folders.Quarantine);
        await intake.ScanAsync();
        Assert.Empty(_folders.Files(_folders.Drop));
        Assert.Single(_folders.Files(_folders.Quarantine));
        Assert.Single(await _database.IssuesAsync());
        Assert.Empty(status.Alerts);
    }

    [Fact]
    public async Task A_drop_folder_replaced_by_a_file_or_missing_is_reported_and_importing_resumes_when_it_is_back()
    {
        var status = new FaxIntakeStatus();
        var intake = _database.Intake(_folders.Options(), status);
        FaxFolders.ReplaceWithFile(_folders.Drop);
        Assert.Equal(0, await intake.ScanAsync());
        Assert.Equal((FaxFolder.Drop, "FaxInbox.Folder.IsAFile"), (status.Alerts.Single().Folder, status.Alerts.Single().ReasonKey));
        Assert.Equal("not a folder", await File.ReadAllTextAsync(_folders.Drop));

        File.Delete(_folders.Drop);
        await intake.ScanAsync();
        Assert.Equal("FaxInbox.Folder.Missing", status.Alerts.Single().ReasonKey);
        Assert.False(Directory.Exists(_folders.Drop));

        FaxFolders.RestoreFolder(_folders.Drop);
        _folders.DropFile("20261125101500_0399998888.png", FaxFiles.Png());
        Assert.Equal(1, await intake.ScanAsync());
        Assert.Empty(status.Alerts);
    }

    [Fact]
    public async Task A_file_is_imported_only_once_it_has_held_still_for_a_scan()
    {
        var intake = _database.Intake(_folders.Options(stableScans: 1));
        var path = _folders.DropFile("20261125101500_0399998888.png", FaxFiles.Png());
        Assert.Equal(0, await intake.ScanAsync());
        // The FAX server is still writing: the file changed since the last scan.
        await File.AppendAllTextAsync(path, "");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(1));
        Assert.Equal(0, await intake.ScanAsync());
        Assert.Equal(1, await intake.ScanAsync());
    }

    [Fact]
    public async Task The_watcher_keeps_running_through_a_broken_drop_folder_and_imports_once_it_is_back()
    {
        var options = _folders.Options();
        FaxFolders.ReplaceWithFile(_folders.Drop);
        var status = new FaxIntakeStatus();
        var initializer = new DatabaseInitializer(_database, Options.Create(new DemoOptions { Enabled = false }),
            Options.Create(TestDatabase.ReferenceRegions()),
            _database.Rules, _database.BusinessClock, _database.Calendar,
            new DemoDataGenerator(_database, _database.Clock, _database.Rules, NullLogger<DemoDataGenerator>.Instance),
                NullLogger<DatabaseInitializer>.Instance);
        await initializer.InitializeAsync();
        // The real clock: the watcher waits its poll interval between scans.
        using var watcher = new FaxInboxWatcher(_database.Intake(options, status), Options.Create(options), initializer,
            TimeProvider.System,
            NullLogger<FaxInboxWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(() => status.Alerts.Count == 1);
            FaxFolders.RestoreFolder(_folders.Drop);
            _folders.DropFile("20261125101500_0399998888.png", FaxFiles.Png());
            await WaitUntilAsync(() => _folders.Files(_folders.Drop).Count == 0);
            Assert.Single(await _database.ItemsAsync());
            Assert.Empty(status.Alerts);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(50);
        Assert.True(condition());
    }
}
