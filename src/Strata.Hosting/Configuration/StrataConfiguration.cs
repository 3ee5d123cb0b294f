using Microsoft.Extensions.Configuration;

namespace Strata.Hosting.Configuration;

/// <summary>Loads <see cref="StrataOptions"/> from the data directory's config file and the environment.</summary>
public static class StrataConfiguration
{
    public const string EnvironmentPrefix = "STRATA__";

    /// <summary>Binds and validates options; throws <see cref="InvalidOperationException"/> listing every bad value.</summary>
    public static StrataOptions Load(DataDirectory data)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(data.ConfigPath, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();
        var options = new StrataOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"invalid configuration in {data.ConfigPath} or STRATA__ variables: {exception.Message}", exception);
        }

        options.DataDirectory = data.Root;
        var problems = options.Validate();
        return problems.Count == 0
            ? options
            : throw new InvalidOperationException($"invalid configuration ({data.ConfigPath}): {string.Join("; ", problems)}");
    }

    /// <summary>The commented default written by <c>strata init</c>; every value shown is the default.</summary>
    public const string DefaultConfigText = """
        // Strata configuration. Comments are allowed. Every value below is the default;
        // environment variables override them, e.g. STRATA__INGEST__MAXFILEBYTES=52428800.
        {
          "Ingest": {
            // Largest file accepted, in bytes (100 MB).
            "MaxFileBytes": 104857600,
            // Files read and archived at once.
            "Concurrency": 4,
            // Flush each original to disk before recording it.
            "DurableOriginals": true
          },
          "Fetch": {
            // Whole-request limit, including the body.
            "Timeout": "00:00:30",
            "ConnectTimeout": "00:00:10",
            // Largest response accepted, in bytes (100 MB).
            "MaxBytes": 104857600,
            "MaxRedirects": 5
          },
          "Pipeline": {
            // Items committed together, and processed at once.
            "BatchSize": 128,
            "Concurrency": 4
          },
          "Politeness": {
            // Requests at once to one host, and the least time between their starts.
            "MaxConcurrentPerHost": 2,
            "MinDelayPerHost": "00:00:01",
            // Transient failures (timeouts, 5xx, 429) are retried with exponential backoff and jitter.
            "Retry": { "MaxAttempts": 3, "BaseDelay": "00:00:01", "MaxDelay": "00:05:00" },
            // robots.txt is honoured for links Strata finds itself, never for URLs you give it.
            "Robots": { "CacheDuration": "1.00:00:00" }
          },
          "Collection": {
            "ArxivApiBase": "https://export.arxiv.org/api/",
            "ArxivPageSize": 50,
            "MaxFeedBytes": 20971520,
            // Default schedule of folder sources: the safety net behind file-system events.
            "FolderRescan": "00:10:00"
          },
          "Classification": {
            // Learned tags at or above ApplyThreshold are applied; from SuggestThreshold up they wait in `strata review-tags`.
            "ApplyThreshold": 0.7,
            "SuggestThreshold": 0.35,
            "MaxSuggestionsPerItem": 3,
            "CategoryThreshold": 0.6,
            // Labelled items a tag or category needs before the classifier learns it.
            "MinExamples": 3,
            "Learn": true
          },
          "Chunking": {
            // Passages for semantic search and citations: tokens per passage, and tokens repeated across a cut.
            "MaxTokens": 256,
            "OverlapTokens": 32
          },
          "Embedding": {
            // none | openai (any OpenAI-compatible server) | ollama | onnx (a local model folder). Nothing is downloaded.
            "Provider": "none",
            // openai: "https://api.openai.com/v1" or e.g. "http://localhost:8000/v1"; ollama: "http://localhost:11434".
            "Endpoint": null,
            // e.g. "text-embedding-3-small", "nomic-embed-text"; for onnx a label (default: the folder name).
            "Model": null,
            // onnx: a folder with model.onnx and vocab.txt or tokenizer.json (e.g. all-MiniLM-L6-v2, bge-small-en-v1.5).
            "ModelPath": null,
            // Secrets belong in the environment: STRATA__EMBEDDING__APIKEY.
            "BatchSize": 32,
            // null: chosen from the model name (e5: "query: "/"passage: ", bge: its query instruction).
            "QueryPrefix": null,
            "PassagePrefix": null,
            // Scan int8 vectors (a quarter of the memory) and rescore the best k × RescoreFactor with their float32
            // vectors, memory-mapped from a scratch file under cache/ (0: int8 scores); false: scan float32 in memory.
            "Int8Index": true,
            "RescoreFactor": 4
          },
          "Chat": {
            // none, openai (any OpenAI-compatible /v1/chat/completions server) or ollama. With none, summaries,
            // ask and digests use classical methods (extractive summaries, extractive answers).
            "Provider": "none",
            // e.g. "https://api.openai.com/v1", "http://localhost:8080/v1" (llama.cpp, vLLM) or "http://localhost:11434" (Ollama).
            "Endpoint": null,
            "Model": "",
            // The API key comes from the environment only: STRATA__CHAT__APIKEY.
            "ContextTokens": 8192,
            "MaxOutputTokens": 700,
            // Prices per million tokens, for the cost column of `strata usage`.
            "InputPricePerMillion": 0,
            "OutputPricePerMillion": 0
          },
          "Usage": {
            // Tokens per UTC day per purpose (summary, tag, ask, digest, embed); when spent, the classical method is used.
            "DailyTokenBudgets": {},
            // Prices of other models (e.g. embeddings): { "model-name": { "InputPerMillion": 0.02, "OutputPerMillion": 0 } }.
            "Prices": {},
            // Identical prompts (same model and messages) are answered from the cache.
            "Cache": true
          },
          "Summaries": {
            // Extractive summaries (made at ingest): at most this many characters and sentences.
            "MaxChars": 600,
            "MaxSentences": 5,
            // Items summarized by the model per pass (strata summarize --missing, or the daemon after new items).
            "ModelBatch": 50,
            "ModelInDaemon": true
          },
          "Digest": {
            // Cron (local time) for the daemon's digest, e.g. "0 7 * * *"; null = none.
            "Schedule": null,
            "Window": "1.00:00:00",
            "TopStories": 5,
            // Older items brought back in each digest ("From your archive"; 0 = none), collected and last opened this long ago.
            "ResurfaceItems": 0,
            "ResurfaceAfter": "60.00:00:00",
            // Mail delivery (off unless Host and To are set); the password comes from STRATA__DIGEST__EMAIL__PASSWORD.
            "Email": { "Host": null, "Port": 587, "Security": "auto", "User": null, "From": "strata@localhost", "To": null },
            // Also read the scheduled digest aloud into a podcast episode (strata digest --audio does it by hand).
            "Audio": false
          },
          "Tts": {
            // espeak (espeak-ng, offline), openai (an OpenAI-compatible /v1/audio/speech) or command (any local program).
            "Engine": "espeak",
            // Command engine, e.g. "piper --model en_US-lessac-medium.onnx --output_file {out}" ({out}, {text}, {lang}, {voice}; text on stdin).
            "Command": null,
            // espeak-ng words per minute; voice per language over the built-in choice (en -> en-us, zh -> cmn).
            "Rate": 175,
            "Voices": {},
            // OpenAI-compatible server (base URL with /v1); the key comes from STRATA__TTS__APIKEY.
            "Endpoint": null,
            "Model": "tts-1",
            "Voice": "alloy"
          },
          "Audio": {
            // Language of the intro and outro; stories are read in their own language.
            "Language": "en",
            // Longest an audio digest runs; stories past it are left out and counted in the outro.
            "MaxDuration": "00:30:00",
            "Pause": "00:00:00.8",
            // auto (ffmpeg, else lame), ffmpeg or lame; constant bit rate in kbit/s.
            "Encoder": "auto",
            "Bitrate": 64
          },
          "Podcast": {
            // Secret for /podcast.xml?token=… (better from STRATA__PODCAST__TOKEN); without it only this machine is served.
            "Token": null,
            "Title": "Strata digests",
            "Author": "Strata",
            // Where `strata podcast export` output will be hosted, e.g. "https://example.org/podcast/".
            "BaseUrl": null,
            "ImageUrl": null
          },
          "Memory": {
            // FSRS-6 flashcard scheduling: the recall probability cards are scheduled for, the longest interval (days),
            // and whether intervals of 3+ days are spread a little. Learning steps default to ["00:01:00", "00:10:00"],
            // relearning steps to ["00:10:00"]; "Weights" (21 numbers) overrides the ones `strata learn optimize` fits.
            "DesiredRetention": 0.9,
            "MaximumInterval": 36500,
            "EnableFuzz": false,
            "MinimumReviewsToOptimize": 400
          }
        }

        """;
}
