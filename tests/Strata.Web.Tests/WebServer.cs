using System.Net;
using Microsoft.AspNetCore.Builder;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Testing.Files;

namespace Strata.Web.Tests;

/// <summary>A real <c>strata serve</c> (Kestrel on 127.0.0.1 and a free port) over a temporary knowledge base.</summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly WebApplication _app;

    private WebServer(TempDirectory directory, KnowledgeBase knowledgeBase, WebApplication app)
    {
        _directory = directory;
        KnowledgeBase = knowledgeBase;
        _app = app;
        BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    public KnowledgeBase KnowledgeBase { get; }

    public Uri BaseUrl { get; }

    /// <summary>The server's services (e.g. its hosted background services).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="prepare"/> may seed the base or set credentials before the server is built.</summary>
    public static async Task<WebServer> StartAsync(Func<KnowledgeBase, Task>? prepare = null, Action<StrataOptions>? configure = null)
    {
        var directory = new TempDirectory("strata-web");
        var data = new DataDirectory(directory.Path);
        var options = StrataConfiguration.Load(data);
        configure?.Invoke(options);
        var kb = await KnowledgeBase.OpenAsync(data, options);
        if (prepare is not null)
        {
            await prepare(kb);
        }

        var app = await StrataWebServer.BuildAsync(kb, "http://127.0.0.1:0");
        await app.StartAsync();
        return new WebServer(directory, kb, app);
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public HttpClient CreateClient(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = BaseUrl };

    /// <summary>Adds a note and returns its id.</summary>
    public async Task<string> AddNoteAsync(string text, string title, params string[] tags)
    {
        var report = await KnowledgeBase.AddNoteAsync(text, new AddOptions { Title = title, Tags = tags }, null, CancellationToken.None);
        return report.Entries.Single().ItemId ?? throw new InvalidOperationException(report.Entries.Single().Message);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await KnowledgeBase.DisposeAsync();
        _directory.Dispose();
    }
}
