using Strata.Sources.Http;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

/// <summary>Starts a fresh <see cref="FixtureServer"/> per test and builds fetchers with short limits.</summary>
public abstract class FetcherTestBase : IAsyncLifetime
{
    protected static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);

    private readonly List<HttpFetcher> _fetchers = [];
    private FixtureServer? _server;

    protected FixtureServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await FixtureServer.StartAsync(Configure);

    public async Task DisposeAsync()
    {
        foreach (var fetcher in _fetchers)
        {
            fetcher.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected virtual void Configure(FixtureRoutes routes)
    {
    }

    protected HttpFetcher CreateFetcher(Action<HttpFetchOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new HttpFetchOptions { Timeout = TimeSpan.FromSeconds(5), ConnectTimeout = TimeSpan.FromSeconds(2) };
        configure?.Invoke(options);
        var fetcher = new HttpFetcher(options, timeProvider: timeProvider);
        _fetchers.Add(fetcher);
        return fetcher;
    }

    protected Task<FetchResult> FetchAsync(string path, Action<HttpFetchOptions>? configure = null) =>
        CreateFetcher(configure).FetchAsync(Server.Url(path), CancellationToken.None);

    protected async Task<FetchException> FetchFailsAsync(string path, Action<HttpFetchOptions>? configure = null) =>
        await Assert.ThrowsAsync<FetchException>(() => FetchAsync(path, configure));

    protected async Task<FetchException> FetchFailsAsync(Uri url, Action<HttpFetchOptions>? configure = null) =>
        await Assert.ThrowsAsync<FetchException>(() => CreateFetcher(configure).FetchAsync(url, CancellationToken.None));
}
