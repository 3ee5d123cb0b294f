using Strata.Core.Items;
using Strata.Core.Pipeline;
using Strata.Core.Storage;
using Strata.Sources.Http;

namespace Strata.Sources.Steps;

/// <summary>
/// Queued → Collected: fetches the item's URL and archives the original bytes before anything parses them.
/// Bytes that another item already holds make this item a duplicate of it.
/// </summary>
public sealed class FetchStep(PoliteFetcher fetcher, IBlobStore blobs, IItemStore store) : IPipelineStep
{
    public string Name => "fetch";

    public ItemState From => ItemState.Queued;

    public async Task<StepResult> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var item = context.Item;
        if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var url))
        {
            return StepResult.Failed($"not a valid URL: {item.Url}");
        }

        FetchResult fetched;
        try
        {
            // Links found by sources are crawled (robots.txt honoured); URLs the user gave are fetched as asked.
            var purpose = item.Metadata.ContainsKey(AutomaticKey) ? FetchPurpose.Automatic : FetchPurpose.UserRequested;
            fetched = await fetcher.FetchAsync(url, null, purpose, cancellationToken).ConfigureAwait(false);
        }
        catch (FetchException exception)
        {
            return StepResult.Failed(exception.Message, exception.IsTransient);
        }

        var hash = await blobs.PutAsync(fetched.Content, cancellationToken).ConfigureAwait(false);
        var existing = await store.FindDuplicateAsync(hash, null, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.Id != item.Id && !item.Metadata.ContainsKey(ForcedKey))
        {
            context.DuplicateOf = existing;
            return StepResult.Stop;
        }

        var metadata = new Dictionary<string, string>(item.Metadata);
        if (fetched.Charset is not null)
        {
            metadata[ExtractStep.DeclaredCharsetKey] = fetched.Charset;
        }

        context.Snapshot = new SnapshotInfo(hash, fetched.MediaType, fetched.Content.Length, fetched.FetchedAt, fetched.FinalUrl.ToString());
        context.Item = item with
        {
            State = ItemState.Collected,
            ContentHash = hash,
            MediaType = fetched.MediaType,
            ByteSize = fetched.Content.Length,
            Url = fetched.FinalUrl.ToString(),
            Metadata = metadata,
        };
        return StepResult.Done;
    }

    /// <summary>Metadata key set by <c>--force</c>: keep the item even when its bytes are already in the base.</summary>
    public const string ForcedKey = "strata.forced";

    /// <summary>Metadata key marking a link a source found (not one the user gave): its fetch honours robots.txt.</summary>
    public const string AutomaticKey = "fetch.automatic";
}
