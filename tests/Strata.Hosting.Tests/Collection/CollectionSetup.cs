using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Hosting.Configuration;
using Strata.Testing.Http;

namespace Strata.Hosting.Tests.Collection;

/// <summary>Knowledge bases for collection tests (tiny politeness delays, arXiv pointed at the fixture server) and short calls.</summary>
internal static class CollectionSetup
{
    public static readonly TimeSpan TinyDelay = TimeSpan.FromMilliseconds(5);

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(10);

    private static readonly CancellationToken None = CancellationToken.None;

    public static Task<KnowledgeBaseFixture> CreateAsync(FixtureServer? server = null, Action<StrataOptions>? configure = null) =>
        KnowledgeBaseFixture.CreateAsync(options =>
        {
            options.Politeness.MinDelayPerHost = TinyDelay;
            options.Politeness.Retry.BaseDelay = RetryBaseDelay;
            if (server is not null)
            {
                options.Collection.ArxivApiBase = server.Url("/api/");
            }

            configure?.Invoke(options);
        });

    public static async Task<Source> AddSourceAsync(this KnowledgeBase kb, SourceType type, string target, SourceRequest? request = null) =>
        (await kb.AddSourceAsync(type, target, request ?? new SourceRequest(), None)).Source;

    /// <summary>Runs the source now and processes what it queued; returns the source as saved afterwards and the run.</summary>
    public static async Task<(Source Source, SourceRunResult Outcome)> RunAsync(this KnowledgeBase kb, Source source)
    {
        var run = await kb.RunSourceAsync(source.Id, None) ?? throw new InvalidOperationException($"source {source.Id} is gone");
        return (run.Source, run.Outcome);
    }

    /// <summary>Every item in the base, in full, oldest first.</summary>
    public static async Task<IReadOnlyList<Item>> AllItemsAsync(this KnowledgeBase kb)
    {
        var summaries = await kb.ListAsync(new ItemFilter { Limit = 100_000 }, None);
        var items = new List<Item>(summaries.Count);
        foreach (var summary in summaries.OrderBy(summary => summary.Id, StringComparer.Ordinal))
        {
            items.Add((await kb.GetAsync(summary.Id, None))!);
        }

        return items;
    }

    /// <summary>The requests the server saw for <paramref name="path"/>.</summary>
    public static IReadOnlyList<RecordedRequest> To(this FixtureServer server, string path) =>
        server.Requests.Where(request => request.Path == path).ToArray();
}
