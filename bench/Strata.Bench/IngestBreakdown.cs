using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.Core.Extraction;
using Strata.Core.Search;
using Strata.Core.Storage;
using Strata.Core.Text;
using Strata.Sources.Extractors;
using Strata.Sources.Extractors.Sniffing;

namespace Strata.Bench;

/// <summary>
/// Where ingest time goes: each stage of the real path timed alone, single-threaded, over a sample of the corpus,
/// in microseconds per document.
/// </summary>
internal static class IngestBreakdown
{
    private const int SampleSize = 2000;
    private const int SyncEvery = 256;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string corpus, string workFolder, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(SampleSize).ToArray();
        var stages = new List<(string Stage, double MicrosPerDoc)>();
        var stopwatch = Stopwatch.StartNew();

        double Lap() => stopwatch.Elapsed.TotalMicroseconds / files.Length;

        var bytes = new byte[files.Length][];
        for (var i = 0; i < files.Length; i++)
        {
            bytes[i] = await File.ReadAllBytesAsync(files[i], cancellationToken);
        }

        stages.Add(("read file", Lap()));
        stopwatch.Restart();
        foreach (var content in bytes)
        {
            FileBlobStore.ComputeHash(content);
        }

        stages.Add(("SHA-256", Lap()));
        foreach (var durable in new[] { true, false })
        {
            await using var blobs = new Strata.Storage.Sqlite.Blobs.PackBlobStore(Path.Combine(workFolder, durable ? "durable" : "plain"), durable);
            stopwatch.Restart();
            for (var i = 0; i < bytes.Length; i++)
            {
                await blobs.PutAsync(bytes[i], cancellationToken);
                if (i % SyncEvery == SyncEvery - 1 || i == bytes.Length - 1)
                {
                    await blobs.SyncAsync(cancellationToken); // as the collector does: one sync per batch
                }
            }

            stages.Add((durable ? "archive original to a pack (durable: fsync per 256)" : "archive original (DurableOriginals=false)", Lap()));
        }

        var texts = new string[files.Length];
        stopwatch.Restart();
        for (var i = 0; i < files.Length; i++)
        {
            var mediaType = ContentSniffer.Sniff(bytes[i], Path.GetFileName(files[i]), null);
            var extractor = ExtractorCatalog.All.First(candidate => candidate.CanExtract(mediaType));
            texts[i] = (await extractor.ExtractAsync(new ExtractionInput(bytes[i], mediaType) { FileName = Path.GetFileName(files[i]) }, cancellationToken)).Text;
        }

        stages.Add(("sniff + extract (text/Markdown)", Lap()));
        stopwatch.Restart();
        foreach (var text in texts)
        {
            LanguageDetector.Detect(text);
            TextStatistics.WordCount(text);
        }

        stages.Add(("language + word count", Lap()));
        var analysed = new string[files.Length];
        stopwatch.Restart();
        for (var i = 0; i < files.Length; i++)
        {
            analysed[i] = SearchTextAnalyzer.ToIndexText(texts[i]);
        }

        stages.Add(("analysed text for PostgreSQL and a legacy FTS5 (stems, CJK bigrams)", Lap()));
        stopwatch.Restart();
        foreach (var text in texts)
        {
            Strata.Core.Search.Ranking.DocumentTerms.Analyse(null, text, []);
        }

        stages.Add(("ranked index terms (what SQLite's ingest computes: stems, CJK bigrams, grams, positions)", Lap()));
        // The steps later issues added to every item's pass: where the time of today's ingest goes.
        var budget = new Strata.Hosting.Summaries.SummaryOptions().Budget;
        stopwatch.Restart();
        foreach (var text in texts)
        {
            Strata.Core.Enrich.ExtractiveSummarizer.Summarize(text, budget);
        }

        stages.Add(("extractive summary (summarize step)", Lap()));
        var chunker = new Strata.Semantic.Chunking.TextChunker(new Strata.Semantic.Chunking.ChunkingOptions());
        stopwatch.Restart();
        foreach (var text in texts)
        {
            chunker.Chunk(null, text, []);
        }

        stages.Add(("passages with o200k token counts (chunk step)", Lap()));
        stages.Add(("FTS5 insert, plain text (bare)", await InsertAsync(Path.Combine(workFolder, "plain.db"), texts, contentless: false, cancellationToken)));
        stages.Add(("FTS5 insert, analysed text (contentless)", await InsertAsync(Path.Combine(workFolder, "analysed.db"), analysed, contentless: true, cancellationToken)));
        SqliteConnection.ClearAllPools();

        Out.Line("  ingest breakdown (µs/doc, 1 thread): " + string.Join(", ", stages.Select(stage => $"{stage.Stage} {stage.MicrosPerDoc:F0}")));
        var name = $"Ingest breakdown ({files.Length:N0}-doc sample, 1 thread)";
        return stages.Select(stage => new ReportRow(name, stage.Stage, stage.MicrosPerDoc.ToString("F0", CultureInfo.InvariantCulture) + " µs/doc", string.Empty, string.Empty, string.Empty, null)).ToArray();
    }

    private static async Task<double> InsertAsync(string path, string[] texts, bool contentless, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = contentless
                ? "CREATE VIRTUAL TABLE t USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')"
                : "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var stopwatch = Stopwatch.StartNew();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO t (rowid, body) VALUES ($r, $b)";
            var rowid = insert.Parameters.Add("$r", SqliteType.Integer);
            var body = insert.Parameters.Add("$b", SqliteType.Text);
            for (var i = 0; i < texts.Length; i++)
            {
                rowid.Value = i + 1;
                body.Value = texts[i];
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return stopwatch.Elapsed.TotalMicroseconds / texts.Length;
    }
}
