using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOffice.Console.Components.Pages.FaxInbox;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>A manual upload starts with the time in the file's name when it has one (it pre-filled the upload time).</summary>
public sealed class UploadPrefillTests
{
    private static readonly BusinessClock Clock =
        new(new FakeTimeProvider(TestDatabase.JapanTime(2026, 11, 25, 16, 0)), Options.Create(new RulesOptions()));

    [Fact]
    public void The_FAX_servers_name_gives_the_received_time_and_sender()
    {
        Assert.Equal(("2026/11/24", "09:41", "0312345678"),
            UploadPrefill.From("20261124094112_03-1234-5678.pdf", new FaxInboxOptions(), Clock));
    }

    [Fact]
    public void Any_other_name_starts_at_now_without_a_sender()
    {
        Assert.Equal(("2026/11/25", "16:00", (string?)null), UploadPrefill.From("scan 3.pdf", new FaxInboxOptions(), Clock));
    }
}
