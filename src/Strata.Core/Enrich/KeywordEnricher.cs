namespace Strata.Core.Enrich;

/// <summary>Finds the item's keywords and keyphrases against the corpus and counts the item into the corpus frequencies.</summary>
public sealed class KeywordEnricher(CorpusFrequencies corpus, int count = KeywordRanker.DefaultCount) : IItemEnricher
{
    public async ValueTask EnrichAsync(EnrichmentDraft draft, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(draft.Item.Text))
        {
            draft.Keywords = [];
            return;
        }

        var candidates = KeywordCandidates.Collect(draft.Item.Title is { Length: > 0 } title ? title + "\n\n" + draft.Item.Text : draft.Item.Text);
        var terms = await corpus.ObserveDocumentAsync([.. candidates.Terms], cancellationToken).ConfigureAwait(false);
        var documents = corpus.Documents;
        draft.Keywords = KeywordRanker.RankByTermIndex(candidates, term => CorpusFrequencies.InverseDocumentFrequency(documents, terms[term]), count);
    }
}
