using System.Reflection;
using Microsoft.Playwright;
using Xunit.Sdk;

[assembly: SmartOffice.Console.Tests.Support.ClosePagesAfterEachTest]

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// Closes the browser contexts a test opened (<see cref="Browser.NewPageAsync"/>) when it ends, pass or fail. Left open,
/// every page kept its circuit and its live components polling on the shared console, and a run piled up a hundred idle
/// renderers and circuits that the later tests waited behind (docs/testing.md).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ClosePagesAfterEachTest : BeforeAfterTestAttribute
{
    // Before() runs in the test's own flow, so the list follows the test (and only it) into Browser.NewPageAsync.
    private static readonly AsyncLocal<List<IBrowserContext>?> Opened = new();

    /// <summary>Remembers a context for the running test to close; outside a test (a fixture's own page) it is the fixture's.</summary>
    internal static void Track(IBrowserContext context)
    {
        var opened = Opened.Value;
        if (opened is null)
            return;
        lock (opened)
            opened.Add(context);
    }

    public override void Before(MethodInfo methodUnderTest) => Opened.Value = [];

    public override void After(MethodInfo methodUnderTest)
    {
        var opened = Opened.Value;
        Opened.Value = null;
        if (opened is null || opened.Count == 0)
            return;
        // After is synchronous; close off xunit's synchronisation context so no continuation waits for this thread.
        Task.Run(async () =>
        {
            foreach (var context in opened)
            {
                try
                {
                    await context.CloseAsync();
                }
                catch (PlaywrightException)
                {
                    // Closed already (by the test, or with its browser).
                }
            }
        }).GetAwaiter().GetResult();
    }
}
