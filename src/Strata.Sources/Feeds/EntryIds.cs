using System.Security.Cryptography;

namespace Strata.Sources.Feeds;

/// <summary>Identity for entries whose feed gives none.</summary>
internal static class EntryIds
{
    private const int HexLength = 32;

    /// <summary>"hash:" and 32 hex digits of SHA-256 over link and title; the same inputs always give the same id.</summary>
    public static string Stable(Uri? url, string? title, string? fallback)
    {
        var key = url is null && title is null ? fallback ?? string.Empty : $"{url?.AbsoluteUri}\n{title}";
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        return "hash:" + Convert.ToHexStringLower(hash)[..HexLength];
    }
}
