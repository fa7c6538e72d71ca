using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.Accounts;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// 依頼者 on the customer pages, as the agent tabs through it: nothing in red before any input (MudBlazor's Required said
/// 「Required」 in English on the first blur, as soon as the page opened), the need said in the UI's language once it was cleared.
/// </summary>
public sealed class RegistrationRequesterKeyboardTests : IAsyncLifetime
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
    public void Leaving_the_empty_field_before_typing_shows_no_error()
    {
        var requester = _context.Render<RegistrationRequester>(p => p.Add(x => x.Input, new RequesterInput()));

        requester.Find("input").Blur();

        Assert.Empty(requester.FindAll(".mud-input-error"));
        Assert.DoesNotContain("Required", requester.Markup);
    }

    [Fact]
    public void A_name_typed_then_cleared_is_asked_for_in_Japanese()
    {
        var input = new RequesterInput();
        var requester = _context.Render<RegistrationRequester>(p => p.Add(x => x.Input, input));

        requester.Find("input").Input("山田");
        Assert.Equal("山田", input.Name);
        requester.Find("input").Input("");
        requester.Find("input").Blur();

        requester.WaitForAssertion(() => Assert.Contains("依頼者の名前を入力してください", requester.Markup));
        Assert.DoesNotContain("Required", requester.Markup);
    }
}
