using Strata.Core.Enrich;
using Strata.Core.Search;
using Strata.Core.Storage;
using Strata.Core.Text;

namespace Strata.Hosting;

/// <summary>An item similar to another, with a similarity in [0, 1] (higher is closer).</summary>
public sealed record RelatedItem(ItemSummary Item, double Score);

public sealed partial class KnowledgeBase
{
    /// <summary>Candidates fetched from the keyword index before reranking.</summary>
    private const int RelatedCandidates = 50;

    /// <summary>Weight of keyword-vector cosine against normalised BM25 in the final score.</summary>
    private const double CosineWeight = 0.7;

    /// <summary>
    /// Items most similar in content: candidates from an any-word query of the item's keywords over the FTS index
    /// (BM25), reranked by the cosine of TF-IDF keyword vectors blended with normalised BM25. Leaves out the item,
    /// what is folded into it and what it is folded into. Null when no item matches. (Embeddings can replace the
    /// candidate source and the vector here without changing callers.)
    /// </summary>
    public async Task<IReadOnlyList<RelatedItem>?> RelatedAsync(string idOrPrefix, int limit, CancellationToken cancellationToken)
    {
        var item = await GetAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var keywords = (await _structure.GetStructureAsync(item.Id, cancellationToken).ConfigureAwait(false))?.Keywords ?? [];
        if (keywords.Count == 0 && !string.IsNullOrWhiteSpace(item.Text))
        {
            // Items enriched before keywords existed: rank their terms now.
            var candidates = KeywordCandidates.Collect(item.Text);
            await _corpus.EnsureLoadedAsync(candidates.Terms, cancellationToken).ConfigureAwait(false);
            keywords = KeywordRanker.Rank(candidates, _corpus.InverseDocumentFrequency);
        }

        var query = SearchQueryParser.Parse(string.Join(' ', keywords.Select(keyword => new string([.. keyword.Text.Select(c => char.IsLetterOrDigit(c) ? c : ' ')]))));
        if (keywords.Count == 0 || Fts5QueryBuilder.BuildAny(query) is not { } match)
        {
            return [];
        }

        var found = await _structure.FindSimilarCandidatesAsync(match, item.Id, RelatedCandidates, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return [];
        }

        var target = TermVector(keywords);
        var best = found.Max(candidate => candidate.Score);
        return found
            .Select(candidate => new RelatedItem(candidate.Item, Math.Round(
                (CosineWeight * Cosine(target, TermVector(candidate.Keywords))) + ((1 - CosineWeight) * (best > 0 ? candidate.Score / best : 0)), 4)))
            .OrderByDescending(related => related.Score)
            .Take(limit)
            .ToArray();
    }

    /// <summary>Keyword weights spread over their normalised words (CJK: bigrams), so phrases and their words meet.</summary>
    private static Dictionary<string, double> TermVector(IReadOnlyList<Keyword> keywords)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var keyword in keywords)
        {
            foreach (var token in new TextTokenizer(keyword.Text))
            {
                if (!token.IsRunTail)
                {
                    var term = token.Text.ToString();
                    vector[term] = vector.GetValueOrDefault(term) + keyword.Weight;
                }
            }
        }

        return vector;
    }

    private static double Cosine(Dictionary<string, double> first, Dictionary<string, double> second)
    {
        double dot = 0, a = 0, b = 0;
        foreach (var (term, weight) in first)
        {
            a += weight * weight;
            if (second.TryGetValue(term, out var other))
            {
                dot += weight * other;
            }
        }

        foreach (var weight in second.Values)
        {
            b += weight * weight;
        }

        return a == 0 || b == 0 ? 0 : dot / Math.Sqrt(a * b);
    }
}
