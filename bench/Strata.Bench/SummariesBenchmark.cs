using System.Diagnostics;
using System.Globalization;
using Strata.AI;
using Strata.Core.Enrich;
using Strata.Hosting;
using Strata.Hosting.Ask;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;

namespace Strata.Bench;

/// <summary>
/// Summaries, digests and ask without a model: extractive summary throughput on the corpus's 1,500-word documents,
/// a digest of 1,000 new items (novelty measured against a stored digest of 1,000 earlier ones), and the ask
/// overhead (retrieval + token packing, excluding the model) over a large base.
/// </summary>
internal static class SummariesBenchmark
{
    public const string Flag = "--summaries-only";
    public const double TargetDocsPerSecond = 200;
    public const double TargetDigestSeconds = 2;
    public const double TargetAskP95Milliseconds = 50;
    private const int SummaryDocuments = 1000;
    private const int DigestItems = 1000;
    private const int Questions = 100;
    private const int WarmUpQuestions = 10;
    private const int ContextTokens = 8192;
    private const int OutputTokens = 700;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string root, int largeDocuments, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var rows = new List<ReportRow>();
        var corpus = Path.Combine(root, "summaries-corpus");
        CorpusGenerator.Generate(corpus, SummaryDocuments * 2, seed: 11, vocabulary);
        rows.Add(SummaryThroughput(corpus));
        rows.AddRange(await DigestAsync(corpus, Path.Combine(root, "digest-store"), cancellationToken));
        var large = Path.Combine(root, "ask-corpus");
        CorpusGenerator.Generate(large, largeDocuments, seed: 12, vocabulary);
        rows.AddRange(await AskAsync(large, Path.Combine(root, "ask-store"), largeDocuments, vocabulary, cancellationToken));
        return rows;
    }

    private static ReportRow SummaryThroughput(string corpus)
    {
        var texts = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(SummaryDocuments).Select(File.ReadAllText).ToArray();
        foreach (var text in texts.Take(50))
        {
            ExtractiveSummarizer.Summarize(text);
        }

        var stopwatch = Stopwatch.StartNew();
        var characters = 0L;
        foreach (var text in texts)
        {
            characters += ExtractiveSummarizer.Summarize(text).Text.Length;
        }

        var perSecond = texts.Length / stopwatch.Elapsed.TotalSeconds;
        Out.Line($"  extractive summaries: {texts.Length} docs in {stopwatch.Elapsed.TotalSeconds:F2} s = {perSecond:F0} docs/s on one thread; mean summary {characters / texts.Length} chars");
        return new ReportRow($"Extractive summary ({texts.Length:N0} docs of ~{CorpusGenerator.WordsPerDocument:N0} words, 1 thread)", "docs/s",
            perSecond.ToString("F0", CultureInfo.InvariantCulture), string.Empty, string.Empty, $"≥ {TargetDocsPerSecond:F0}", perSecond >= TargetDocsPerSecond);
    }

    private static async Task<IReadOnlyList<ReportRow>> DigestAsync(string corpus, string dataPath, CancellationToken cancellationToken)
    {
        var folders = Directory.GetDirectories(corpus).Order(StringComparer.Ordinal).ToArray();
        await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(dataPath), cancellationToken: cancellationToken);
        var start = DateTimeOffset.UtcNow;
        await kb.AddAsync([folders[0]], new AddOptions(), null, cancellationToken);
        await kb.CreateDigestAsync(start, null, store: true, send: false, cancellationToken);
        var second = DateTimeOffset.UtcNow;
        await kb.AddAsync([folders[1]], new AddOptions(), null, cancellationToken);
        await kb.CreateDigestAsync(second, null, store: false, send: false, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        var digest = await kb.CreateDigestAsync(second, null, store: true, send: false, cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Out.Line($"  digest: {digest.Digest.ItemCount} new items, {digest.Digest.Groups.Count} groups, {digest.Digest.TopStories.Count} top stories in {seconds:F2} s (novelty against {DigestItems} earlier items)");
        return
        [
            new ReportRow($"Digest of {digest.Digest.ItemCount:N0} new items, no model (novelty vs {DigestItems:N0} earlier)", "time",
                $"{seconds:F2} s", string.Empty, string.Empty, $"< {TargetDigestSeconds:F0} s", seconds < TargetDigestSeconds),
        ];
    }

    private static async Task<IReadOnlyList<ReportRow>> AskAsync(string corpus, string dataPath, int documents, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(dataPath), cancellationToken: cancellationToken);
        var ingest = Stopwatch.StartNew();
        await kb.AddAsync([corpus], new AddOptions(), null, cancellationToken);
        Out.Line($"  ask base: {documents:N0} docs ingested in {ingest.Elapsed.TotalSeconds:F0} s ({documents / ingest.Elapsed.TotalSeconds:F0} docs/s, extractive summaries included)");
        return await MeasureAskAsync(kb, documents, vocabulary, cancellationToken);
    }

    /// <summary>Times retrieval + packing for the benchmark's questions on an existing base (also the <c>ask-only</c> dev mode).</summary>
    public static async Task<IReadOnlyList<ReportRow>> MeasureAskAsync(KnowledgeBase kb, int documents, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var random = new Random(13);
        var questions = Enumerable.Range(0, Questions + WarmUpQuestions)
            .Select(_ => $"What do the notes say about {vocabulary.English[random.Next(50, 800)]} and {vocabulary.English[random.Next(50, 800)]}?")
            .ToArray();
        var timings = new List<double>();
        var empty = 0;
        for (var i = 0; i < questions.Length; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var passages = await kb.PassageRetriever.RetrieveAsync(new PassageQuery(questions[i], [], null), cancellationToken);
            var packed = ContextPacker.Pack(passages, ContextTokens - OutputTokens, (n, passage) => Prompts.Source(n, passage.Title, passage.Text));
            if (i >= WarmUpQuestions)
            {
                timings.Add(stopwatch.Elapsed.TotalMilliseconds);
                empty += packed.Count == 0 ? 1 : 0;
            }
        }

        var (p50, p95) = (SearchLatencyBenchmark.Percentile(timings, 50), SearchLatencyBenchmark.Percentile(timings, 95));
        Out.Line($"  ask overhead at {documents:N0} docs: p50 {SearchLatencyBenchmark.Ms(p50)} p95 {SearchLatencyBenchmark.Ms(p95)} max {SearchLatencyBenchmark.Ms(timings.Max())}; {empty} of {Questions} found nothing");
        var name = $"Ask overhead without the model ({documents:N0} docs, {Questions} questions: retrieval + packing)";
        return
        [
            new ReportRow(name, "p50", SearchLatencyBenchmark.Ms(p50), string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "p95", SearchLatencyBenchmark.Ms(p95), string.Empty, string.Empty, $"≤ {TargetAskP95Milliseconds:F0} ms", p95 <= TargetAskP95Milliseconds),
        ];
    }
}
