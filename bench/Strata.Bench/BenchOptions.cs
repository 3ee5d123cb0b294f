using System.Globalization;

namespace Strata.Bench;

/// <summary>The bench's command line: <c>[--quick] [--collection-only | --enrich-only | --classify-only | --summaries-only | --ingest-only] [--docs N] [--large N] [--out path]</c>.</summary>
internal sealed record BenchOptions(int Documents, int LargeDocuments, string OutputPath, bool Quick, bool CollectionOnly = false, bool EnrichOnly = false, bool ClassifyOnly = false, bool SummariesOnly = false, bool WebOnly = false, int LoadSeconds = WebBenchmark.DefaultSeconds, bool IngestOnly = false, string? WebData = null)
{
    public const int DefaultDocuments = 20_000;
    public const int DefaultLarge = 100_000;
    public const int QuickDocuments = 2_000;
    public const int QuickLarge = 10_000;
    public const string DefaultOutput = "docs/benchmarks.md";
    public const string CollectionOnlyFlag = "--collection-only";
    public const string ClassifyOnlyFlag = "--classify-only";
    public const string EnrichOnlyFlag = "--enrich-only";
    public const string IngestOnlyFlag = "--ingest-only";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var collectionOnly = args.Contains(CollectionOnlyFlag);
        var classifyOnly = args.Contains(ClassifyOnlyFlag);
        var enrichOnly = args.Contains(EnrichOnlyFlag);
        var summariesOnly = args.Contains(SummariesBenchmark.Flag);
        var webOnly = args.Contains(WebBenchmark.Flag);
        var ingestOnly = args.Contains(IngestOnlyFlag);
        var seconds = quick ? WebBenchmark.QuickSeconds : WebBenchmark.DefaultSeconds;
        var documents = quick ? QuickDocuments : DefaultDocuments;
        var large = quick ? QuickLarge : DefaultLarge;
        var output = DefaultOutput;
        string? webData = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick" or CollectionOnlyFlag or EnrichOnlyFlag or IngestOnlyFlag or ClassifyOnlyFlag or SummariesBenchmark.Flag or WebBenchmark.Flag:
                    break;
                case "--web-data" when i + 1 < args.Count:
                    webData = args[++i];
                    break;
                case "--seconds" when i + 1 < args.Count:
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--docs" when i + 1 < args.Count:
                    documents = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--large" when i + 1 < args.Count:
                    large = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'; usage: [--quick] [--collection-only | --enrich-only | --classify-only | --summaries-only | --ingest-only | --web-only [--seconds N] [--web-data existing-data-dir]] [--docs N] [--large N] [--out path]");
            }
        }

        return new BenchOptions(documents, large, output, quick, collectionOnly, enrichOnly, classifyOnly, summariesOnly, webOnly, seconds, ingestOnly, webData);
    }

    /// <summary>The command that reproduces this run, as written in the report.</summary>
    public string CommandLine()
    {
        var flags = Quick ? " --quick" : string.Empty;
        if (CollectionOnly)
        {
            flags += " " + CollectionOnlyFlag;
        }

        if (EnrichOnly)
        {
            flags += " " + EnrichOnlyFlag;
        }

        if (ClassifyOnly)
        {
            flags += " " + ClassifyOnlyFlag;
        }

        if (IngestOnly)
        {
            flags += " " + IngestOnlyFlag;
        }

        if (SummariesOnly)
        {
            flags += " " + SummariesBenchmark.Flag;
        }

        if (WebOnly)
        {
            flags += " " + WebBenchmark.Flag;
            if (LoadSeconds != (Quick ? WebBenchmark.QuickSeconds : WebBenchmark.DefaultSeconds))
            {
                flags += $" --seconds {LoadSeconds}";
            }

            if (WebData is not null)
            {
                flags += $" --web-data {WebData}";
            }
        }

        if (Documents != (Quick ? QuickDocuments : DefaultDocuments))
        {
            flags += $" --docs {Documents}";
        }

        if (LargeDocuments != (Quick ? QuickLarge : DefaultLarge))
        {
            flags += $" --large {LargeDocuments}";
        }

        if (OutputPath != DefaultOutput)
        {
            flags += $" --out {OutputPath}";
        }

        return "dotnet run -c Release --project bench/Strata.Bench --" + (flags.Length == 0 ? string.Empty : flags);
    }
}
