using Microsoft.Extensions.AI;
using Strata.Core.Ledger;

namespace Strata.AI;

/// <summary>
/// Records every embedding call in the token ledger (purpose <c>embed</c> unless the options say otherwise) and
/// refuses calls once that purpose's daily budget is spent. Wrap any <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>.
/// </summary>
public sealed class LedgerEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, ModelLedger ledger, string provider, string model)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyList<string> ?? values.ToArray();
        var purpose = ModelPurpose.Of(options?.AdditionalProperties, ModelPurposes.Embed);
        var modelId = options?.ModelId ?? model;
        await ledger.EnsureBudgetAsync(purpose, cancellationToken).ConfigureAwait(false);
        var at = ledger.Time.GetUtcNow();
        var started = ledger.Time.GetTimestamp();
        var embeddings = await base.GenerateAsync(inputs, options, cancellationToken).ConfigureAwait(false);
        var latency = ledger.Time.GetElapsedTime(started);
        var reported = embeddings.Usage?.InputTokenCount;
        var input = reported ?? inputs.Sum(text => (long)TokenCounter.Count(text));
        await ledger.RecordAsync(new LedgerEntry(at, provider, modelId, purpose, input, 0, latency, ledger.Cost(modelId, input, 0), Counted: reported is null), cancellationToken).ConfigureAwait(false);
        return embeddings;
    }
}
