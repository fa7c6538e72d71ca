using Quartz;
using Quartz.Extensibility;

namespace SmartOffice.Console.Jobs;

/// <summary>Builds each fired job in its own DI scope of the app's container, disposed when the job returns.</summary>
internal sealed class ScopedJobFactory(IServiceProvider services) : IJobFactory
{
    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken)
    {
        var scope = services.CreateAsyncScope();
        var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType.Type);
        return ValueTask.FromResult(new JobScope(job, scope));
    }

    public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken) =>
        scope.State is AsyncServiceScope services ? services.DisposeAsync() : ValueTask.CompletedTask;
}
