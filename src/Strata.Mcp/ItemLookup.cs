using ModelContextProtocol;
using Strata.Core.Items;
using Strata.Hosting;

namespace Strata.Mcp;

/// <summary>Finds the item an agent names, or fails with a message it can act on.</summary>
public static class ItemLookup
{
    /// <exception cref="McpException">No item, or several, match <paramref name="id"/>.</exception>
    public static async Task<Item> RequireAsync(KnowledgeBase kb, string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new McpException("give the item's id (as returned by search or recent)");
        }

        try
        {
            return await kb.GetAsync(id.Trim(), cancellationToken).ConfigureAwait(false)
                ?? throw new McpException($"no item matches '{id}'; ids come from search or recent");
        }
        catch (AmbiguousIdException exception)
        {
            throw new McpException(exception.Message, exception);
        }
    }
}
