using Strata.Core.Enrich;
using Strata.Core.Search;
using Strata.Core.Storage;

namespace Strata.Hosting.Ask;

/// <summary>
/// Passages by keyword: BM25 over the FTS index (any of the question's content terms) picks the best items, their
/// text is cut into sentence passages, and passages are ranked by how many of the question's terms they contain
/// (rarer terms weigh more), with the item's BM25 rank as a tie-breaker. PDF passages carry their page.
/// </summary>
public sealed class KeywordPassageRetriever(IItemStore store) : IPassageRetriever
{
    /// <summary>Items whose text is searched for passages.</summary>
    public const int MaxItems = 8;

    public async Task<IReadOnlyList<Passage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken)
    {
        var terms = QuestionTerms.Extract(query.Question);
        if (terms.Count == 0)
        {
            return [];
        }

        var match = Fts5QueryBuilder.BuildAny(new SearchQuery { Terms = terms });
        if (match is null)
        {
            return [];
        }

        var filter = new ItemFilter { Tags = query.Tags, After = query.Since, Limit = MaxItems };
        var hits = await store.SearchAsync(new SearchRequest(match, filter), cancellationToken).ConfigureAwait(false);
        if (hits.Count == 0)
        {
            return [];
        }

        var vectorizer = new TermVectorizer();
        var termIds = terms.Select(term => vectorizer.Count(term).Keys.ToArray()).Where(ids => ids.Length > 0).ToArray();
        var candidates = new List<(SearchHit Hit, int Rank, int Start, int Length, HashSet<int> Found)>();
        var pages = new Dictionary<string, IReadOnlyList<Core.Extraction.PageSpan>>(StringComparer.Ordinal);
        for (var rank = 0; rank < hits.Count; rank++)
        {
            var hit = hits[rank];
            // Only PDFs have pages; passages then never cross a page, so each cites one page.
            var itemPages = hit.Item.WordCount > 0 && hit.Item.SourcePath?.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) != false
                ? (await store.GetAsync(hit.Item.Id, cancellationToken).ConfigureAwait(false))?.Pages ?? []
                : [];
            pages[hit.Item.Id] = itemPages;
            foreach (var (start, length) in PassageSplitter.Split(hit.Text, itemPages.Select(page => page.Start).ToArray()))
            {
                var found = vectorizer.KnownTerms(hit.Text.AsSpan(start, length));
                if (found.Count > 0)
                {
                    candidates.Add((hit, rank, start, length, found));
                }
            }
        }

        // A question term counts as found when all its analysed parts are (a Chinese word is several bigrams).
        var documentFrequency = termIds.Select(ids => candidates.Count(c => ids.All(c.Found.Contains))).ToArray();
        var scored = candidates.Select(candidate =>
        {
            double score = 0;
            var covered = 0;
            for (var t = 0; t < termIds.Length; t++)
            {
                if (termIds[t].All(candidate.Found.Contains))
                {
                    covered++;
                    score += Math.Log(1 + ((double)candidates.Count / documentFrequency[t]));
                }
            }

            var coverage = termIds.Length == 0 ? 0 : (double)covered / termIds.Length;
            return (Candidate: candidate, Score: score + (0.5 * coverage) + (0.1 / (1 + candidate.Rank)), Coverage: coverage);
        })
            .Where(x => x.Coverage > 0)
            .OrderByDescending(x => x.Score)
            .Take(query.MaxPassages)
            .ToArray();

        var passages = new List<Passage>(scored.Length);
        foreach (var (candidate, score, coverage) in scored)
        {
            var item = candidate.Hit.Item;
            var itemPages = pages[item.Id];
            var page = itemPages.FirstOrDefault(p => candidate.Start >= p.Start && candidate.Start < p.Start + p.Length);
            passages.Add(new Passage(
                item.Id, item.DisplayTitle, item.Url, item.SourcePath, candidate.Start, candidate.Length,
                candidate.Hit.Text.Substring(candidate.Start, candidate.Length), itemPages.Count > 0 && page.Number > 0 ? page.Number : null, score, coverage));
        }

        return passages;
    }
}
