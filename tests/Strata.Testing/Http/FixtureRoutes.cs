using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Strata.Testing.Http;

/// <summary>
/// What a <see cref="FixtureServer"/> serves besides its built-in routes. Registrations may be added
/// before or after the server starts; thread-safe. Methods return this instance for chaining.
/// </summary>
public sealed class FixtureRoutes
{
    /// <summary>The <c>Content-Type</c> of a page registered without one.</summary>
    public const string DefaultPageContentType = "text/html; charset=utf-8";

    private readonly ConcurrentDictionary<string, FixtureContent> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FixtureContent> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestDelegate> _handlers = new(StringComparer.Ordinal);

    /// <summary>Serves <paramref name="html"/> (UTF-8) at <c>/page/{name}</c> and gzip-encoded at <c>/gzip/{name}</c>.</summary>
    public FixtureRoutes Page(string name, string html, string? contentType = null) =>
        Page(name, Encoding.UTF8.GetBytes(html), contentType ?? DefaultPageContentType);

    /// <summary>Serves already-encoded <paramref name="body"/> at <c>/page/{name}</c> and <c>/gzip/{name}</c>.</summary>
    public FixtureRoutes Page(string name, byte[] body, string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _pages[name] = new FixtureContent(body, contentType);
        return this;
    }

    /// <summary>Serves <paramref name="body"/> at the exact <paramref name="path"/> (e.g. <c>/files/a.pdf</c>).</summary>
    public FixtureRoutes Bytes(string path, byte[] body, string contentType)
    {
        _files[Normalize(path)] = new FixtureContent(body, contentType);
        return this;
    }

    /// <summary>Answers requests to the exact <paramref name="path"/> with <paramref name="handler"/>.</summary>
    public FixtureRoutes Map(string path, RequestDelegate handler)
    {
        _handlers[Normalize(path)] = handler;
        return this;
    }

    internal FixtureContent? FindPage(string name) => _pages.GetValueOrDefault(name);

    /// <summary>Serves a <see cref="Bytes"/> or <see cref="Map"/> registration, or 404.</summary>
    internal Task ServeRegisteredAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (_handlers.TryGetValue(path, out var handler))
        {
            return handler(context);
        }

        if (_files.TryGetValue(path, out var file))
        {
            return file.WriteAsync(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static string Normalize(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path.StartsWith('/') ? path : "/" + path;
    }
}
