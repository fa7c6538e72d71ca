using Bunit;

namespace SmartOffice.Console.Tests.Support;

/// <summary>A bunit test of one component with the console's component services (<see cref="ComponentContext.ForComponents"/>).</summary>
public abstract class ComponentTest : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    public Task InitializeAsync()
    {
        Context.ForComponents();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Context.DisposeAsync().AsTask();
}
