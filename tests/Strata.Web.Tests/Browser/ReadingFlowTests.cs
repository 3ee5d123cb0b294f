using Microsoft.Playwright;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Web.Tests.Browser;

/// <summary>The main path a user takes, in real Chromium: add a URL → library → search → reader → tag and highlight → reload.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ReadingFlowTests(Chromium chromium)
{
    private const string Article = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tidepools of the northern coast</title>
        <meta name="author" content="Ada Marsh"></head><body>
        <nav><a href="/">Home</a> <a href="/about">About</a></nav>
        <article><h1>Tidepools of the northern coast</h1>
        <p>Tidepools form where the sea leaves water behind among the rocks at low tide. Anemones, limpets and small crabs live in them.</p>
        <p>A careful visitor walks on bare rock, never on the seaweed, and turns stones back the way they were found.</p>
        <p>The richest pools lie on the lower shore, exposed only during the spring tides that follow a new or full moon.</p>
        <p>Photographers like the calm evening light, when the water is clear and the wind has dropped.</p>
        </article><footer>Copyright the coast society</footer></body></html>
        """;

    [Fact]
    public async Task A_saved_page_can_be_found_read_tagged_and_highlighted_and_it_all_persists()
    {
        await using var site = await FixtureServer.StartAsync(routes => routes.Page("tidepools", Article));
        await using var server = await WebServer.StartAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        // Add the URL through the Add page.
        await page.GotoAsync("/add");
        await page.FillAsync("#add-url", new Uri(site.BaseUrl, "page/tidepools").ToString());
        await page.FillAsync("#add-url-tags", "nature");
        await page.ClickAsync("text=Save page");
        await page.WaitForURLAsync("**/items/**");
        Assert.Equal("Tidepools of the northern coast", await page.TextContentAsync("article.reader h1"));

        // It appears in the library.
        await page.GotoAsync("/");
        Assert.Contains("Tidepools of the northern coast", await page.TextContentAsync("ol.items"));

        // As-you-type search finds it, with the match highlighted.
        await page.GotoAsync("/search");
        await page.Locator("#q").PressSequentiallyAsync("limpets", new LocatorPressSequentiallyOptions { Delay = 20 });
        await page.WaitForSelectorAsync("#results .item-title");
        Assert.Contains("limpets", (await page.TextContentAsync("#results mark"))!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("q=limpets", page.Url, StringComparison.Ordinal);

        // The reader shows the clean article without the site's navigation or footer.
        await page.ClickAsync("#results .item-title");
        await page.WaitForURLAsync("**/items/**");
        var article = await page.TextContentAsync("[data-article]");
        Assert.Contains("Anemones, limpets and small crabs", article, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright the coast society", article, StringComparison.Ordinal);

        // Add a tag.
        await page.FillAsync("#new-tag", "tidepools");
        await page.ClickAsync("text=Add tag");
        await page.WaitForSelectorAsync("#item-tags >> text=tidepools");

        // Highlight a passage: select it, press h, give a note in the prompt.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync("walk on rock");
        await page.EvaluateAsync("""
            () => {
              const paragraph = [...document.querySelectorAll('[data-article] p')].find(p => p.textContent.includes('careful visitor'));
              const text = paragraph.firstChild;
              const start = text.data.indexOf('walks on bare rock');
              const range = document.createRange();
              range.setStart(text, start);
              range.setEnd(text, start + 'walks on bare rock'.length);
              getSelection().removeAllRanges();
              getSelection().addRange(range);
            }
            """);
        await page.Keyboard.PressAsync("h");
        await page.WaitForSelectorAsync("#highlights blockquote");

        // Reload: the tag, the highlight and its note are still there, and the passage is marked in the text.
        await page.ReloadAsync();
        Assert.Contains("tidepools", await page.TextContentAsync("#item-tags"), StringComparison.Ordinal);
        Assert.Contains("nature", await page.TextContentAsync("#item-tags"), StringComparison.Ordinal);
        Assert.Equal("walks on bare rock", await page.TextContentAsync("#highlights blockquote"));
        Assert.Contains("walk on rock", await page.TextContentAsync("#highlights"), StringComparison.Ordinal);
        Assert.Equal("walks on bare rock", await page.TextContentAsync("[data-article] mark.highlight"));

        // And the store agrees.
        var id = page.Url.Split("/items/")[1].Split('?')[0];
        var stored = await server.KnowledgeBase.ListHighlightsAsync(id, CancellationToken.None);
        Assert.Equal("walk on rock", Assert.Single(stored).Note);
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Library_bulk_archive_moves_the_selected_items_out_of_the_inbox()
    {
        await using var server = await WebServer.StartAsync();
        var first = await server.AddNoteAsync("Notes on sourdough starters and hydration.", "Sourdough");
        var second = await server.AddNoteAsync("Notes on rye bread and long fermentation.", "Rye bread");
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.CheckAsync($"input[name=ids][value='{first}']");
        await page.SelectOptionAsync("#bulk-action", "archive");
        await page.ClickAsync("text=Apply to selected");
        await page.WaitForSelectorAsync(".notice");

        var inbox = await page.TextContentAsync("main");
        Assert.DoesNotContain("Sourdough", inbox, StringComparison.Ordinal);
        Assert.Contains("Rye bread", inbox, StringComparison.Ordinal);
        await page.GotoAsync("/?view=archived");
        Assert.Contains("Sourdough", await page.TextContentAsync("ol.items"), StringComparison.Ordinal);
        Assert.Equal(Strata.Core.Items.ItemStatus.Inbox, (await server.KnowledgeBase.GetAsync(second, CancellationToken.None))!.Status);
        await context.CloseAsync();
    }
}
