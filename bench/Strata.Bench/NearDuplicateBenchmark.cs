using System.Diagnostics;
using System.Text;
using Strata.Core.Enrich;

namespace Strata.Bench;

/// <summary>
/// Near-duplicate clustering at scale, as <c>strata dupes --rebuild</c> does it (fingerprints, four 16-bit bands,
/// union-find), over generated documents of which every tenth is a syndicated copy of an earlier one (navigation and
/// footer lines added, one word changed). Texts are generated from per-document seeds in batches and dropped after
/// fingerprinting, so memory stays flat; only fingerprinting and clustering are timed.
/// </summary>
internal static class NearDuplicateBenchmark
{
    public const int WordsPerDocument = 400;
    private const int CopyEvery = 10;
    private const int Batch = 10_000;
    private const int WordsPerParagraph = 100;
    private const double TargetSeconds = 30;

    public static IReadOnlyList<ReportRow> Run(int count, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var fingerprints = new ulong[count];
        var sourceOf = new int[count];
        var fingerprinting = TimeSpan.Zero;
        for (var start = 0; start < count; start += Batch)
        {
            var end = Math.Min(count, start + Batch);
            var texts = new string[end - start];
            Parallel.For(start, end, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                sourceOf[i] = i % CopyEvery == CopyEvery - 1 ? new Random(i).Next(0, i / CopyEvery * CopyEvery) / CopyEvery * CopyEvery : i;
                texts[i - start] = sourceOf[i] == i ? Original(i, vocabulary) : Copy(Original(sourceOf[i], vocabulary), i);
            });
            var stopwatch = Stopwatch.StartNew();
            Parallel.For(start, end, new ParallelOptions { CancellationToken = cancellationToken }, i => fingerprints[i] = SimHashContent.Compute(texts[i - start]) ?? 0);
            fingerprinting += stopwatch.Elapsed;
        }

        var clustering = Stopwatch.StartNew();
        var representatives = NearDuplicateClustering.Cluster([.. fingerprints.Select((hash, i) => ((long)i, hash))]);
        var clustered = clustering.Elapsed;

        var planted = sourceOf.Where((source, i) => source != i).Count();
        var found = Enumerable.Range(0, count).Count(i => sourceOf[i] != i && representatives.TryGetValue(i, out var head) && Root((int)head, sourceOf) == Root(sourceOf[i], sourceOf));
        var wrong = representatives.Count(pair => Root((int)pair.Key, sourceOf) != Root((int)pair.Value, sourceOf));
        var total = fingerprinting + clustered;
        var name = $"Near-duplicates ({count:N0} docs of ~{WordsPerDocument} words, 1 in {CopyEvery} a copy)";
        return
        [
            new ReportRow(name, "fingerprint + cluster (s)", $"{total.TotalSeconds:F2} ({fingerprinting.TotalSeconds:F2} + {clustered.TotalSeconds:F2})", string.Empty, string.Empty, $"< {TargetSeconds:N0} s", total.TotalSeconds < TargetSeconds),
            new ReportRow(name, "copies found / planted", $"{found:N0} / {planted:N0}", string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "items folded into an unrelated one", $"{wrong:N0}", string.Empty, string.Empty, "0", wrong == 0),
        ];
    }

    private static int Root(int index, int[] sourceOf) => sourceOf[index];

    private static string Original(int index, Vocabulary vocabulary)
    {
        var random = new Random(index * 31 + 7);
        var text = new StringBuilder(WordsPerDocument * 8);
        text.Append("# ").Append(CorpusGenerator.EnglishSentence(random, vocabulary, 5)).Append("\n\n");
        for (var words = 0; words < WordsPerDocument; words += WordsPerParagraph)
        {
            text.Append(CorpusGenerator.EnglishSentence(random, vocabulary, WordsPerParagraph)).Append(".\n\n");
        }

        return text.ToString();
    }

    /// <summary>The original as another site reposts it: its own navigation and footer, one word edited.</summary>
    private static string Copy(string original, int index)
    {
        var space = original.IndexOf(' ', original.Length / 2);
        var edited = original[..(space + 1)] + "edited" + original[original.IndexOf(' ', space + 1)..];
        return $"Home | World | Tech | Subscribe\n\n{edited}\nShare on social media. Comments ({index % 50})\nCopyright 2026 Syndicator {index % 97}. All rights reserved.\n";
    }
}
