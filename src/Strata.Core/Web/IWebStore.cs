namespace Strata.Core.Web;

/// <summary>What the web surface keeps: highlights on items, API tokens and the login password hash.</summary>
public interface IWebStore
{
    /// <summary>Stores a highlight on an item; null when the item does not exist.</summary>
    Task<Highlight?> AddHighlightAsync(string itemId, string text, string? note, int? start, CancellationToken cancellationToken);

    /// <summary>An item's highlights in the order they appear in its text (then by creation).</summary>
    Task<IReadOnlyList<Highlight>> ListHighlightsAsync(string itemId, CancellationToken cancellationToken);

    Task<bool> DeleteHighlightAsync(string highlightId, CancellationToken cancellationToken);

    /// <summary>Records a token by the SHA-256 of its secret (the secret itself is never stored).</summary>
    Task<ApiToken> AddApiTokenAsync(string name, string secretHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiToken>> ListApiTokensAsync(CancellationToken cancellationToken);

    /// <summary>The token whose secret hashes to <paramref name="secretHash"/>, marking it used; null when none.</summary>
    Task<ApiToken?> UseApiTokenAsync(string secretHash, CancellationToken cancellationToken);

    Task<bool> RevokeApiTokenAsync(string idOrName, CancellationToken cancellationToken);

    Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken);

    Task SetSettingAsync(string key, string? value, CancellationToken cancellationToken);

    /// <summary>Items collected per UTC day since <paramref name="since"/> (days with none are absent), oldest first.</summary>
    Task<IReadOnlyList<(DateOnly Day, int Items)>> CountItemsByDayAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The sources (site names, else kinds) with the most items.</summary>
    Task<IReadOnlyList<(string Source, int Items)>> CountItemsBySourceAsync(int top, CancellationToken cancellationToken);
}
