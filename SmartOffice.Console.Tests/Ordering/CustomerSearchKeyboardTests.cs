using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Order entry's customer search as the agent keys it (docs/keying-screens.md), over the real search and a real SQLite file:
/// Enter right after typing searches at once and picks; ↑↓ move through the matches and wrap; Escape closes the list; Ctrl+Enter
/// is the form's save, not a pick.
/// </summary>
public sealed class CustomerSearchKeyboardTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly BunitContext _context = new();
    private readonly List<OrderingCustomerMatch> _picked = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        foreach (var code in new[] { "10000011", "10000012", "10000013" })
            await _database.AddCustomerAsync("D1", code);
        _context.ForComponents();
        _context.Services.AddSingleton(_database.FaxOrders());
        _context.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _context.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        _context.Renderer.SetRendererInfo(new RendererInfo("Server", true));
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<CustomerSearch> Render() =>
        _context.Render<CustomerSearch>(p => p.Add(x => x.OnPicked, (OrderingCustomerMatch c) => _picked.Add(c)));

    private static void Key(IRenderedComponent<CustomerSearch> search, string key, bool ctrl = false) =>
        search.Find("[data-testid=customer-search]").KeyDown(new KeyboardEventArgs { Key = key, CtrlKey = ctrl });

    /// <summary>Types the text and presses Enter at once, before the pause that would search by itself.</summary>
    private static void TypeAndEnter(IRenderedComponent<CustomerSearch> search, string text)
    {
        search.Find("[data-testid=customer-search]").Input(text);
        Key(search, "Enter");
    }

    private static List<string> Options(IRenderedComponent<CustomerSearch> search) =>
        search.FindAll("[data-testid=customer-option]").Select(o => o.QuerySelector(".code")!.TextContent).ToList();

    private static string Selected(IRenderedComponent<CustomerSearch> search) =>
        search.FindAll("[data-testid=customer-option]").Single(o =>
            o.GetAttribute("aria-selected") == "true").QuerySelector(".code")!.TextContent;

    [Fact]
    public void Enter_right_after_typing_a_code_searches_at_once_and_picks_it()
    {
        var search = Render();

        TypeAndEnter(search, "１０００００１２");

        search.WaitForAssertion(() => Assert.Equal("10000012", Assert.Single(_picked).Code));
        Assert.Equal("10000012", search.Find("[data-testid=customer-search]").GetAttribute("value"));
        Assert.Empty(search.FindAll("[data-testid=customer-results]"));
    }

    [Fact]
    public void Arrow_keys_move_through_the_matches_wrapping_at_both_ends_and_Enter_picks_the_one_chosen()
    {
        var search = Render();
        search.Find("[data-testid=customer-search]").Input("テスト");
        search.WaitForAssertion(() => Assert.Equal(3, Options(search).Count));
        var options = Options(search);
        Assert.Equal(options[0], Selected(search));
        Assert.Equal("customer-option-0", search.Find("[data-testid=customer-search]").GetAttribute("aria-activedescendant"));

        Key(search, "ArrowUp");
        Assert.Equal(options[2], Selected(search));
        Key(search, "ArrowDown");
        Assert.Equal(options[0], Selected(search));
        Key(search, "ArrowDown");
        Assert.Equal(options[1], Selected(search));
        Assert.Equal("customer-option-1", search.Find("[data-testid=customer-search]").GetAttribute("aria-activedescendant"));

        Key(search, "Enter");
        search.WaitForAssertion(() => Assert.Equal(options[1], Assert.Single(_picked).Code));
    }

    [Fact]
    public void Escape_closes_the_list_without_picking_and_Ctrl_Enter_picks_nothing()
    {
        var search = Render();
        search.Find("[data-testid=customer-search]").Input("テスト");
        search.WaitForAssertion(() => Assert.Equal(3, Options(search).Count));

        Key(search, "Enter", ctrl: true);
        Assert.Empty(_picked);
        Assert.Equal(3, Options(search).Count);

        Key(search, "Escape");
        Assert.Empty(search.FindAll("[data-testid=customer-results]"));
        Assert.Equal("false", search.Find("[data-testid=customer-search]").GetAttribute("aria-expanded"));
        Assert.Empty(_picked);
    }

    [Fact]
    public void A_text_nothing_matches_says_so_and_Enter_picks_nothing()
    {
        var search = Render();

        TypeAndEnter(search, "99999999");

        search.WaitForAssertion(() => Assert.NotNull(search.Find("[data-testid=customer-none]")));
        Assert.Empty(_picked);
    }
}
