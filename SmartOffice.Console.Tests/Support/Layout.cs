using Microsoft.Playwright;

namespace SmartOffice.Console.Tests.Support;

/// <summary>Measures of a page as the eye sees it: boxes cut off at their container's edge, and text wrapped a
/// character or two per line.</summary>
public static class Layout
{
    /// <summary>
    /// The fewest characters per line of any wrapped text in the elements (the text of each text node over the lines it
    /// takes); 0 when none wraps. Japanese broken mid-word in a narrow column reads 1–2.
    /// </summary>
    public static Task<double> FewestCharactersPerWrappedLineAsync(ILocator elements) =>
        elements.EvaluateAllAsync<double>("""
            els => {
              let fewest = 0;
              for (const el of els) {
                const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const text = node.textContent.replace(/\s+/g, '');
                  if (!text) continue;
                  const range = document.createRange();
                  range.selectNodeContents(node);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
                  if (lines > 1 && (fewest === 0 || text.length / lines < fewest)) fewest = text.length / lines;
                }
              }
              return fewest;
            }
            """);

    /// <summary>
    /// The elements (by their test ids) whose box or text is cut off: past the right edge of the nearest container that
    /// clips or scrolls, past the window, or text wider than the element itself.
    /// </summary>
    public static Task<string[]> CutOffAsync(ILocator elements) =>
        elements.EvaluateAllAsync<string[]>("""
            els => els.filter(el => {
              const box = el.getBoundingClientRect();
              if (box.right > window.innerWidth || el.scrollWidth > el.clientWidth + 1) return true;
              for (let p = el.parentElement; p; p = p.parentElement) {
                const style = getComputedStyle(p);
                if (style.overflowX !== 'visible' && p.getBoundingClientRect().left + p.clientWidth < box.right - 1) return true;
              }
              return false;
            }).map(el => el.dataset.testid || el.textContent.trim())
            """);

    /// <summary>Whether the page or a table in it scrolls sideways.</summary>
    public static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth > window.innerWidth || [...document.querySelectorAll('.mud-table-container')].som" +
            "e(e => e.scrollWidth > e.clientWidth + 1)");

    /// <summary>The innermost elements reaching past the window's right edge, with their width: what makes a page
    /// scroll sideways.</summary>
    public static Task<string[]> PastTheWindowAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
              .slice(0, 8).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} `
                + `${Math.round(e.getBoundingClientRect().width)}px: ${e.textContent.trim().slice(0, 30)}`)
            """);

    /// <summary>
    /// A list as the eye reads it: the <paramref name="cells"/> (e.g. names) wrap at 5 characters a line or more, never a
    /// character or two, and nothing scrolls sideways. Takes the screenshot <paramref name="screenshot"/> first.
    /// </summary>
    public static async Task AssertReadsWholeAsync(IPage page, string cells, string screenshot)
    {
        await Microsoft.Playwright.Assertions.Expect(page.Locator(cells).First).ToBeVisibleAsync();
        var fewest = await FewestCharactersPerWrappedLineAsync(page.Locator(cells));
        await page.ScreenshotAsync(screenshot);
        Assert.True(fewest is 0 or >= 5, $"{cells} wraps at {fewest:0.0} characters a line");
        Assert.False(await ScrollsSidewaysAsync(page), $"{screenshot}: the list scrolls sideways");
    }
}
