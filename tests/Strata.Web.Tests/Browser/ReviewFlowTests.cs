using Microsoft.Playwright;
using Xunit;

namespace Strata.Web.Tests.Browser;

/// <summary>Highlight → card → review in the browser, keyboard only, and the grade is stored.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ReviewFlowTests(Chromium chromium)
{
    [Fact]
    public async Task A_card_made_from_a_highlight_is_reviewed_with_space_and_a_number_key()
    {
        await using var server = await WebServer.StartAsync();
        var id = await server.AddNoteAsync("Octopuses have three hearts and blue blood that carries oxygen with copper.", "Octopus anatomy", "biology");
        await server.KnowledgeBase.HighlightAsync(id, "three hearts", "How many hearts does an octopus have?", null, CancellationToken.None);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/items/{id}");
        await page.ClickAsync("text=Make a card");
        await page.WaitForSelectorAsync(".notice >> text=Card made");

        await page.GotoAsync("/review");
        Assert.Contains("How many hearts does an octopus have?", await page.TextContentAsync(".review-front"), StringComparison.Ordinal);
        await page.EvaluateAsync("() => document.activeElement.blur()");
        await page.Keyboard.PressAsync(" ");
        await page.WaitForSelectorAsync(".review-back");
        Assert.Contains("three hearts", await page.TextContentAsync(".review-back"), StringComparison.Ordinal);
        Assert.Equal(4, await page.Locator(".grades button").CountAsync());
        await page.Keyboard.PressAsync("3");
        await page.WaitForSelectorAsync(".notice >> text=Good");

        var card = Assert.Single(await server.KnowledgeBase.ListCardsAsync(new Strata.Core.Memory.CardFilter(), CancellationToken.None));
        Assert.Equal(1, card.Reps);
        Assert.Equal(200, (await page.GotoAsync("/progress"))!.Status);
        Assert.Contains("biology", await page.TextContentAsync("main"), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
