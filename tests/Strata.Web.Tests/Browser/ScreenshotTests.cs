using Microsoft.Playwright;
using Xunit;

namespace Strata.Web.Tests.Browser;

/// <summary>Screenshots of the main pages at desktop and phone widths (artifacts in .build/screenshots), checking the layout fits.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ScreenshotTests(Chromium chromium)
{
    public static TheoryData<string, int, int, bool> Viewports => new()
    {
        { "desktop", 1280, 800, false },
        { "phone", 390, 844, false },
        { "desktop-dark", 1280, 800, true },
    };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Main_pages_render_without_horizontal_scrolling(string name, int width, int height, bool dark)
    {
        await using var server = await WebServer.StartAsync();
        var id = await server.AddNoteAsync(
            "# Spaced repetition\n\nSpaced repetition schedules reviews just before you would forget. It works for vocabulary, formulas and facts.\n\n" +
            "- Review often at first\n- Then less and less\n\nA long unbroken identifier like SpacedRepetitionSchedulerConfigurationForTheWholeDeck must wrap.",
            "Spaced repetition for everything", "learning", "memory");
        await server.AddNoteAsync("简体中文的笔记：间隔重复帮助记忆。", "中文笔记", "learning");
        await server.KnowledgeBase.HighlightAsync(id, "schedules reviews just before you would forget", "the key idea", null, CancellationToken.None);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
        var page = await context.NewPageAsync();

        foreach (var (label, path) in new[] { ("library", "/"), ("search", "/search?q=repetition"), ("reader", $"/items/{id}"), ("add", "/add"), ("tags", "/tags"), ("stats", "/stats") })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            var file = Path.Combine(Chromium.ScreenshotDirectory, $"{label}-{name}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 5_000, $"{file} looks empty");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{label} at {width}px scrolls sideways by {overflow}px");
            var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
            Assert.Equal(dark ? "rgb(22, 23, 24)" : "rgb(251, 250, 247)", background);
        }

        await context.CloseAsync();
    }
}
