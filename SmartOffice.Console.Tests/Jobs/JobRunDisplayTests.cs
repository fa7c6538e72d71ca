using Bunit;
using SmartOffice.Console.Components.Pages.Jobs;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Jobs;

namespace SmartOffice.Console.Tests.Jobs;

/// <summary>A job run's outcome on /jobs: what happened in words (a run with nothing to do is not a failure), colour as
/// a second cue.</summary>
public sealed class JobRunDisplayTests : ComponentTest
{
    [Theory]
    [InlineData("ja-JP", JobRunOutcome.Completed, "完了", "success")]
    [InlineData("ja-JP", JobRunOutcome.NothingToDo, "処理済み（変更なし）", "default")]
    [InlineData("ja-JP", JobRunOutcome.Skipped, "受付日でないため締めなし", "default")]
    [InlineData("ja-JP", JobRunOutcome.Failed, "失敗", "error")]
    [InlineData("en-US", JobRunOutcome.NothingToDo, "Already done (no change)", "default")]
    [InlineData("en-US", JobRunOutcome.Failed, "Failed", "error")]
    public void A_runs_outcome_is_its_word_with_its_colour(string culture, JobRunOutcome outcome, string text, string colour)
    {
        using var _ = new CultureScope(culture);
        var run = new JobRun { JobName = "cutoff-fax-Honshu", BusinessKey = "2026-11-25", Outcome = outcome };
        var chip = Context.Render<OutcomeChip>(p => p.Add(x => x.Run, run)).Find($"[data-outcome={outcome}]");

        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Equal(colour, ComponentContext.ChipColour(chip));
    }
}
