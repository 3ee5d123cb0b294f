using System.Net.Sockets;
using System.Text;

namespace Strata.Sources.Http;

/// <summary>Builds the <see cref="FetchException"/> for each way a fetch fails, with its one-line message.</summary>
internal static class FetchFailures
{
    private const string ConnectionLost = "connection lost before the response was complete";

    public static FetchException Status(HttpResponseMessage response, Uri url, TimeSpan? retryAfter)
    {
        var code = (int)response.StatusCode;
        var transient = code is >= 500 or 408 or 429;
        var reason = ReasonPhrase(response);
        var status = reason.Length == 0 ? $"HTTP {code}" : $"HTTP {code} {reason}";
        var suffix = transient ? " (will retry)" : string.Empty;
        return new FetchException($"{status}{suffix}: {url}", url, code, transient, transient ? retryAfter : null);
    }

    public static FetchException RedirectWithoutLocation(HttpResponseMessage response, Uri url) =>
        new($"HTTP {(int)response.StatusCode} redirect without a Location: {url}", url, (int)response.StatusCode, isTransient: false);

    public static FetchException TooManyRedirects(int max, Uri url) =>
        new($"too many redirects (more than {max}): {url}", url, statusCode: null, isTransient: false);

    public static FetchException RedirectLoop(Uri url) =>
        new($"redirect loop: {url}", url, statusCode: null, isTransient: false);

    public static FetchException UnsupportedScheme(Uri target, Uri url) =>
        new($"unsupported URL scheme '{target.Scheme}' (only http and https): {url}", url, statusCode: null, isTransient: false);

    public static FetchException TooLarge(long maxBytes, Uri url) =>
        new($"response larger than {Quantities.Format(maxBytes)} limit: {url}", url, statusCode: null, isTransient: false);

    public static FetchException UnsupportedContentType(string mediaType, Uri url) =>
        new($"unsupported content type '{mediaType}': {url}", url, statusCode: null, isTransient: false);

    public static FetchException TimedOut(TimeSpan timeout, Uri url, Exception inner) =>
        new($"timed out after {Quantities.FormatSeconds(timeout)}: {url}", url, statusCode: null, isTransient: true, innerException: inner);

    public static FetchException ConnectTimedOut(TimeSpan timeout, Uri url, Exception inner) =>
        new($"connection timed out after {Quantities.FormatSeconds(timeout)}: {url}", url, statusCode: null, isTransient: true, innerException: inner);

    public static FetchException CorruptBody(Uri url, Exception inner) =>
        new($"response body is corrupt (bad compression): {url}", url, statusCode: null, isTransient: false, innerException: inner);

    /// <summary>Classifies a transport failure from sending the request or reading the body.</summary>
    public static FetchException Transport(Exception exception, Uri url)
    {
        var error = exception switch
        {
            HttpRequestException http => http.HttpRequestError,
            HttpIOException io => io.HttpRequestError,
            _ => HttpRequestError.Unknown,
        };
        var socket = FindSocketError(exception);
        var (text, transient) = error switch
        {
            HttpRequestError.NameResolutionError => ($"cannot resolve host '{url.Host}'", false),
            HttpRequestError.ResponseEnded => (ConnectionLost, true),
            _ when socket == SocketError.HostNotFound => ($"cannot resolve host '{url.Host}'", false),
            _ when socket == SocketError.ConnectionRefused => ("connection refused", true),
            _ when socket is SocketError.ConnectionReset or SocketError.ConnectionAborted => (ConnectionLost, true),
            HttpRequestError.ConnectionError => ($"cannot connect ({Describe(socket, exception)})", true),
            HttpRequestError.SecureConnectionError => ("TLS handshake failed", false),
            HttpRequestError.InvalidResponse => ("invalid HTTP response", false),
            HttpRequestError.ConfigurationLimitExceeded => ("response headers exceed the client's limits", false),
            HttpRequestError.ProxyTunnelError => ("proxy tunnel failed", true),
            _ => ($"network error ({Describe(socket, exception)})", true),
        };
        return new FetchException($"{text}: {url}", url, statusCode: null, transient, innerException: exception);
    }

    private static SocketError? FindSocketError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private static string Describe(SocketError? socket, Exception exception) =>
        socket?.ToString() ?? exception.GetBaseException().Message.TrimEnd('.');

    private static string ReasonPhrase(HttpResponseMessage response)
    {
        var code = response.StatusCode;
        var name = Enum.IsDefined(code) ? code.ToString() : null;
        if (name is null || int.TryParse(name, out _))
        {
            return response.ReasonPhrase?.Trim() ?? string.Empty;
        }

        // "InternalServerError" -> "Internal Server Error".
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(name[i]);
        }

        return words.ToString();
    }
}
