using System.Net;

namespace Strata.Web.Security;

/// <summary>Reads <c>--urls</c> values and tells whether every one of them listens on loopback only.</summary>
public static class ListenAddresses
{
    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether <paramref name="url"/> is well formed and binds a loopback host (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string url)
    {
        // Kestrel accepts "http://*:80" and "http://+:80", which Uri rejects; both mean every address.
        if (!Uri.TryCreate(url.Replace("://*", "://any-host", StringComparison.Ordinal).Replace("://+", "://any-host", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Whether <paramref name="url"/> is an http(s) address Kestrel can bind.</summary>
    public static bool IsValid(string url) =>
        Uri.TryCreate(url.Replace("://*", "://any-host", StringComparison.Ordinal).Replace("://+", "://any-host", StringComparison.Ordinal), UriKind.Absolute, out var uri) &&
        uri.Scheme is "http" or "https" && uri.AbsolutePath == "/";
}
