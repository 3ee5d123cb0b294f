using System.Net;
using Xunit;

namespace Strata.Web.Tests.Pages;

/// <summary>The pages' forms over real HTTP, as a browser without JavaScript would submit them.</summary>
public sealed class PageFormTests
{
    [Fact]
    public async Task Sources_page_adds_a_folder_source_runs_it_now_and_pauses_it()
    {
        await using var server = await WebServer.StartAsync();
        var folder = Path.Combine(server.KnowledgeBase.DataDirectory, "..", Path.GetRandomFileName());
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "lichen.md"), "# Lichens\n\nLichens are partnerships of fungi and algae.");
        using var client = server.CreateClient(followRedirects: true);
        var token = await Forms.AntiforgeryTokenAsync(client, "/sources");

        var added = await client.PostAsync("/sources", Form(token, ("type", "folder"), ("target", folder), ("name", "Field notes"), ("every", "2h"), ("tags", "nature")));
        Assert.Contains("Added Field notes", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var source = Assert.Single(await server.KnowledgeBase.ListSourcesAsync(CancellationToken.None));
        Assert.Equal(TimeSpan.FromHours(2), source.Schedule.Every);

        var run = await client.PostAsync($"/sources/{source.Id}/action", Form(token, ("action", "run")));
        Assert.Contains("Field notes: 1 new", WebUtility.HtmlDecode(await run.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single(await server.KnowledgeBase.SearchAsync("lichens", 5, CancellationToken.None));

        await client.PostAsync($"/sources/{source.Id}/action", Form(token, ("action", "pause")));
        Assert.True((await server.KnowledgeBase.GetSourceAsync(source.Id, CancellationToken.None))!.Paused);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Sources_page_explains_a_bad_target_without_adding_anything()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();
        var token = await Forms.AntiforgeryTokenAsync(client, "/sources");

        using var response = await client.PostAsync("/sources", Form(token, ("type", "folder"), ("target", "/no/such/folder")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("folder not found: /no/such/folder", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await server.KnowledgeBase.ListSourcesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Tags_page_renames_a_tag_on_every_item()
    {
        await using var server = await WebServer.StartAsync();
        var first = await server.AddNoteAsync("Notes on transformers.", "Transformers", "ml");
        await server.AddNoteAsync("Notes on decision trees.", "Trees", "ml");
        using var client = server.CreateClient(followRedirects: true);
        var token = await Forms.AntiforgeryTokenAsync(client, "/tags");

        var page = await (await client.PostAsync("/tags/rename", Form(token, ("from", "ml"), ("to", "machine-learning")))).Content.ReadAsStringAsync();

        Assert.Contains("2 item(s)", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(["machine-learning"], (await server.KnowledgeBase.GetAsync(first, CancellationToken.None))!.Tags.Select(tag => tag.Name));
    }

    [Fact]
    public async Task Digests_page_makes_a_digest_of_what_arrived_and_lists_it()
    {
        await using var server = await WebServer.StartAsync();
        await server.AddNoteAsync("The harbour seals returned to the estuary this spring.", "Seals return", "wildlife");
        using var client = server.CreateClient(followRedirects: true);
        var token = await Forms.AntiforgeryTokenAsync(client, "/digests");

        using var response = await client.PostAsync("/digests", Form(token, ("since", "24h")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/digests/", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Seals return", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await server.KnowledgeBase.ListDigestsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Ask_page_answers_extractively_with_citations_and_says_so_when_nothing_is_found()
    {
        await using var server = await WebServer.StartAsync();
        await server.AddNoteAsync("Honeybees communicate the direction of flowers with a waggle dance. The angle of the dance shows the direction relative to the sun.", "Bee dances");
        using var client = server.CreateClient();

        var answered = await client.GetStringAsync("/ask?q=" + Uri.EscapeDataString("How do honeybees communicate the direction of flowers?"));
        var nothing = await client.GetStringAsync("/ask?q=" + Uri.EscapeDataString("What is the capital of Mongolia?"));

        Assert.Contains("extractive", answered, StringComparison.Ordinal);
        Assert.Contains("waggle dance", answered, StringComparison.Ordinal);
        Assert.Contains("Bee dances", answered, StringComparison.Ordinal);
        Assert.Contains("not found", nothing, StringComparison.Ordinal);
        Assert.DoesNotContain("Bee dances", nothing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_marks_favourite_and_archived_and_unknown_items_are_404()
    {
        await using var server = await WebServer.StartAsync();
        var id = await server.AddNoteAsync("A recipe for barley soup.", "Barley soup");
        using var client = server.CreateClient();
        var token = await Forms.AntiforgeryTokenAsync(client, $"/items/{id}");

        await client.PostAsync($"/items/{id}/mark", Form(token, ("favourite", "true")));
        await client.PostAsync($"/items/{id}/mark", Form(token, ("status", "archived")));
        using var missing = await client.GetAsync("/items/01ZZZZZZZZZZZZZZZZZZZZZZZZ");

        var item = await server.KnowledgeBase.GetAsync(id, CancellationToken.None);
        Assert.True(item!.Favourite);
        Assert.Equal(Strata.Core.Items.ItemStatus.Archived, item.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Barley soup", await client.GetStringAsync("/?view=favourites"), StringComparison.Ordinal);
        Assert.DoesNotContain("Barley soup", await client.GetStringAsync("/?view=inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_items_load_after_the_reader_from_their_own_route()
    {
        await using var server = await WebServer.StartAsync();
        var first = await server.AddNoteAsync("Sourdough bread needs a lively starter, flour, water and salt; the starter ferments the dough.", "Sourdough basics");
        await server.AddNoteAsync("A sourdough starter is flour and water fermented by wild yeast; feed the starter daily before baking bread.", "Feeding a starter");
        await server.AddNoteAsync("Tidal pools hold anemones and crabs at low tide.", "Tide pools");
        using var client = server.CreateClient();

        var reader = await client.GetStringAsync($"/items/{first}");
        var related = await client.GetStringAsync($"/items/{first}/related");

        Assert.Contains($"data-load=\"/items/{first}/related\"", reader, StringComparison.Ordinal);
        Assert.Contains("Feeding a starter", related, StringComparison.Ordinal);
        Assert.DoesNotContain("Tide pools", related, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/items/01ZZZZZZZZZZZZZZZZZZZZZZZZ/related")).StatusCode);
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(field => new KeyValuePair<string, string>(field.Key, field.Value)).Append(new("__RequestVerificationToken", token)));
}
