using Microsoft.Extensions.Options;
using SmartOffice.Domain.FaxInbox;

namespace SmartOffice.Domain.Jobs;

/// <summary>The <c>Jobs</c> section at start: a scheduler name, an outbox folder, intervals and counts in range.</summary>
internal sealed class JobsSettingsCheck : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions o)
    {
        var check = new SettingsCheck(JobsOptions.Section);
        check.NotBlank(o.SchedulerName, nameof(o.SchedulerName),
            "one name, the same on every instance sharing the database (e.g. SmartOffice)");
        check.Require(Folders.IsUsablePath(o.OutboxFolder), nameof(o.OutboxFolder), o.OutboxFolder,
            "is not a folder path: write one, relative to the settings folder or absolute (e.g. data/outbox).");
        check.Require(o.MisfireThreshold > TimeSpan.Zero && o.MisfireThreshold <= TimeSpan.FromHours(1), nameof(o.MisfireThreshold),
            o.MisfireThreshold,
            "is out of range: use more than zero and at most 01:00:00 (hh:mm:ss), e.g. 00:01:00.");
        check.Range(o.FaxKeyingGraceMinutes, 0, 240, nameof(o.FaxKeyingGraceMinutes), "minutes");
        check.Range(o.CatchUpDays, 0, 366, nameof(o.CatchUpDays), "days");
        check.Range(o.PointExpiryCacheMiB, 1, 4096, nameof(o.PointExpiryCacheMiB), "MiB");
        return check.Result;
    }
}
