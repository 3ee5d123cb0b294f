using System.Globalization;
using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Core.Text;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;

namespace Strata.Hosting.Collection;

/// <summary>
/// Watches a folder by rescanning it: new files are ingested, changed files (size or time differ, then bytes)
/// become new versions of their item, deleted files are noted on the item and never purged.
/// </summary>
public sealed class FolderCollector(ItemSink sink, ISourceStore store, IngestOptions options, TimeProvider time) : ISourceCollector
{
    /// <summary>Metadata key set on an item whose file disappeared from a watched folder.</summary>
    public const string DeletedKey = "file.deletedAt";

    private const string DeletedFingerprint = "deleted";

    /// <summary>New files stored together, so a large folder costs one sync and one transaction per this many.</summary>
    private const int CommitEvery = 256;

    public SourceType Type => SourceType.Folder;

    public static string ExternalIdOf(string path) => "file:" + path;

    public async Task<CollectResult> CollectAsync(Source source, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(source.Target);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"folder not found: {root}");
        }

        var known = (await store.ListProvenanceBySourceAsync(source.Id, cancellationToken).ConfigureAwait(false))
            .ToDictionary(pair => pair.Record.ExternalId, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int added = 0, updated = 0, unchanged = 0, failed = 0;
        var problems = new List<string>();
        var batch = sink.StartBatch();
        foreach (var file in AddTarget.Expand(root).OfType<AddTarget.LocalFile>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var externalId = ExternalIdOf(file.Path);
            seen.Add(externalId);
            var info = new FileInfo(file.Path);
            var fingerprint = string.Create(CultureInfo.InvariantCulture, $"{info.Length}:{info.LastWriteTimeUtc.Ticks}");
            known.TryGetValue(externalId, out var previous);
            if (previous.Record?.Fingerprint == fingerprint)
            {
                unchanged++;
                continue;
            }

            var problem = info.Length == 0 ? "empty file (0 bytes)"
                : info.Length > options.MaxFileBytes ? $"file is {ByteSizes.Format(info.Length)}, over the {ByteSizes.Format(options.MaxFileBytes)} limit"
                : null;
            if (problem is not null)
            {
                failed++;
                problems.Add($"{file.Path}: {problem}");
                continue;
            }

            try
            {
                var bytes = await File.ReadAllBytesAsync(file.Path, cancellationToken).ConfigureAwait(false);
                var record = new Provenance(source.Id, externalId, null, fingerprint, time.GetUtcNow());
                if (previous.ItemId is { } itemId)
                {
                    var metadata = new Dictionary<string, string> { [DeletedKey] = string.Empty };
                    var outcome = await sink.AddVersionAsync(itemId, record, bytes, string.Empty, metadata, cancellationToken).ConfigureAwait(false);
                    if (previous.Record?.Fingerprint == DeletedFingerprint)
                    {
                        await store.SetMetadataAsync(itemId, metadata, cancellationToken).ConfigureAwait(false);
                    }

                    _ = outcome == SinkOutcome.Updated ? updated++ : unchanged++;
                }
                else
                {
                    var template = sink.NewItem(ItemKind.File) with { SourcePath = file.Path };
                    var outcome = await sink.AddContentAsync(batch, source, externalId, null, bytes, string.Empty, template, fingerprint, cancellationToken).ConfigureAwait(false);
                    _ = outcome == SinkOutcome.New ? added++ : unchanged++;
                    if (batch.Count >= CommitEvery)
                    {
                        await sink.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                failed++;
                problems.Add($"{file.Path}: cannot read the file: {exception.Message}");
            }
        }

        await sink.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
        foreach (var (externalId, (itemId, record)) in known)
        {
            if (!seen.Contains(externalId) && record.Fingerprint != DeletedFingerprint)
            {
                var now = time.GetUtcNow();
                await store.SetMetadataAsync(itemId, new Dictionary<string, string> { [DeletedKey] = now.ToString("O", CultureInfo.InvariantCulture) }, cancellationToken).ConfigureAwait(false);
                await store.AddProvenanceAsync(itemId, record with { Fingerprint = DeletedFingerprint }, cancellationToken).ConfigureAwait(false);
                updated++;
                problems.Add($"{record.ExternalId[5..]}: deleted from the folder (the item and its original are kept)");
            }
        }

        return new CollectResult(added, updated, unchanged, failed) { Problems = problems, Name = Path.GetFileName(root) };
    }
}
