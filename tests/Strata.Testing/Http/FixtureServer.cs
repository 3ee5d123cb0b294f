using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Strata.Testing.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, for tests that need HTTP without mocks.
/// Built-in routes: <c>/page/{name}</c> and <c>/gzip/{name}</c> (pages registered with <see cref="FixtureRoutes.Page(string, string, string?)"/>),
/// <c>/redirect/{n}</c> (n relative 302 hops, then a 200 page), <c>/redirect-loop</c>, <c>/status/{code}</c>
/// (429 carries <c>Retry-After: 2</c>), <c>/slow</c> (stalls before the headers), <c>/slow-body</c> (stalls mid-body),
/// <c>/drop</c> (aborts the connection mid-body), <c>/huge</c> (endless body without <c>Content-Length</c>),
/// <c>/image</c> (image/png), and the <see cref="CjkPages"/>. Every request is recorded in <see cref="Requests"/>.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly Uri _baseUrl;
    private readonly List<RecordedRequest> _requests;

    private FixtureServer(WebApplication app, Uri baseUrl, FixtureRoutes routes, List<RecordedRequest> requests)
    {
        _app = app;
        _baseUrl = baseUrl;
        _requests = requests;
        Routes = routes;
    }

    /// <summary>The registrations; more may be added while the server runs.</summary>
    public FixtureRoutes Routes { get; }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl => _baseUrl;

    /// <summary>A snapshot of every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server on 127.0.0.1 and a free port; <paramref name="configure"/> registers content.</summary>
    public static async Task<FixtureServer> StartAsync(Action<FixtureRoutes>? configure = null)
    {
        var routes = new FixtureRoutes();
        configure?.Invoke(routes);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FixtureServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);

        var app = builder.Build();
        var requests = new List<RecordedRequest>();
        app.Use((context, next) =>
        {
            Record(requests, context.Request);
            return next(context);
        });
        BuiltInRoutes.Map(app, routes);
        app.MapFallback("{*path}", routes.ServeRegisteredAsync);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FixtureServer(app, new Uri(address.TrimEnd('/') + "/"), routes, requests);
    }

    /// <summary>The absolute URL of <paramref name="path"/> (with or without a leading slash, query allowed).</summary>
    public Uri Url(string path) => new(_baseUrl, path.TrimStart('/'));

    /// <summary>Stops the server, aborting requests still running after a short grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(ShutdownTimeout);
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private static void Record(List<RecordedRequest> requests, HttpRequest request)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            headers,
            TimeProvider.System.GetUtcNow());
        lock (requests)
        {
            requests.Add(recorded);
        }
    }
}
