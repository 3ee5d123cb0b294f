using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Strata.Bench;

/// <summary>
/// An in-process Kestrel server on loopback serving pre-generated feeds at <c>/feed/{n}.rss</c>, each with a stable
/// <c>ETag</c> and <c>Last-Modified</c>, answering 304 to a matching <c>If-None-Match</c> (or, without one, to an
/// <c>If-Modified-Since</c> not older than the feed). Listens on 127.0.0.1, or on 127.0.0.1…127.0.0.N (each on its own
/// port) so the feeds can be spread over N host names. Counts 200 and 304 answers per feed. Thread-safe.
/// </summary>
internal sealed class FeedSite : IAsyncDisposable
{
    private const string FeedPathPrefix = "/feed/";
    private const string FeedPathSuffix = ".rss";
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly IReadOnlyList<GeneratedFeed> _feeds;
    private readonly int[] _full;
    private readonly int[] _notModified;
    private IReadOnlyList<Uri> _hosts = [];

    private FeedSite(WebApplication app, IReadOnlyList<GeneratedFeed> feeds)
    {
        _app = app;
        _feeds = feeds;
        _full = new int[feeds.Count];
        _notModified = new int[feeds.Count];
    }

    /// <summary>The served feeds' URLs, feed n on host n mod the host count.</summary>
    public IReadOnlyList<Uri> FeedUrls => [.. Enumerable.Range(0, _feeds.Count).Select(index => new Uri(_hosts[index % _hosts.Count], $"feed/{index}{FeedPathSuffix}"))];

    /// <summary>How many distinct host names the feeds are spread over.</summary>
    public int HostCount => _hosts.Count;

    /// <summary>Total bytes of the feed bodies (one full poll).</summary>
    public long FeedBytes => _feeds.Sum(feed => (long)feed.Body.Length);

    /// <summary>200 answers per feed so far.</summary>
    public IReadOnlyList<int> FullResponses => [.. Enumerable.Range(0, _full.Length).Select(index => Volatile.Read(ref _full[index]))];

    /// <summary>304 answers per feed so far.</summary>
    public IReadOnlyList<int> NotModifiedResponses => [.. Enumerable.Range(0, _notModified.Length).Select(index => Volatile.Read(ref _notModified[index]))];

    /// <summary>Generates <paramref name="count"/> feeds and serves them on <paramref name="hostCount"/> loopback addresses.</summary>
    public static async Task<FeedSite> StartAsync(int count, int hostCount, Vocabulary vocabulary, int seed, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FeedSite).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var host = 1; host <= hostCount; host++)
            {
                kestrel.Listen(IPAddress.Parse($"127.0.0.{host}"), 0);
            }
        });
        var app = builder.Build();

        // Links inside the feeds point at the first address; they are never fetched (the content is full).
        var linkSite = new Uri("http://127.0.0.1/");
        var feeds = Enumerable.Range(0, count).Select(index => FeedGenerator.Generate(index, linkSite, vocabulary, seed)).ToArray();
        var site = new FeedSite(app, feeds);
        app.Run(site.ServeAsync);
        await app.StartAsync(cancellationToken);
        site._hosts = [.. app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(address => new Uri(address.TrimEnd('/') + "/"))
            .OrderBy(address => IPAddress.Parse(address.Host).GetAddressBytes()[3])];
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!path.StartsWith(FeedPathPrefix, StringComparison.Ordinal) || !path.EndsWith(FeedPathSuffix, StringComparison.Ordinal)
            || !int.TryParse(path.AsSpan(FeedPathPrefix.Length, path.Length - FeedPathPrefix.Length - FeedPathSuffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= _feeds.Count)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var feed = _feeds[index];
        var response = context.Response;
        response.Headers.ETag = feed.ETag;
        response.Headers.LastModified = feed.LastModified.ToString("R", CultureInfo.InvariantCulture);
        if (IsNotModified(context.Request, feed))
        {
            Interlocked.Increment(ref _notModified[index]);
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref _full[index]);
        response.ContentType = "application/rss+xml; charset=utf-8";
        response.ContentLength = feed.Body.Length;
        return response.Body.WriteAsync(feed.Body, context.RequestAborted).AsTask();
    }

    private static bool IsNotModified(HttpRequest request, GeneratedFeed feed)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch.Count > 0)
        {
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(EntityTagHeaderValue.Parse(feed.ETag), useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && since >= feed.LastModified;
    }
}
