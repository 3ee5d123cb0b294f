using System.Diagnostics;
using System.Globalization;
using Strata.Core.Search;
using Strata.Core.Search.Evaluation;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;

namespace Strata.Hosting.Retrieval;

/// <summary>
/// Measures retrieval quality the way BEIR does: the corpus is ingested through the ordinary pipeline into a
/// temporary base (each document a Markdown file: its title as the heading, then its text), embedded when the
/// mode needs vectors, every judged query is searched for its top 100, and nDCG@10, Recall@100 and MRR@10 are
/// computed by <see cref="RetrievalMetrics"/>. As BEIR's evaluator does by default, a document whose id equals
/// the query's id is dropped from that query's results. The temporary base is deleted afterwards.
/// </summary>
public static class RetrievalEvaluator
{
    public const int Depth = 100;

    public static async Task<RetrievalReport> RunAsync(string directory, SearchMode mode, StrataOptions settings, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var data = await BeirDataSet.LoadAsync(directory, cancellationToken).ConfigureAwait(false);
        var root = Path.Combine(Path.GetTempPath(), "strata-eval-" + Guid.NewGuid().ToString("N"));
        var documents = Path.Combine(root, "corpus");
        Directory.CreateDirectory(documents);
        try
        {
            progress?.Report($"writing {data.Corpus.Count} documents");
            for (var i = 0; i < data.Corpus.Count; i++)
            {
                var document = data.Corpus[i];
                var text = string.IsNullOrWhiteSpace(document.Title) ? document.Text : $"# {document.Title.ReplaceLineEndings(" ")}\n\n{document.Text}";
                await File.WriteAllTextAsync(Path.Combine(documents, i.ToString(CultureInfo.InvariantCulture) + ".md"), text, cancellationToken).ConfigureAwait(false);
            }

            var options = CopyForEvaluation(settings, Path.Combine(root, "base"));
            await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(options.DataDirectory), options, cancellationToken: cancellationToken).ConfigureAwait(false);
            progress?.Report("indexing");
            var clock = Stopwatch.StartNew();
            await kb.AddAsync([documents], new AddOptions(), null, cancellationToken).ConfigureAwait(false);
            var indexSeconds = clock.Elapsed.TotalSeconds;
            double embedSeconds = 0;
            string? notice = null;
            if (mode != SearchMode.Keyword && kb.Options.Embedding.IsEnabled)
            {
                progress?.Report("embedding");
                clock.Restart();
                var embedded = await kb.EmbedAsync(null, cancellationToken).ConfigureAwait(false);
                embedSeconds = clock.Elapsed.TotalSeconds;
                notice = embedded.Error;
            }

            return await SearchAllAsync(kb, data, directory, mode, indexSeconds, embedSeconds, notice, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(root);
        }
    }

    private static async Task<RetrievalReport> SearchAllAsync(
        KnowledgeBase kb, BeirDataSet data, string directory, SearchMode mode, double indexSeconds, double embedSeconds, string? notice, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var judged = data.Queries.Where(query => data.Judgements.ContainsKey(query.Key)).OrderBy(query => query.Key, StringComparer.Ordinal).ToArray();
        progress?.Report($"searching {judged.Length} queries");
        double ndcg = 0, recall = 0, mrr = 0;
        var searching = TimeSpan.Zero;
        var ran = mode;
        foreach (var (id, text) in judged)
        {
            var clock = Stopwatch.StartNew();
            var response = await kb.SearchAsync(Quote(text), new SearchOptions { Mode = mode, Limit = Depth }, cancellationToken).ConfigureAwait(false);
            searching += clock.Elapsed;
            ran = response.Mode;
            notice ??= response.Notice;
            var ranking = response.Results.Select(result => DocumentId(data, result.Item.SourcePath)).Where(doc => doc is not null && doc != id).Select(doc => doc!).ToArray();
            var judgements = data.Judgements[id];
            ndcg += RetrievalMetrics.NdcgAt(ranking, judgements, 10);
            recall += RetrievalMetrics.RecallAt(ranking, judgements, Depth);
            mrr += RetrievalMetrics.MrrAt(ranking, judgements, 10);
        }

        var count = Math.Max(1, judged.Length);
        return new RetrievalReport(
            Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar)), ran, data.Corpus.Count, judged.Length,
            ndcg / count, recall / count, mrr / count, indexSeconds, embedSeconds, searching.TotalMilliseconds / count,
            ran == SearchMode.Keyword ? null : kb.EmbeddingModel?.Key, notice);
    }

    /// <summary>
    /// A natural-language query is words, not query syntax: each word is kept as a plain term, so a colon or a
    /// leading minus inside the text of a test query is never read as a filter or an exclusion.
    /// </summary>
    private static string Quote(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Replace("\"", string.Empty, StringComparison.Ordinal).TrimStart('-'))
            .Where(word => word.Length > 0)
            .Select(word => word.Contains(':', StringComparison.Ordinal) ? word.Replace(':', ' ') : word));

    private static string? DocumentId(BeirDataSet data, string? path) =>
        path is not null && int.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index < data.Corpus.Count
            ? data.Corpus[index].Id
            : null;

    private static StrataOptions CopyForEvaluation(StrataOptions settings, string dataDirectory) => new()
    {
        DataDirectory = dataDirectory,
        Ingest = new IngestOptions { DurableOriginals = false, MaxFileBytes = settings.Ingest.MaxFileBytes, Concurrency = settings.Ingest.Concurrency },
        Pipeline = settings.Pipeline,
        Chunking = settings.Chunking,
        Embedding = settings.Embedding,
    };

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
