using Strata.Core.Search;
using Strata.Hosting.Ingest;
using Strata.Hosting.Retrieval;
using Xunit;

namespace Strata.Hosting.Tests;

/// <summary>Every filter of the query language, end to end through the facade on a real store.</summary>
public sealed class KnowledgeBaseSearchFilterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("harbour", 2)]
    [InlineData("harbour tag:boats", 1)]
    [InlineData("harbour -lighthouse", 1)]
    [InlineData("harbour \"rocky coast\"", 1)]
    [InlineData("harbour kind:note", 2)]
    [InlineData("harbour kind:paper", 0)]
    [InlineData("harbour is:unread", 2)]
    [InlineData("harbour is:read", 0)]
    [InlineData("harbour lang:en", 2)]
    [InlineData("harbour lang:zh", 0)]
    [InlineData("harbour after:2000-01-01", 2)]
    [InlineData("harbour before:2000-01-01", 0)]
    [InlineData("harbour category:none", 0)]
    [InlineData("harbour source:nowhere.example", 0)]
    [InlineData("tag:boats", 1)]
    public async Task SearchAsync_Filter_LimitsResults(string query, int expected)
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        await fixture.Kb.AddNoteAsync("The harbour has a lighthouse on the rocky coast, watched over by its keepers every night of the year.", new AddOptions(), null, None);
        await fixture.Kb.AddNoteAsync("The harbour boats leave at dawn for the fishing grounds and return in the afternoon with the catch.", new AddOptions { Tags = ["boats"] }, null, None);

        var response = await fixture.Kb.SearchAsync(query, new SearchOptions { Mode = SearchMode.Keyword, Facets = true }, None);

        Assert.Equal(expected, response.Results.Count);
        Assert.Equal(expected, response.Facets!.Kinds.Sum(kind => kind.Count));
    }
}
