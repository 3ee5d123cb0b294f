using Strata.Core.Web;
using Strata.Hosting.Web;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    private const string PasswordSettingKey = "web.password_hash";

    /// <summary>The knowledge base's clock (tests pass a fake), for surfaces that compute windows such as "the last 7 days".</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>
    /// Returns memory a burst of work left behind (the server calls it once idle): pooled SQLite connections are
    /// closed with their page caches, search's pooled arrays are dropped, one compacting collection hands the freed managed heap back to the OS, and glibc
    /// is asked to do the same with the native heap.
    /// </summary>
    public void ReleaseIdleMemory()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Core.Search.Ranking.SearchBuffers.Release();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }

    /// <summary>Longest highlight kept (a passage, not a whole article).</summary>
    public const int MaxHighlightChars = 10_000;

    /// <summary>Highlights a passage of an item; null when the item does not exist.</summary>
    public async Task<Highlight?> HighlightAsync(string idOrPrefix, string text, string? note, int? start, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Length > MaxHighlightChars)
        {
            throw new ArgumentException($"a highlight must be 1 to {MaxHighlightChars} characters long", nameof(text));
        }

        return await ResolveIdAsync(idOrPrefix, cancellationToken).ConfigureAwait(false) is { } id
            ? await _web.AddHighlightAsync(id, text, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), start, cancellationToken).ConfigureAwait(false)
            : null;
    }

    public Task<IReadOnlyList<Highlight>> ListHighlightsAsync(string itemId, CancellationToken cancellationToken) => _web.ListHighlightsAsync(itemId, cancellationToken);

    public Task<bool> DeleteHighlightAsync(string highlightId, CancellationToken cancellationToken) => _web.DeleteHighlightAsync(highlightId, cancellationToken);

    /// <summary>Creates an API token; the returned secret is shown once and never stored.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateApiTokenAsync(string name, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            throw new ArgumentException("a token needs a name", nameof(name));
        }

        if ((await _web.ListApiTokensAsync(cancellationToken).ConfigureAwait(false)).Any(token => string.Equals(token.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"a token named '{name}' already exists (revoke it first)", nameof(name));
        }

        var secret = ApiTokenSecret.Create();
        return (await _web.AddApiTokenAsync(name, ApiTokenSecret.Hash(secret), cancellationToken).ConfigureAwait(false), secret);
    }

    public Task<IReadOnlyList<ApiToken>> ListApiTokensAsync(CancellationToken cancellationToken) => _web.ListApiTokensAsync(cancellationToken);

    public Task<bool> RevokeApiTokenAsync(string idOrName, CancellationToken cancellationToken) => _web.RevokeApiTokenAsync(idOrName, cancellationToken);

    /// <summary>The token a presented secret belongs to, or null.</summary>
    public Task<ApiToken?> AuthenticateTokenAsync(string secret, CancellationToken cancellationToken) =>
        secret.StartsWith(ApiTokenSecret.Prefix, StringComparison.Ordinal) ? _web.UseApiTokenAsync(ApiTokenSecret.Hash(secret), cancellationToken) : Task.FromResult<ApiToken?>(null);

    /// <summary>Sets (or with null, clears) the web login password.</summary>
    public Task SetPasswordAsync(string? password, CancellationToken cancellationToken) =>
        _web.SetSettingAsync(PasswordSettingKey, password is null ? null : PasswordHash.Create(password), cancellationToken);

    /// <summary>The password hash from the config (<c>Web.PasswordHash</c>), else the one set with <c>strata password</c>.</summary>
    public async Task<string?> GetPasswordHashAsync(CancellationToken cancellationToken) =>
        Options.Web.PasswordHash is { Length: > 0 } configured ? configured : await _web.GetSettingAsync(PasswordSettingKey, cancellationToken).ConfigureAwait(false);

    /// <summary>Whether a password or at least one API token exists, so a server off loopback may start.</summary>
    public async Task<bool> HasAuthenticationAsync(CancellationToken cancellationToken) =>
        await GetPasswordHashAsync(cancellationToken).ConfigureAwait(false) is not null || (await _web.ListApiTokensAsync(cancellationToken).ConfigureAwait(false)).Count > 0;

    public async Task<bool> VerifyPasswordAsync(string password, CancellationToken cancellationToken) =>
        await GetPasswordHashAsync(cancellationToken).ConfigureAwait(false) is { } hash && PasswordHash.Verify(password, hash);

    /// <summary>An item's archived original bytes and media type; null when the item or its original is missing.</summary>
    public async Task<(byte[] Bytes, string MediaType)?> ReadOriginalAsync(string itemId, CancellationToken cancellationToken)
    {
        var item = await _store.GetAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item?.ContentHash is not { } hash || !_blobs.Exists(hash))
        {
            return null;
        }

        return (await _blobs.ReadAsync(hash, cancellationToken).ConfigureAwait(false), item.MediaType ?? "application/octet-stream");
    }

    public Task<IReadOnlyList<(DateOnly Day, int Items)>> CountItemsByDayAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        _web.CountItemsByDayAsync(since, cancellationToken);

    public Task<IReadOnlyList<(string Source, int Items)>> CountItemsBySourceAsync(int top, CancellationToken cancellationToken) =>
        _web.CountItemsBySourceAsync(top, cancellationToken);
}
