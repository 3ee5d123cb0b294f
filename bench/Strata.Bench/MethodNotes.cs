namespace Strata.Bench;

/// <summary>How each figure is measured, for the report.</summary>
internal static class MethodNotes
{
    public static readonly IReadOnlyList<string> All =
    [
        "Ingest: `KnowledgeBase.AddAsync([folder], new AddOptions())` into a fresh store with default options (originals archived and fsynced, collect, extract, analyse, index), timed from `OpenAsync` to the report. " +
            "Baseline: the same files read with `File.ReadAllTextAsync` and inserted as plain text into `CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')` in one transaction (Microsoft.Data.Sqlite), timing reading and inserting.",
        "Search: 200 queries (60 single words across the frequency range, 40 of two or three words, 20 quoted phrases, 50 Chinese words of 2–4 characters, 30 with `kind:`/`lang:` filters or `-exclusions`) through `KnowledgeBase.SearchAsync(q, 10)`, which includes parsing, analysis, the BM25 query, loading the items and building snippets; two warm-up rounds, then one timed round. " +
            "Baseline: `SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank LIMIT 10` on the bare table with the same texts, queries translated to quoted words/phrases (filters dropped, exclusions as `NOT`). " +
            "The bare tokenizer keeps a whole run of CJK characters as one token, so the bare table finds (almost) nothing for Chinese words: that part of the baseline is cheap and not comparable.",
        "The large search runs on the store built by the large ingest (a separate corpus, generated with another seed) and a bare table of the same files.",
        "HTML extraction: the Mozilla Readability test pages pre-loaded as bytes; `HtmlArticleExtractor.ExtractAsync(new ExtractionInput(bytes, MediaTypes.Html))` only; three warm-up passes, then five timed passes single-threaded and five with `Parallel.ForAsync` over 2 threads.",
        "Cold start: the ReadyToRun CLI published by `./strata` (`.build/strata/strata --data <the first store> search <word>`) started as a child process 10 times after one warm-up; wall time from process start to exit with standard output read to the end.",
        "Peak memory: the large ingest runs in a child process (this program's hidden `ingest-only` mode, the same `AddAsync` call); peak RSS is the larger of `VmHWM` polled from `/proc/<pid>/status` every 50 ms and the child's own `VmHWM` read just before it exits.",
    ];

    public static readonly IReadOnlyList<string> Structure =
    [
        "Enrichment (`--enrich-only` runs just this and the near-duplicate figures, merging their rows into this file): the 20,000 generated documents read into memory (not timed), then for each, on all cores, " +
            "`LanguageDetector.Detect` and the knowledge base's own `EnrichStep` (`KnowledgeBase.CreateEnrichStep()`: the full enricher list the pipeline runs — SimHash over paragraphs, keywords with corpus document frequencies loaded from and flushed to a fresh SQLite store, references), " +
            "then `FlushCorpusStatisticsAsync` (one upsert of every term's count). The breakdown times each part alone on one thread over the first 2,000 documents (keywords with a constant IDF, so without corpus lookups).",
        "Near-duplicates: 100,000 generated English documents of ~400 words (a title and four 100-word paragraphs; shorter than the ingest corpus so the texts can be regenerated per batch), every tenth a copy of a random earlier original with a navigation line, two footer lines and one word changed. " +
            "Timed: `SimHashContent.Compute` on all cores plus `NearDuplicateClustering.Cluster` (sort per 16-bit band, pairs within a bucket at ≤ 3 bits joined by union-find) — the work of `strata dupes --rebuild` minus reading fingerprints from and writing `duplicate_of` to the database. " +
            "Recall counts copies clustered with their original; wrong folds count items clustered with a document they were not copied from.",
    ];

    public static readonly IReadOnlyList<string> Collection =
    [
        "Feed polling: an in-process Kestrel server on loopback (`http://127.0.0.1:<free port>`, in the parent) serves 200 generated RSS 2.0 feeds of 50 entries, each with a short description and `content:encoded` of about 1,500 characters (full content, so no article is fetched), " +
            "a stable `ETag` and `Last-Modified`, and answers 304 to a matching `If-None-Match` (or `If-Modified-Since`). A child process (hidden `poll-only` mode) opens a fresh base and adds the 200 feeds with `AddSourceAsync(SourceType.Feed, url, new SourceRequest())` (each add fetches the feed once to check it), " +
            "then times `CollectDueAsync`: the collection part ends at the pipeline's first progress report, the rest is the pipeline over the 10,000 new items (archive, extract, index). " +
            "Every source is then made due again with `SetPausedAsync(id, false)` (not timed) and `CollectDueAsync` is timed again: the conditional re-poll. The server's counters must show exactly one 304 per feed (and two 200s: the add and the first poll). " +
            "Two variants: all feeds on one host (127.0.0.1) with politeness relaxed for the benchmark, `Politeness.MinDelayPerHost = 0` and `MaxConcurrentPerHost = 16` (defaults: 1 s and 2); " +
            "and the feeds spread over 200 loopback addresses (Kestrel listens on 127.0.0.1 … 127.0.0.200, each on its own port; politeness is per host name) with the default politeness. Sources run 8 at a time either way (`SourceRunner`).",
        "Bookmark import: a generated Netscape bookmark file of 10,000 links (unique URLs on 500 host names, in 20 folders of 5 subfolders under the bookmarks bar, each with `ADD_DATE` and two `TAGS`, a `<DD>` note on every tenth). " +
            "A child process (hidden `import-only` mode) times `OpenAsync` of a fresh base, `ImportAsync(file, NetscapeBookmarks, new AddOptions(), fetch: false)` and closing the base; then it opens the base again and imports the same file: every entry must be reported already present.",
        "Peak memory of feed polling and bookmark import: `VmHWM` of each child, polled every 50 ms and read by the child just before it exits (the feed server runs in the parent and is not counted).",
    ];

    public static readonly IReadOnlyList<string> Summaries =
    [
        "Extractive summary: `ExtractiveSummarizer.Summarize` (LexRank over TF-IDF sentence similarity, then MMR within 600 characters and 5 sentences) on one thread over 1,000 generated documents of ~1,500 words (every fifth Chinese), after 50 warm-up documents; the same summarizer runs at ingest as a pipeline step.",
        "Digest: 1,000 generated documents are ingested and a digest of them is stored; 1,000 more are ingested, then `CreateDigestAsync` over the window holding only the new ones is timed (after one untimed run): reading the candidates with their summaries, novelty of each against the 1,000 items of the earlier digest (TF-IDF cosine), interest, grouping and rendering Markdown, HTML and text, and storing it. No model.",
        "Ask overhead: the large corpus is ingested (time printed, summaries included), then 100 questions (`What do the notes say about <w1> and <w2>?`, words of ranks 50–800) after 10 warm-up ones; each is timed from `PassageRetriever.RetrieveAsync` (FTS5 BM25 for the best 8 items, sentence passages, term-coverage ranking) through `ContextPacker.Pack` into 7,492 tokens counted with the o200k_base tokenizer. The model call itself is excluded.",
    ];

    public static readonly IReadOnlyList<string> Web =
    [
        "Base: the large generated corpus (same generator and seed as the large search benchmark) ingested with `KnowledgeBase.AddAsync` in the bench process, which then closes the base.",
        "Server: the published CLI (`./strata`, ReadyToRun) runs `strata serve --urls http://127.0.0.1:<free port>` as a separate process over that base, with default settings (no auth on loopback, no model, no vectors: search runs in keyword mode).",
        "Load: a closed-loop C# generator in the bench process: 50 clients share one `HttpClient` (50 connections), each sending `GET /api/v1/search?q=<query>&limit=10` and reading the whole JSON answer before the next request, for the stated time, after 50 sequential warm-up requests and one sequential pass over all 200 queries (the \"one client\" row: the server's own time per search without queueing). Two loads, one after the other: the search benchmark's 200 queries (single words across the frequency range, two or three words, phrases, Chinese words, `kind:`/`lang:` filters and exclusions) cycled in a shuffled order, and then ~21,000 different queries of the same mix (250 query sets from other seeds, each query once; common words repeat across sets), so that what the server remembers of a query it has just answered cannot stand in for answering it. Latency is the client's time from sending to the last byte; \"inside the server\" is the `app;dur=` of the `Server-Timing` header every response carries (from the request reaching the app to its headers leaving, the wait for a search turn included); errors are non-2xx answers, connection failures and 30 s timeouts. Client and server share the machine's two cores.",
        "RSS: VmRSS of the server process from /proc: once after it starts answering and 3 s of quiet, and again 5 s after the load ends.",
        "Pages: 200 sequential requests each (after 10 warm-up ones) for the Library page `/` and for Reader pages `/items/{id}` (200 different items), timed to the last byte on loopback: server render time plus a loopback round trip, so slightly pessimistic as a server-side figure.",
    ];
}
