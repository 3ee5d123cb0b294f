using Strata.Core.Extraction;
using Strata.Core.Text;
using Strata.Sources.Extractors;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>
    /// A readable diff between two archived versions of an item (1-based, oldest first; defaults: the last two),
    /// computed on their extracted text: unified lines, or word-marked changes with <paramref name="words"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A version number is not one the item has.</exception>
    public async Task<string?> DiffVersionsAsync(string idOrPrefix, int? from, int? to, bool words, CancellationToken cancellationToken)
    {
        var item = await GetAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var versions = await ListVersionsAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var newer = to ?? versions.Count;
        var older = from ?? newer - 1;
        if (versions.Count < 2 || older < 1 || newer > versions.Count || older >= newer)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"the item has {versions.Count} version(s); choose two of 1..{versions.Count}, older first");
        }

        var oldText = await ExtractVersionAsync(versions[older - 1].Hash, item.Url, cancellationToken).ConfigureAwait(false);
        var newText = await ExtractVersionAsync(versions[newer - 1].Hash, item.Url, cancellationToken).ConfigureAwait(false);
        var diff = TextDiff.Compute(oldText, newText);
        return words
            ? TextDiff.ToWordDiff(diff)
            : TextDiff.ToUnified(diff, oldLabel: $"version {older} ({versions[older - 1].TakenAt:yyyy-MM-dd HH:mm})", newLabel: $"version {newer} ({versions[newer - 1].TakenAt:yyyy-MM-dd HH:mm})");
    }

    private async Task<string> ExtractVersionAsync(string hash, string? url, CancellationToken cancellationToken)
    {
        var bytes = await _blobs.ReadAsync(hash, cancellationToken).ConfigureAwait(false);
        try
        {
            var source = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
            return (await ExtractorCatalog.ExtractAsync(bytes, null, null, source, null, cancellationToken).ConfigureAwait(false)).Document.Text;
        }
        catch (ExtractionException)
        {
            return string.Empty; // a version that is not a document has no text to compare
        }
    }
}
