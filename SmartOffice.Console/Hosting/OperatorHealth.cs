using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOffice.Console.FaxInbox;
using SmartOffice.Console.Jobs;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Hosting;

/// <summary>
/// Health for operators. <c>/health/live</c>: the process answers (nothing is checked; for the load balancer).
/// <c>/health</c>: the database answers, as before. <c>/health/ready</c>: every check tagged <see cref="ReadyTag"/> — the
/// database, the job scheduler, the FAX watcher, and whatever registers later (a folder watcher adds
/// <c>services.AddHealthChecks().AddCheck&lt;T&gt;("name", tags: [OperatorHealth.ReadyTag])</c> and is in the report).
/// Anonymous callers get the status word only; signed-in supervisors and administrators get each check's details, which
/// name folders and jobs.
/// </summary>
public static class OperatorHealth
{
    public const string ReadyTag = "ready";
    private const string DatabaseTag = "database";

    internal static void AddOperatorHealth(this IServiceCollection services) => services.AddHealthChecks()
        .AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseTag, ReadyTag])
        .AddCheck<JobSchedulerHealthCheck>("scheduler", tags: [ReadyTag])
        .AddCheck<FaxWatcherHealthCheck>("fax-watcher", tags: [ReadyTag]);

    internal static void MapOperatorHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(DatabaseTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        var staff = http.RequestServices.GetRequiredService<ICurrentStaff>();
        if (!AccessPolicy.Allows(staff, Capability.Operations))
        {
            http.Response.ContentType = "text/plain";
            return http.Response.WriteAsync(report.Status.ToString());
        }
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
                data = e.Value.Data,
            }),
        }, Json));
    }
}
