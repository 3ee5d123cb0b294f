using Strata.Hosting.Ingest;
using Xunit;

namespace Strata.Hosting.Tests;

public sealed class KnowledgeBaseAgentWriteTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RecordAgentWriteAsync_EachWrite_IsItsOwnProvenanceRecordNamingTheClient()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        var id = (await fixture.Kb.AddNoteAsync("A note an agent saved about tide tables.", new AddOptions(), null, None)).Entries.Single().ItemId!;
        var url = new Uri("https://example.org/tides");

        await fixture.Kb.RecordAgentWriteAsync(id, new AgentWrite("add", "claude-code", "2.0.14"), url, None);
        await fixture.Kb.RecordAgentWriteAsync(id, new AgentWrite("tag +sea", "claude-code", "2.0.14"), null, None);
        await fixture.Kb.RecordAgentWriteAsync(id, new AgentWrite("tag -sea", "cursor", null), null, None);
        await fixture.Kb.RecordAgentWriteAsync("01NOSUCHITEM0000000000000", new AgentWrite("add", "cursor", null), null, None);
        await fixture.ReopenAsync();

        var history = await fixture.Kb.ListProvenanceAsync(id, None);
        Assert.Equal(3, history.Count);
        Assert.StartsWith("agent:claude-code/2.0.14 add @", history[0].ExternalId, StringComparison.Ordinal);
        Assert.Equal(url.ToString(), history[0].Url);
        Assert.StartsWith("agent:claude-code/2.0.14 tag +sea @", history[1].ExternalId, StringComparison.Ordinal);
        Assert.StartsWith("agent:cursor tag -sea @", history[2].ExternalId, StringComparison.Ordinal);
        Assert.All(history, record => Assert.Null(record.SourceId));
    }
}
