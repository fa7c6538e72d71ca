using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Domain.Jobs;

namespace SmartOffice.Console.Components.Pages.Jobs;

/// <summary>ジョブ管理's run history: every run newest first (the page shows the latest of them), dates in words.</summary>
public static class JobRunListExport
{
    public static readonly ListExport Declaration = new ListExport<JobRunService, JobsText, object?, JobRun>(
        "job-runs", Capability.Operations, "Jobs.RecentRuns", (service, _, token) => service.ExportAsync(token), c => c
            .Time("Jobs.StartedAt", r => r.StartedAt)
            .Text("Jobs.Job", r => r.JobName, 20)
            .Word("Jobs.Trigger", "Trigger.", r => (JobRunTrigger?)r.Trigger, 12)
            .Text("Jobs.BusinessKey", r => c.History.JobBusinessKey(r.BusinessKey), 16)
            .Word("Jobs.Outcome", "Outcome.", r => (JobRunOutcome?)r.Outcome, 12)
            .Text("Jobs.Counts", r => string.Format(c.T["Jobs.Batches"], r.Batches, r.Items), 18)
            .Text("Jobs.Duration",
                r => ((r.FinishedAt - r.StartedAt).TotalSeconds).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s",
                10)
            .Text("Jobs.Detail", r => c.History.JobDetail(r.JobName, r.Detail), 40));
}
