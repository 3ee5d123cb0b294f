using Strata.Core.Items;
using Strata.Core.Pipeline;

namespace Strata.Semantic.Chunking;

/// <summary>
/// Runs on extracted items just before indexing and leaves the state alone: it only cuts the text into passages
/// (stored with the item). The pipeline has it only when an embedding model is configured (passages exist to be
/// embedded); without one, <c>strata embed</c> cuts the passages of items that have none.
/// </summary>
public sealed class ChunkStep(TextChunker chunker) : IPipelineStep
{
    public string Name => "chunk";

    public ItemState From => ItemState.Extracted;

    public Task<StepResult> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var item = context.Item;
        context.Chunks = chunker.Chunk(item.Title, item.Text, item.Pages);
        return Task.FromResult(StepResult.Done);
    }
}
