namespace Strata.Core.Enrich;

/// <summary>
/// Extractive summaries without a model: sentences are ranked by LexRank (PageRank over the TF-IDF cosine
/// similarity graph of the document's sentences, with a mild preference for the lead), then chosen by maximal
/// marginal relevance so that near-duplicates are not picked twice, until the <see cref="SummaryBudget"/> is
/// spent. Chosen sentences are shown in document order. Works for English and Chinese alike (terms from
/// <see cref="TermVectorizer"/>). Pure and thread-safe; never throws for non-null input.
/// </summary>
public static class ExtractiveSummarizer
{
    /// <summary>Only the first sentences of very long texts are ranked, so the cost per document stays bounded.</summary>
    public const int MaxSentencesRanked = 300;

    private const double Damping = 0.85;
    private const int Iterations = 30;
    private const double Convergence = 1e-4;

    /// <summary>Relevance against redundancy in the MMR choice (1 = relevance only).</summary>
    private const double Lambda = 0.5;

    /// <summary>Sentences at least this similar to one already chosen are never added.</summary>
    private const double DuplicateSimilarity = 0.75;

    /// <summary>Sentences with fewer distinct terms carry too little to stand alone.</summary>
    private const int MinTerms = 3;

    public static ExtractiveSummary Summarize(string text, SummaryBudget? budget = null)
    {
        budget ??= SummaryBudget.Default;
        var all = SentenceSplitter.Split(text);
        var spans = new SentenceSpan[Math.Min(all.Count, MaxSentencesRanked)];
        for (var i = 0; i < spans.Length; i++)
        {
            spans[i] = all[i];
        }

        var terms = SentenceTerms.Count(text, spans);
        var candidates = Candidates(terms);
        if (candidates.Length == 0)
        {
            return Fallback(text, spans, budget);
        }

        var vectors = Vectors(terms, candidates);
        var rank = LexRank(vectors, candidates);
        var chosen = ChooseByMmr(spans, vectors, candidates, rank, budget);
        if (chosen.Count == 0)
        {
            return Fallback(text, spans, budget);
        }

        // Each chosen sentence made plain once: the key points list them by rank, the summary in document order.
        var keyPoints = new string[chosen.Count];
        for (var i = 0; i < keyPoints.Length; i++)
        {
            keyPoints[i] = MarkdownInline.ToPlain(spans[chosen[i]].Of(text));
        }

        var order = chosen.ToArray();
        var plainInOrder = (string[])keyPoints.Clone();
        Array.Sort(order, plainInOrder);
        var ordered = Array.ConvertAll(order, i => spans[i]);
        return new ExtractiveSummary(ordered, Cut(Join(plainInOrder), budget.MaxChars), keyPoints);
    }

    /// <summary>Joins sentences, with a space only between sentences that are not CJK.</summary>
    public static string Join(IEnumerable<string> sentences)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var sentence in sentences)
        {
            if (builder.Length > 0 && builder[^1] < 0x2E80 && sentence.Length > 0 && sentence[0] < 0x2E80)
            {
                builder.Append(' ');
            }

            builder.Append(sentence);
        }

        return builder.ToString();
    }

    private static string Cut(string text, int maxChars) => text.Length > maxChars ? text[..(maxChars - 1)].TrimEnd() + "…" : text;

    /// <summary>The sentences with enough distinct terms to stand alone, in document order.</summary>
    private static int[] Candidates(SentenceTerms terms)
    {
        var candidates = new List<int>(terms.Sentences);
        for (var i = 0; i < terms.Sentences; i++)
        {
            if (terms.DistinctTerms(i) >= MinTerms)
            {
                candidates.Add(i);
            }
        }

        return [.. candidates];
    }

    /// <summary>TF-IDF vectors of the candidates (IDF over all sentences); other sentences are never compared and stay empty.</summary>
    private static SparseVector[] Vectors(SentenceTerms terms, int[] candidates)
    {
        var idf = terms.InverseSentenceFrequencies();
        var vectors = new SparseVector[terms.Sentences];
        Array.Fill(vectors, SparseVector.Empty);
        foreach (var candidate in candidates)
        {
            vectors[candidate] = terms.Vector(candidate, idf);
        }

        return vectors;
    }

    /// <summary>Stationary scores of a random walk over sentence similarity, indexed like <paramref name="candidates"/>.</summary>
    private static double[] LexRank(SparseVector[] vectors, int[] candidates)
    {
        var n = candidates.Length;
        var (rows, rowSums) = SimilarityRows(vectors, candidates);
        // Teleporting prefers early sentences a little: leads tend to state what a text is about.
        var prior = Enumerable.Range(0, n).Select(i => 1.0 + (0.5 / (1 + i))).ToArray();
        var priorSum = prior.Sum();
        for (var i = 0; i < n; i++)
        {
            prior[i] /= priorSum;
        }

        var scores = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var dangling = 0.0;
            for (var a = 0; a < n; a++)
            {
                if (rowSums[a] == 0)
                {
                    dangling += scores[a];
                }
            }

            Array.Clear(next);
            for (var a = 0; a < n; a++)
            {
                var from = scores[a];
                foreach (var (b, transition) in rows[a])
                {
                    next[b] += from * transition;
                }
            }

            var delta = 0.0;
            for (var b = 0; b < n; b++)
            {
                next[b] = ((1 - Damping) * prior[b]) + (Damping * (next[b] + (dangling * prior[b])));
                delta += Math.Abs(next[b] - scores[b]);
            }

            (scores, next) = (next, scores);
            if (delta < Convergence)
            {
                break;
            }
        }

        var max = scores.Max();
        return scores.Select(score => max > 0 ? score / max : 0).ToArray();
    }

    /// <summary>
    /// The walk's transitions, row-normalised, keeping only sentence pairs that share a term (a few percent of all
    /// pairs in a long text), and each row's similarity sum. Dot products are accumulated term by term in ascending
    /// term id — the order <see cref="SparseVector.Cosine"/> adds them in — from postings, so pairs that share
    /// nothing cost nothing and the values are the same as comparing every pair.
    /// </summary>
    private static ((int Column, double Transition)[][] Rows, double[] RowSums) SimilarityRows(SparseVector[] vectors, int[] candidates)
    {
        var n = candidates.Length;
        var terms = 0;
        foreach (var candidate in candidates)
        {
            var ids = vectors[candidate].Ids;
            terms = ids.Length == 0 ? terms : Math.Max(terms, ids[^1] + 1);
        }

        // Postings per term id: which candidates hold it, with what weight (candidates ascending).
        var starts = new int[terms + 1];
        foreach (var candidate in candidates)
        {
            foreach (var id in vectors[candidate].Ids)
            {
                starts[id + 1]++;
            }
        }

        for (var term = 0; term < terms; term++)
        {
            starts[term + 1] += starts[term];
        }

        var fill = starts[..^1];
        var holders = new int[starts[terms]];
        var weights = new float[starts[terms]];
        for (var c = 0; c < n; c++)
        {
            var vector = vectors[candidates[c]];
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                var slot = fill[vector.Ids[i]]++;
                holders[slot] = c;
                weights[slot] = vector.Weights[i];
            }
        }

        var similarity = System.Buffers.ArrayPool<double>.Shared.Rent(n * n);
        try
        {
            Array.Clear(similarity, 0, n * n);
            for (var term = 0; term < terms; term++)
            {
                for (var i = starts[term]; i < starts[term + 1]; i++)
                {
                    for (var j = i + 1; j < starts[term + 1]; j++)
                    {
                        similarity[(holders[i] * n) + holders[j]] += weights[i] * weights[j];
                    }
                }
            }

            var rows = new (int Column, double Transition)[n][];
            var rowSums = new double[n];
            var row = new List<(int Column, double Value)>();
            for (var a = 0; a < n; a++)
            {
                row.Clear();
                for (var b = 0; b < n; b++)
                {
                    var s = a < b ? similarity[(a * n) + b] : similarity[(b * n) + a];
                    if (b != a && s != 0)
                    {
                        row.Add((b, s));
                        rowSums[a] += s;
                    }
                }

                rows[a] = new (int, double)[row.Count];
                for (var k = 0; k < row.Count; k++)
                {
                    rows[a][k] = (row[k].Column, row[k].Value / rowSums[a]);
                }
            }

            return (rows, rowSums);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(similarity);
        }
    }

    private static List<int> ChooseByMmr(SentenceSpan[] spans, SparseVector[] vectors, int[] candidates, double[] rank, SummaryBudget budget)
    {
        var chosen = new List<int>();
        var used = new bool[candidates.Length];

        // Each candidate's highest similarity to a chosen sentence, brought up to date as sentences are chosen
        // (the same maximum as comparing against every chosen sentence each round).
        var redundancies = new double[candidates.Length];
        var chars = 0;
        while (chosen.Count < budget.MaxSentences)
        {
            if (chosen.Count > 0)
            {
                var last = vectors[chosen[^1]];
                for (var c = 0; c < candidates.Length; c++)
                {
                    if (!used[c])
                    {
                        var similarity = vectors[candidates[c]].Cosine(last);
                        redundancies[c] = chosen.Count == 1 || similarity > redundancies[c] ? similarity : redundancies[c];
                    }
                }
            }

            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var c = 0; c < candidates.Length; c++)
            {
                if (used[c])
                {
                    continue;
                }

                var sentence = candidates[c];
                var redundancy = chosen.Count == 0 ? 0 : redundancies[c];
                if (redundancy >= DuplicateSimilarity || chars + spans[sentence].Length + 1 > budget.MaxChars && chosen.Count > 0)
                {
                    continue;
                }

                var score = (Lambda * rank[c]) - ((1 - Lambda) * redundancy);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }

            if (best < 0)
            {
                break;
            }

            used[best] = true;
            var picked = candidates[best];
            if (chosen.Count == 0 && spans[picked].Length > budget.MaxChars)
            {
                // Even the best sentence is over budget: it is cut rather than leaving the item without a summary.
                chosen.Add(picked);
                break;
            }

            chosen.Add(picked);
            chars += spans[picked].Length + 1;
        }

        return chosen;
    }

    private static ExtractiveSummary Fallback(string text, SentenceSpan[] spans, SummaryBudget budget)
    {
        var plain = MarkdownInline.ToPlain(spans.Length > 0 ? spans[0].Of(text) : text);
        plain = Cut(plain, budget.MaxChars);
        return new ExtractiveSummary(spans.Length > 0 ? [spans[0]] : [], plain, plain.Length == 0 ? [] : [plain]);
    }
}
