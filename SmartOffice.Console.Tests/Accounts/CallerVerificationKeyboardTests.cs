using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.Accounts;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// The unlock's 本人確認 fields as the agent keys them: nothing beside a filled field reads as "verified" (a ✓ meant "filled
/// in" and sat beside a wrong phone number). Whether it matches is said by the records when the agent submits.
/// </summary>
public sealed class CallerVerificationKeyboardTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();

    [Fact]
    public void A_filled_in_phone_number_gets_no_tick()
    {
        var input = new VerificationInput { CustomerCode = "10000013", PhoneOrFax = "03-9999-9999" };
        var form = _context.Render<CallerVerificationForm>(p => p.Add(x => x.Input, input).Add(x => x.Departments, []));

        Assert.Equal("03-9999-9999", form.Find("input[data-testid=verify-phone], [data-testid=verify-phone] input").GetAttribute("value"));
        Assert.Empty(form.FindAll(".mud-input-adornment"));
    }
    [Fact]
    public void Ctrl_Enter_anywhere_in_the_checklist_submits_and_Enter_alone_only_moves_on()
    {
        var submitted = 0;
        var form = _context.Render<CallerVerificationForm>(p => p.Add(x => x.Input, new VerificationInput()).Add(x => x.Departments, [])
            .Add(x => x.OnSubmit, () => submitted++));
        var checklist = form.Find("[data-testid=verification]");

        checklist.KeyDown(new KeyboardEventArgs { Key = "Enter" });
        checklist.KeyDown(new KeyboardEventArgs { Key = "Enter", ShiftKey = true });
        Assert.Equal(0, submitted);

        checklist.KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });
        Assert.Equal(1, submitted);
    }
}
