using Microsoft.Playwright;
using Xunit;

namespace Strata.Web.Tests.Browser;

/// <summary>The Add page in Chromium: uploads (and their limit), notes, the share URL, keyboard navigation.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class AddPageTests(Chromium chromium)
{
    [Fact]
    public async Task Uploaded_files_are_ingested_and_an_oversized_one_gets_one_clear_line_while_the_rest_are_saved()
    {
        await using var server = await WebServer.StartAsync(configure: options => options.Web.MaxUploadBytes = 4096);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/add");

        await page.SetInputFilesAsync("#files", new[]
        {
            new FilePayload { Name = "../../escape/glaciers.md", MimeType = "text/markdown", Buffer = "# Glaciers\n\nGlaciers carve valleys over thousands of years."u8.ToArray() },
            new FilePayload { Name = "huge.txt", MimeType = "text/plain", Buffer = new byte[10_000] },
        });
        await page.FillAsync("#upload-tags", "geology");
        await page.ClickAsync("text=Upload");
        await page.WaitForSelectorAsync("[role=alert]");

        Assert.Contains("huge.txt: larger than the", await page.TextContentAsync("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("Saved 1 item(s)", await page.TextContentAsync(".notice"), StringComparison.Ordinal);
        var stored = await server.KnowledgeBase.SearchAsync("glaciers", 5, CancellationToken.None);
        var item = await server.KnowledgeBase.GetAsync(Assert.Single(stored).Item.Id, CancellationToken.None);
        Assert.Contains("geology", item!.Tags.Select(tag => tag.Name));
        Assert.False(Directory.Exists(Path.Combine(server.KnowledgeBase.DataDirectory, "escape")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(server.KnowledgeBase.DataDirectory, "tmp", "uploads")));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_note_is_saved_and_opens_in_the_reader()
    {
        await using var server = await WebServer.StartAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/add");

        await page.FillAsync("#note-title", "Meeting with Ana");
        await page.FillAsync("#note-text", "Discuss the **grant** renewal.\n\n- budget\n- timeline");
        await page.ClickAsync("text=Save note");
        await page.WaitForURLAsync("**/items/**");

        Assert.Equal("Meeting with Ana", await page.TextContentAsync("article.reader h1"));
        Assert.Equal("grant", await page.TextContentAsync("[data-article] strong"));
        Assert.Equal(2, await page.Locator("[data-article] li").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_share_url_opens_the_add_form_filled_in()
    {
        await using var server = await WebServer.StartAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/add?url=" + Uri.EscapeDataString("https://example.org/a?b=1") + "&title=" + Uri.EscapeDataString("An <b>article</b>"));

        Assert.Equal("https://example.org/a?b=1", await page.InputValueAsync("#add-url"));
        Assert.Equal("An <b>article</b>", await page.InputValueAsync("#add-url-title"));
        var bookmarklet = await page.GetAttributeAsync("a:has-text('Save to Strata')", "href");
        Assert.StartsWith("javascript:", bookmarklet, StringComparison.Ordinal);
        Assert.Contains(server.BaseUrl.ToString().TrimEnd('/') + "/add?url=", bookmarklet, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_j_and_o_open_the_second_item_and_slash_focuses_search()
    {
        await using var server = await WebServer.StartAsync();
        await server.AddNoteAsync("First note text.", "Older note");
        await server.AddNoteAsync("Second note text.", "Newer note");
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("/");
        Assert.Equal("top-q", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Escape");
        await page.EvaluateAsync("() => document.activeElement.blur()");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("o");
        await page.WaitForURLAsync("**/items/**");

        Assert.Equal("Older note", await page.TextContentAsync("article.reader h1"));
        await context.CloseAsync();
    }
}
