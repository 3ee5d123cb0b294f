using System.Diagnostics;

namespace Strata.Bench;

/// <summary>Runs every benchmark once, in order, in one temp root that is deleted at the end.</summary>
internal static class BenchRunner
{
    public const int VocabularySeed = 42;
    private const int CorpusSeed = 1;
    private const int LargeCorpusSeed = 2;
    public const int QuerySeed = 7;
    private const int ColdStartWordRank = 60;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var repository = FindRepositoryRoot();
        var root = Path.Combine(Path.GetTempPath(), $"strata-bench-{Environment.ProcessId}");
        var total = Stopwatch.StartNew();
        var rows = new List<ReportRow>();
        var notes = new List<string>();
        try
        {
            var vocabulary = new Vocabulary(VocabularySeed);
            if (options.ClassifyOnly)
            {
                rows.AddRange(ClassifierTrainingBenchmark.Run(vocabulary, ClassifierDocuments, notes));
                return Finish(options, repository, rows, notes, total);
            }

            if (options.EnrichOnly)
            {
                var corpus = Path.Combine(root, "corpus");
                CorpusGenerator.Generate(corpus, options.Documents, CorpusSeed, vocabulary);
                rows.AddRange(await RunStructureBenchmarksAsync(options, corpus, root, vocabulary, cancellationToken));
                rows.AddRange(ClassifierTrainingBenchmark.Run(vocabulary, ClassifierDocuments, notes));
                return await FinishMergedAsync(options, repository, rows, MethodNotes.Structure, total);
            }

            if (options.IngestOnly)
            {
                // Iterating on ingest speed: the 20k ingest against bare FTS5 and the per-step breakdown, nothing else.
                var corpus = Path.Combine(root, "corpus");
                CorpusGenerator.Generate(corpus, options.Documents, CorpusSeed, vocabulary);
                var (ingestRows, bare) = await IngestBenchmark.RunAsync(corpus, Path.Combine(root, "store"), Path.Combine(root, "bare.db"), cancellationToken);
                await bare.DisposeAsync();
                rows.AddRange(ingestRows);
                rows.AddRange(await IngestBreakdown.RunAsync(corpus, Path.Combine(root, "breakdown"), cancellationToken));
                return await FinishMergedAsync(options, repository, rows, [], total);
            }

            if (options.SummariesOnly)
            {
                var summaryRows = await SummariesBenchmark.RunAsync(root, options.LargeDocuments, vocabulary, cancellationToken);
                Out.Line(string.Empty);
                Report.Print(summaryRows);
                var path = Path.IsPathRooted(options.OutputPath) ? options.OutputPath : Path.Combine(repository, options.OutputPath);
                Report.WriteSection(path, SummariesSection, options, MachineInfo.Read(), summaryRows, MethodNotes.Summaries);
                Out.Line($"\nupdated the \"{SummariesSection}\" section of {path} in {total.Elapsed.TotalMinutes:F1} min");
                return summaryRows.Any(row => row.Pass == false) ? 1 : 0;
            }

            if (options.WebOnly)
            {
                var webRows = await WebBenchmark.RunAsync(options, repository, root, vocabulary, cancellationToken);
                Out.Line(string.Empty);
                Report.Print(webRows);
                var path = Path.IsPathRooted(options.OutputPath) ? options.OutputPath : Path.Combine(repository, options.OutputPath);
                Report.WriteSection(path, WebBenchmark.Section, options, MachineInfo.Read(), webRows, MethodNotes.Web);
                Out.Line($"\nupdated the \"{WebBenchmark.Section}\" section of {path} in {total.Elapsed.TotalMinutes:F1} min");
                return webRows.Any(row => row.Pass == false) ? 1 : 0;
            }

            if (!options.CollectionOnly)
            {
                await RunCorpusBenchmarksAsync(options, repository, root, vocabulary, rows, notes, cancellationToken);
                notes.AddRange(MethodNotes.All);
            }

            var step = Stopwatch.StartNew();
            rows.AddRange(await FeedPollingBenchmark.RunAsync(Path.Combine(root, "feeds"), vocabulary, cancellationToken));
            Step("feed polling", step);
            rows.AddRange(await BookmarkImportBenchmark.RunAsync(Path.Combine(root, "import"), vocabulary, cancellationToken));
            Step("bookmark import", step);
            rows.AddRange(ClassifierTrainingBenchmark.Run(vocabulary, ClassifierDocuments, notes));
            Step("classifier training", step);
            notes.AddRange(MethodNotes.Collection);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return Finish(options, repository, rows, notes, total);
    }

    /// <summary>Labelled documents the classifier-training benchmark learns from (the figure).</summary>
    private const int ClassifierDocuments = 10_000;

    private static int Finish(BenchOptions options, string repository, List<ReportRow> rows, List<string> notes, Stopwatch total)
    {
        Out.Line(string.Empty);
        Report.Print(rows);
        var output = Path.IsPathRooted(options.OutputPath) ? options.OutputPath : Path.Combine(repository, options.OutputPath);
        Report.WriteMarkdown(output, options, MachineInfo.Read(), rows, notes, total.Elapsed);
        Out.Line($"\nwrote {output} in {total.Elapsed.TotalMinutes:F1} min");
        return rows.Any(row => row.Pass == false) ? 1 : 0;
    }

    private const string SummariesSection = "Summaries, digests and ask (no model)";

    private static async Task RunCorpusBenchmarksAsync(BenchOptions options, string repository, string root, Vocabulary vocabulary, List<ReportRow> rows, List<string> notes, CancellationToken cancellationToken)
    {
        var corpus = Path.Combine(root, "corpus");
        var large = Path.Combine(root, "large");
        var step = Stopwatch.StartNew();
        var bytes = CorpusGenerator.Generate(corpus, options.Documents, CorpusSeed, vocabulary);
        var largeBytes = CorpusGenerator.Generate(large, options.LargeDocuments, LargeCorpusSeed, vocabulary);
        Step($"corpus: {options.Documents:N0} docs ({bytes / 1048576.0:F0} MB) and {options.LargeDocuments:N0} docs ({largeBytes / 1048576.0:F0} MB)", step);
        notes.Add($"Corpus: generated with fixed seeds; {options.Documents:N0} documents ({bytes / 1048576.0:F0} MB) and a separate large corpus of {options.LargeDocuments:N0} ({largeBytes / 1048576.0:F0} MB). " +
            $"Each has about {CorpusGenerator.WordsPerDocument:N0} words; every {CorpusGenerator.ChineseEvery}th is Chinese (~{CorpusGenerator.WordsPerDocument:N0} characters of common words, frequency-weighted, with punctuation); " +
            $"the rest English with a Zipf-distributed {Vocabulary.EnglishWordCount:N0}-word vocabulary synthesised from syllables, sentences, paragraphs and Markdown headings; half `.md`, half `.txt`, {CorpusGenerator.FilesPerFolder:N0} per folder.");

        var store = Path.Combine(root, "store");
        var (ingestRows, bare) = await IngestBenchmark.RunAsync(corpus, store, Path.Combine(root, "bare.db"), cancellationToken);
        rows.AddRange(ingestRows);
        Step("ingest", step);
        rows.AddRange(await IngestBreakdown.RunAsync(corpus, Path.Combine(root, "breakdown"), cancellationToken));
        Step("ingest breakdown", step);
        rows.AddRange(await RunStructureBenchmarksAsync(options, corpus, root, vocabulary, cancellationToken));
        notes.AddRange(MethodNotes.Structure);
        Step("enrichment and near-duplicates", step);

        var queries = QuerySet.Create(vocabulary, QuerySeed);
        await using (bare)
        {
            rows.AddRange(await SearchLatencyBenchmark.RunAsync($"{options.Documents:N0} docs", store, bare, queries, withTargets: false, cancellationToken));
        }

        Step("search", step);
        rows.AddRange(await ExtractionBenchmark.RunAsync(Path.Combine(repository, "..", "shared", "data", "readability", "test", "test-pages"), cancellationToken));
        Step("extraction", step);
        rows.AddRange(await ColdStartBenchmark.RunAsync(repository, store, vocabulary.English[ColdStartWordRank], cancellationToken));
        Step("cold start", step);
        Directory.Delete(store, recursive: true);

        var largeStore = Path.Combine(root, "large-store");
        rows.AddRange(await MemoryBenchmark.RunAsync(large, options.LargeDocuments, largeStore, cancellationToken));
        Step("large ingest", step);
        var (largeBare, _, _) = await BareFtsIndex.BuildAsync(Path.Combine(root, "bare-large.db"), large, cancellationToken);
        await using (largeBare)
        {
            rows.AddRange(await SearchLatencyBenchmark.RunAsync($"{options.LargeDocuments:N0} docs", largeStore, largeBare, queries, withTargets: true, cancellationToken));
        }

        Step("large search", step);
        rows.AddRange(await SummariesBenchmark.RunAsync(root, options.Documents, vocabulary, cancellationToken));
        notes.AddRange(MethodNotes.Summaries);
        Step("summaries, digest, ask", step);
    }

    private static async Task<IReadOnlyList<ReportRow>> RunStructureBenchmarksAsync(BenchOptions options, string corpus, string root, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var rows = new List<ReportRow>(await EnrichmentBenchmark.RunAsync(corpus, Path.Combine(root, "enrich"), cancellationToken));
        rows.AddRange(NearDuplicateBenchmark.Run(options.LargeDocuments, vocabulary, cancellationToken));
        return rows;
    }

    /// <summary>Prints the rows and merges them into the existing report (other rows stay).</summary>
    private static Task<int> FinishMergedAsync(BenchOptions options, string repository, List<ReportRow> rows, IReadOnlyList<string> notes, Stopwatch total)
    {
        Out.Line(string.Empty);
        Report.Print(rows);
        var output = Path.IsPathRooted(options.OutputPath) ? options.OutputPath : Path.Combine(repository, options.OutputPath);
        ReportMerge.Merge(output, rows, notes);
        Out.Line($"\nmerged into {output} in {total.Elapsed.TotalMinutes:F1} min");
        return Task.FromResult(rows.Any(row => row.Pass == false) ? 1 : 0);
    }

    private static void Step(string name, Stopwatch stopwatch)
    {
        Out.Line($"[{stopwatch.Elapsed.TotalSeconds,6:F1} s] {name}");
        stopwatch.Restart();
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Strata.slnx")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
