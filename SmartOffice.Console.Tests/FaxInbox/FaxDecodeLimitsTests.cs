using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.FaxInbox;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>
/// Hostile FAX files (ASVS 5.2.1, 5.2.2): a file is bounded by its length before it is read, every page by its pixel count
/// (<c>FaxInbox:MaxPagePixels</c>) read from its header before a pixel is allocated — TIFF, PNG, JPEG and a PDF's images —
/// and a file whose import did not finish (the process died decoding it) is quarantined at its next attempt instead of
/// being decoded again after every restart. The huge TIFF and the interrupted import run in the built console as a process
/// of its own (the first under a memory limit): whatever they do to their process, the test host is not it.
/// </summary>
public sealed class FaxDecodeLimitsTests : IAsyncLifetime
{
    private const long PixelsAllowed = 2_000_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TestDatabase _database = new(TestDatabase.JapanTime(2026, 11, 25, 10, 0));
    private readonly FaxFolders _folders = new();

    public async Task InitializeAsync() => await _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        _folders.Dispose();
        await _database.DisposeAsync();
    }

    public static TheoryData<string> Formats => new() { "tif", "png", "jpg", "pdf" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_page_of_more_pixels_than_the_setting_is_quarantined_and_one_within_it_imported(string format)
    {
        _folders.DropFile($"20261125090000_0311113333.{format}", Page(format, 2000, 1600));
        // Within the limit even as drawn (a TIFF at 204×98 dpi is drawn twice as tall).
        _folders.DropFile($"20261125090100_0311113333.{format}", Page(format, 1000, 900));

        await Intake().ScanAsync();

        var issue = Assert.Single(await _database.IssuesAsync());
        Assert.Equal(($"20261125090000_0311113333.{format}", "PageTooLarge"), (issue.FileName, issue.Problem.ToString()));
        Assert.Contains("3,200,000", issue.Detail);
        Assert.Equal($"20261125090100_0311113333.{format}", Assert.Single(await _database.ItemsAsync()).FileName);
        Assert.Empty(_folders.Files(_folders.Drop));
    }

    [Fact]
    public async Task An_upload_of_a_page_above_the_setting_is_refused_with_its_problem_named()
    {
        var inbox = _database.Inbox(TestStaff.DeskAgent, Options());

        var refused = await Assert.ThrowsAsync<Domain.BusinessRuleException>(() => inbox.UploadAsync(new("big.png", Page("png", 2000, 1600),
            _database.Clock.GetUtcNow(), null)));

        Assert.Equal("FaxInbox.UploadRefused", refused.Key);
        Assert.Contains(Domain.DomainText.Format("FaxInbox.Problem.PageTooLarge"), refused.Message);
        Assert.Empty(await _database.ItemsAsync());
    }

    /// <summary>A file over 2 GB cannot even be read into memory: it used to fail every scan, forever, and stay in the
    /// drop folder.</summary>
    [Fact]
    public async Task A_file_longer_than_the_limit_is_quarantined_without_being_read()
    {
        var path = _folders.DropFile("20261125090000_0311113333.pdf", []);
        await using (var file = new FileStream(path, FileMode.Open))
            file.SetLength(2L * 1024 * 1024 * 1024 + 1);   // sparse: no disk used

        await Intake().ScanAsync();

        var issue = Assert.Single(await _database.IssuesAsync());
        Assert.Equal("TooLarge", issue.Problem.ToString());
        Assert.Empty(_folders.Files(_folders.Drop));
        Assert.Single(_folders.Files(_folders.Quarantine));
    }

    /// <summary>
    /// A few KB of CCITT G4 declaring 40,000 × 40,000 pixels (1.6 billion): decoded, that is 6.4 GB of raster before the grey
    /// copy. The console runs with its address space limited; with the default setting it refuses the page from its header,
    /// quarantines the file and goes on.
    /// </summary>
    [Fact]
    public async Task A_huge_TIFF_is_refused_from_its_header_in_a_console_with_limited_memory()
    {
        var tiff = FaxFiles.FaxTiff(pages: 1, width: 40_000, height: 40_000, blank: true);
        Assert.True(tiff.Length < 16 * 1024, $"{tiff.Length} bytes");
        _folders.DropFile("20261125090000_0311113333.tif", tiff);

        // The reader of FAXes (tesseract, its own threads and memory) is not what this test limits.
        using var console = ConsoleProcess.StartWithMemoryLimit(4L * 1024 * 1024 * 1024, _database.Folder, _database.File,
            Watching(new() { ["FaxRecognition__Enabled"] = "false" }));
        var line = await console.WaitForLineAsync(l => l.Contains("20261125090000_0311113333.tif not imported", StringComparison.Ordinal),
            Patience);

        Assert.True(line.Contains("PageTooLarge", StringComparison.Ordinal), line);
        Assert.False(console.HasExited, console.Output);
        var issues = await _database.IssuesAsync();
        Assert.True(issues.Count == 1, console.Output);
        Assert.Equal("PageTooLarge", issues[0].Problem.ToString());
        // Logged once recorded; the move into the quarantine folder follows.
        await EventuallyAsync(() => _folders.Files(_folders.Quarantine).Count == 1, console);
    }

    /// <summary>
    /// The console is killed while it decodes a FAX (as a file that exhausts memory would kill it) and started again: the
    /// file is not decoded again — it is quarantined as an import that did not finish, and the next FAX is imported.
    /// </summary>
    [Fact]
    public async Task A_file_whose_import_did_not_finish_is_quarantined_at_its_next_attempt()
    {
        const string fatal = "20261125090000_0311113333.tif";
        _folders.DropFile(fatal, FaxFiles.FaxTiff(pages: 40, width: 1728, height: 2200));
        var environment = Watching(new() { ["Serilog__MinimumLevel__Override__SmartOffice.Domain.FaxInbox"] = "Debug" });

        using (var first = ConsoleProcess.Start(_database.Folder, _database.File, environment))
        {
            var killed = await first.KillOnLine(l => l.Contains($"Decoding FAX file {fatal}", StringComparison.Ordinal))
                .WaitAsync(Patience);
            Assert.Contains(fatal, killed);
            await first.WaitAsync(Patience);
        }
        SqliteConnection.ClearAllPools();
        Assert.Empty(await _database.ItemsAsync());
        Assert.Single(_folders.Files(_folders.Drop));

        _folders.DropFile("20261125090500_0311113333.png", FaxFiles.Png());
        using var second = ConsoleProcess.Start(_database.Folder, _database.File, environment);
        await Task.WhenAll(
            second.WaitForLineAsync(l => l.Contains("FAX 20261125090500_0311113333.png imported", StringComparison.Ordinal), Patience),
            second.WaitForLineAsync(l => l.Contains($"{fatal} not imported", StringComparison.Ordinal), Patience));

        var issue = Assert.Single(await _database.IssuesAsync());
        Assert.Equal((fatal, "ImportInterrupted"), (issue.FileName, issue.Problem.ToString()));
        Assert.Equal("20261125090500_0311113333.png", Assert.Single(await _database.ItemsAsync()).FileName);
        await EventuallyAsync(() => _folders.Files(_folders.Drop).Count == 0, second);
        Assert.DoesNotContain($"Decoding FAX file {fatal}", second.Output);
    }

    /// <summary>Polls until <paramref name="done"/> (the console works on its own time), else fails with its output.</summary>
    private static async Task EventuallyAsync(Func<bool> done, ConsoleProcess console)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, console.Output);
            await Task.Delay(100);
        }
    }

    /// <summary>The test's folders, imported at first sight, with <see cref="PixelsAllowed"/> as the page limit (bound
    /// as appsettings binds it).</summary>
    private FaxInboxOptions Options()
    {
        var options = _folders.Options();
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MaxPagePixels"] = PixelsAllowed.ToString() })
            .Build().Bind(options);
        return options;
    }

    private FaxIntakeService Intake() => _database.Intake(Options());

    /// <summary>The built console watching the test's folders (default limits), scanning often.</summary>
    private Dictionary<string, string> Watching(Dictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["FaxInbox__DropFolder"] = _folders.Drop,
            ["FaxInbox__ArchiveFolder"] = _folders.Archive,
            ["FaxInbox__QuarantineFolder"] = _folders.Quarantine,
            ["FaxInbox__PollInterval"] = "00:00:00.300",
            ["FaxInbox__StableScans"] = "0",
        };
        foreach (var (key, value) in more ?? [])
            environment[key] = value;
        return environment;
    }

    private static byte[] Page(string format, int width, int height)
    {
        using var page = FaxFiles.Page(width, height);
        return format switch
        {
            "tif" => FaxFiles.FaxTiff(pages: 1, width, height),
            "png" => FaxFiles.Png(page),
            "jpg" => FaxFiles.Jpeg(page),
            _ => FaxFiles.Pdf(pages: 1, width, height),
        };
    }
}
