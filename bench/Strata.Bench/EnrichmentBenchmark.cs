using System.Diagnostics;
using Strata.Core.Enrich;
using Strata.Core.Items;
using Strata.Core.Pipeline;
using Strata.Core.Text;
using Strata.Hosting;
using Strata.Hosting.Configuration;

namespace Strata.Bench;

/// <summary>
/// Enrichment throughput: language detection plus the knowledge base's full enricher list (the <c>EnrichStep</c>
/// the pipeline runs: SimHash, keywords against corpus frequencies, references, and whatever else is registered)
/// over the generated corpus held in memory, on all cores, and the corpus-frequency flush at the end.
/// </summary>
internal static class EnrichmentBenchmark
{
    private const double TargetDocsPerSecond = 500;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string corpus, string workFolder, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var texts = new string[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            texts[i] = await File.ReadAllTextAsync(files[i], cancellationToken);
        }

        await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(workFolder), cancellationToken: cancellationToken);
        var step = kb.CreateEnrichStep();
        var now = DateTimeOffset.UnixEpoch;
        var keywords = 0L;
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var item = new Item { Id = $"bench{i:D6}", Kind = ItemKind.File, CollectedAt = now, State = ItemState.Extracted, Text = texts[i], Language = LanguageDetector.Detect(texts[i]) };
            var context = new PipelineContext(item);
            await step.RunAsync(context, token);
            Interlocked.Add(ref keywords, context.Enrichment?.Keywords.Count ?? 0);
        });
        var enriched = stopwatch.Elapsed;
        await kb.FlushCorpusStatisticsAsync(cancellationToken);
        var total = stopwatch.Elapsed;
        var rate = texts.Length / total.TotalSeconds;
        var name = $"Enrichment ({texts.Length:N0} docs, {Environment.ProcessorCount} threads)";
        return
        [
            new ReportRow(name, "docs/s (language + enrichers + corpus flush)", $"{rate:N0}/s", string.Empty, string.Empty, $"≥ {TargetDocsPerSecond:N0} docs/s", rate >= TargetDocsPerSecond),
            new ReportRow(name, "enrich / flush (s)", $"{enriched.TotalSeconds:F1} / {(total - enriched).TotalSeconds:F2}", string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "keywords per doc", $"{(double)keywords / texts.Length:F1}", string.Empty, string.Empty, string.Empty, null),
            .. Breakdown(texts),
        ];
    }

    /// <summary>Each enricher alone, one thread, over a sample: where the time goes.</summary>
    private static IEnumerable<ReportRow> Breakdown(string[] texts)
    {
        var sample = texts.Take(2000).ToArray();
        var stopwatch = Stopwatch.StartNew();
        foreach (var text in sample)
        {
            LanguageDetector.Detect(text);
        }

        var language = stopwatch.Elapsed.TotalMicroseconds / sample.Length;
        stopwatch.Restart();
        foreach (var text in sample)
        {
            SimHashContent.Compute(text);
        }

        var simhash = stopwatch.Elapsed.TotalMicroseconds / sample.Length;
        stopwatch.Restart();
        foreach (var text in sample)
        {
            KeywordRanker.Rank(KeywordCandidates.Collect(text), _ => 1.0);
        }

        var keywords = stopwatch.Elapsed.TotalMicroseconds / sample.Length;
        stopwatch.Restart();
        foreach (var text in sample)
        {
            ReferenceExtractor.Extract(text);
        }

        var references = stopwatch.Elapsed.TotalMicroseconds / sample.Length;
        var name = $"Enrichment breakdown ({sample.Length:N0}-doc sample, 1 thread)";
        return
        [
            new ReportRow(name, "language", $"{language:F0} µs/doc", string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "SimHash (paragraphs)", $"{simhash:F0} µs/doc", string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "keywords (candidates + ranking, no corpus lookups)", $"{keywords:F0} µs/doc", string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "references", $"{references:F0} µs/doc", string.Empty, string.Empty, string.Empty, null),
        ];
    }
}
