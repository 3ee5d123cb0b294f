using Strata.Core.Storage;
using Strata.Hosting;

namespace Strata.Web.Rendering;

/// <summary>
/// The tag counts the Library offers as filter suggestions, kept for a short while: counting every tag reads the
/// whole tag table, which at 100k items would dominate each Library page. The Tags page always reads them fresh.
/// </summary>
public sealed class TagListCache(KnowledgeBase knowledgeBase)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // A reference swapped whole, so concurrent requests never see half an update.
    private Snapshot? _cached;

    public async Task<IReadOnlyList<TagCount>> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && Environment.TickCount64 - cached.ReadAt < Lifetime.TotalMilliseconds)
        {
            return cached.Tags;
        }

        var tags = await knowledgeBase.ListTagsAsync(cancellationToken).ConfigureAwait(false);
        _cached = new Snapshot(Environment.TickCount64, tags);
        return tags;
    }

    private sealed record Snapshot(long ReadAt, IReadOnlyList<TagCount> Tags);
}
