using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SmartOffice.Console.Tests.Support;

/// <summary>A page a test leaves open is closed before the next test runs (<see cref="ClosePagesAfterEachTest"/>).</summary>
[Collection(BrowserCollection.Name)]
[TestCaseOrderer("SmartOffice.Console.Tests.Support.ByMethodName", "SmartOffice.Console.Tests")]
public sealed class ClosePagesAfterEachTestTests(ConsoleApp app, Browser browser)
{
    private static IPage? _leftOpen;

    [Fact]
    public async Task A_test_leaves_its_page_open()
    {
        _leftOpen = await browser.NewPageAsync(app.BaseAddress);
        Assert.False(_leftOpen.IsClosed);
    }

    [Fact]
    public void B_the_next_test_finds_it_closed()
    {
        Assert.NotNull(_leftOpen);
        Assert.True(_leftOpen.IsClosed);
        Assert.DoesNotContain(_leftOpen.Context, browser.Instance.Contexts);
    }
}

/// <summary>Runs a class's tests in the order of their names, for tests about what one test leaves to the next.</summary>
public sealed class ByMethodName : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
