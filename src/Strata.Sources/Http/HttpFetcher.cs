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

    /// <summary>The <c>User-Agent</c> this fetcher sends.</summary>
    public string UserAgent => _options.UserAgent;

    /// <summary>GETs <paramref name="url"/> unconditionally; see <see cref="FetchAsync(Uri, FetchConditions?, CancellationToken)"/>.</summary>
    public Task<FetchResult> FetchAsync(Uri url, CancellationToken ct) => FetchAsync(url, conditions: null, ct);

    /// <summary>
    /// GETs <paramref name="url"/>, sending <paramref name="conditions"/> as <c>If-None-Match</c>/<c>If-Modified-Since</c>.
    /// Returns for a 2xx response with an accepted content type, and for a 304 to a conditional request
    /// (<see cref="FetchResult.NotModified"/>). Throws <see cref="FetchException"/> for every failure of the server,
    /// network or limits, and <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// </summary>
    public Task<FetchResult> FetchAsync(Uri url, FetchConditions? conditions, CancellationToken ct) =>
        FetchAsync(url, new RequestSpec(conditions is { IsEmpty: false } ? conditions : null, TruncateAt: null), ct);

    /// <summary>
    /// GETs <paramref name="url"/> keeping only the first <paramref name="maxBytes"/> of the body instead of failing
    /// when it is longer (robots.txt: parse at most a prefix).
    /// </summary>
    internal Task<FetchResult> FetchPrefixAsync(Uri url, long maxBytes, CancellationToken ct) =>
        FetchAsync(url, new RequestSpec(Conditions: null, Math.Min(maxBytes, _options.MaxBytes)), ct);

    private async Task<FetchResult> FetchAsync(Uri url, RequestSpec spec, CancellationToken ct)
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
            var hop = await SendTranslatingErrorsAsync(url, current, spec, timeout, linked.Token, ct).ConfigureAwait(false);
            if (hop.Fetched is not null)
            {
                return hop.Fetched;
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
        Uri requested, Uri current, RequestSpec spec, CancellationTokenSource timeout, CancellationToken linked, CancellationToken ct)
    {
        try
        {
            return await SendAsync(requested, current, spec, linked).ConfigureAwait(false);
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

    private async Task<Hop> SendAsync(Uri requested, Uri current, RequestSpec spec, CancellationToken ct)
    {
        using var request = CreateRequest(current, spec.Conditions);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified && spec.Conditions is not null)
        {
            return new Hop(NotModified(requested, current, response, spec.Conditions), RedirectTo: null);
        }

        if (!IsRedirect(response.StatusCode))
        {
            return new Hop(await ReadResultAsync(requested, current, response, spec.TruncateAt, ct).ConfigureAwait(false), RedirectTo: null);
        }

        var location = response.Headers.Location ?? throw FetchFailures.RedirectWithoutLocation(response, current);
        return new Hop(Fetched: null, location.IsAbsoluteUri ? location : new Uri(current, location));
    }

    private async Task<FetchResult> ReadResultAsync(
        Uri requested, Uri current, HttpResponseMessage response, long? truncateAt, CancellationToken ct)
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

        var content = truncateAt is { } prefix
            ? await CappedBodyReader.ReadPrefixAsync(response.Content, prefix, ct).ConfigureAwait(false)
            : await CappedBodyReader.ReadAsync(response.Content, _options.MaxBytes, ct).ConfigureAwait(false)
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

    /// <summary>A 304 to a conditional request: no body, the validators it carried or else the ones sent.</summary>
    private FetchResult NotModified(Uri requested, Uri current, HttpResponseMessage response, FetchConditions sent) => new()
    {
        RequestedUrl = requested,
        FinalUrl = current,
        StatusCode = (int)HttpStatusCode.NotModified,
        NotModified = true,
        MediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? MediaTypes.OctetStream,
        Content = [],
        ETag = RawHeader(response, "ETag") ?? sent.ETag,
        LastModified = response.Content.Headers.LastModified ?? sent.LastModified,
        Headers = ResponseHeaders.Select(response),
        FetchedAt = _timeProvider.GetUtcNow(),
    };

    private HttpRequestMessage CreateRequest(Uri url, FetchConditions? conditions)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", AcceptHeader);
        if (!string.IsNullOrEmpty(conditions?.ETag))
        {
            // Raw, so an unquoted ETag some servers send goes back exactly as it came.
            request.Headers.TryAddWithoutValidation("If-None-Match", conditions.ETag);
        }

        if (conditions?.LastModified is { } since)
        {
            request.Headers.IfModifiedSince = since;
        }

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

    /// <summary>What to send and how to read the body, the same for every hop.</summary>
    private readonly record struct RequestSpec(FetchConditions? Conditions, long? TruncateAt);

    /// <summary>One request's outcome: the final result, or where it redirects.</summary>
    private readonly record struct Hop(FetchResult? Fetched, Uri? RedirectTo);
}
