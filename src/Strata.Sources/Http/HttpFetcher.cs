using System.Net;
using Strata.Core.Extraction;

namespace Strata.Sources.Http;

/// <summary>
/// Fetches one URL over HTTP(S) into memory within the limits of <see cref="HttpFetchOptions"/>: redirects are
/// followed and counted here (relative <c>Location</c> resolved, non-http(s) targets and loops refused), the
/// body is decompressed and capped, and the whole fetch shares one timeout.
/// Thread-safe: create one and share it, so connections are pooled. Cookies are not kept between requests.
/// </summary>
public sealed class HttpFetcher : IDisposable
{
    /// <summary>The <c>Accept</c> header: HTML first, then PDF, Markdown and plain text, then anything.</summary>
    public const string AcceptHeader =
        "text/html,application/xhtml+xml;q=0.95,application/pdf;q=0.9,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.5";

    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly HttpFetchOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly HttpClient _client;

    /// <param name="options">Limits; validated here (throws <see cref="ArgumentException"/> when unusable).</param>
    /// <param name="handler">A handler to send through instead of the default <see cref="SocketsHttpHandler"/>;
    /// it must not follow redirects itself. The caller keeps ownership of it.</param>
    /// <param name="timeProvider">Clock for <see cref="FetchResult.FetchedAt"/>, <c>Retry-After</c> dates and the timeout.</param>
    public HttpFetcher(HttpFetchOptions options, HttpMessageHandler? handler = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _client = handler is null
            ? new HttpClient(CreateHandler(options), disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    /// <summary>
    /// GETs <paramref name="url"/>. Returns only for a 2xx response with an accepted content type.
    /// Throws <see cref="FetchException"/> for every failure of the server, network or limits, and
    /// <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        }

        if (!IsHttp(url))
        {
            throw FetchFailures.UnsupportedScheme(url, url);
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            var hop = await SendTranslatingErrorsAsync(url, current, timeout, linked.Token, ct).ConfigureAwait(false);
            if (hop.Result is not null)
            {
                return hop.Result;
            }

            var next = hop.RedirectTo!;
            if (!IsHttp(next))
            {
                throw FetchFailures.UnsupportedScheme(next, current);
            }

            if (!visited.Add(next.AbsoluteUri))
            {
                throw FetchFailures.RedirectLoop(url);
            }

            if (redirects >= _options.MaxRedirects)
            {
                throw FetchFailures.TooManyRedirects(_options.MaxRedirects, url);
            }

            current = next;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    /// <summary>Sends one request; turns transport failures and the timeout into <see cref="FetchException"/>.</summary>
    private async Task<Hop> SendTranslatingErrorsAsync(
        Uri requested, Uri current, CancellationTokenSource timeout, CancellationToken linked, CancellationToken ct)
    {
        try
        {
            return await SendAsync(requested, current, linked).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw timeout.IsCancellationRequested
                ? FetchFailures.TimedOut(_options.Timeout, current, ex)
                : FetchFailures.ConnectTimedOut(_options.ConnectTimeout, current, ex);
        }
        catch (HttpRequestException ex)
        {
            throw FetchFailures.Transport(ex, current);
        }
        catch (InvalidDataException ex)
        {
            throw FetchFailures.CorruptBody(current, ex);
        }
        catch (IOException ex)
        {
            throw FetchFailures.Transport(ex, current);
        }
    }

    private async Task<Hop> SendAsync(Uri requested, Uri current, CancellationToken ct)
    {
        using var request = CreateRequest(current);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!IsRedirect(response.StatusCode))
        {
            return new Hop(await ReadResultAsync(requested, current, response, ct).ConfigureAwait(false), RedirectTo: null);
        }

        var location = response.Headers.Location ?? throw FetchFailures.RedirectWithoutLocation(response, current);
        return new Hop(Result: null, location.IsAbsoluteUri ? location : new Uri(current, location));
    }

    private async Task<FetchResult> ReadResultAsync(Uri requested, Uri current, HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw FetchFailures.Status(response, current, RetryAfter(response));
        }

        var contentType = response.Content.Headers.ContentType;
        var mediaType = contentType?.MediaType?.ToLowerInvariant() ?? MediaTypes.OctetStream;
        if (!ContentTypePolicy.IsAccepted(mediaType))
        {
            throw FetchFailures.UnsupportedContentType(mediaType, current);
        }

        var content = await CappedBodyReader.ReadAsync(response.Content, _options.MaxBytes, ct).ConfigureAwait(false)
            ?? throw FetchFailures.TooLarge(_options.MaxBytes, current);
        return new FetchResult
        {
            RequestedUrl = requested,
            FinalUrl = current,
            StatusCode = (int)response.StatusCode,
            MediaType = mediaType,
            Charset = contentType?.CharSet?.Trim('"', '\'', ' ').ToLowerInvariant() is { Length: > 0 } charset ? charset : null,
            Content = content,
            ETag = RawHeader(response, "ETag"),
            LastModified = response.Content.Headers.LastModified,
            Headers = ResponseHeaders.Select(response),
            FetchedAt = _timeProvider.GetUtcNow(),
        };
    }

    private HttpRequestMessage CreateRequest(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", AcceptHeader);
        return request;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>A header exactly as sent, so values the typed parser rejects (an unquoted ETag) survive.</summary>
    private static string? RawHeader(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static bool IsHttp(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;

    private static bool IsRedirect(HttpStatusCode status) => status is
        HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static SocketsHttpHandler CreateHandler(HttpFetchOptions options) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionLifetime = PooledConnectionLifetime,
        UseCookies = false,
    };

    /// <summary>One request's outcome: the final result, or where it redirects.</summary>
    private readonly record struct Hop(FetchResult? Result, Uri? RedirectTo);
}
