using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Strata.Testing.Http;

/// <summary>The routes every <see cref="FixtureServer"/> has; see <see cref="FixtureServer"/> for the list.</summary>
internal static class BuiltInRoutes
{
    /// <summary>How long <c>/slow</c> and <c>/slow-body</c> stall: far beyond any test's timeout.</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(20);

    /// <summary>How much <c>/huge</c> would send if nobody hung up: more than any limit.</summary>
    public const long HugeBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>The 1×1 transparent PNG served at <c>/image</c>.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private const int ChunkSize = 64 * 1024;
    private const int DropAfterBytes = 4096;
    private const int DropDeclaredLength = 1024 * 1024;

    public static void Map(WebApplication app, FixtureRoutes routes)
    {
        app.MapGet("/page/{name}", context => ServePageAsync(context, routes, gzip: false));
        app.MapGet("/gzip/{name}", context => ServePageAsync(context, routes, gzip: true));
        app.MapGet("/redirect/{n:int}", RedirectAsync);
        app.MapGet("/redirect-loop", context => Redirect(context, "/redirect-loop"));
        app.MapGet("/status/{code:int}", StatusAsync);
        app.MapGet("/slow", SlowAsync);
        app.MapGet("/slow-body", SlowBodyAsync);
        app.MapGet("/drop", DropAsync);
        app.MapGet("/huge", HugeAsync);
        app.MapGet("/image", new FixtureContent(Png, "image/png").WriteAsync);
        CjkPages.Map(app);
    }

    private static async Task ServePageAsync(HttpContext context, FixtureRoutes routes, bool gzip)
    {
        var page = routes.FindPage((string)context.Request.RouteValues["name"]!);
        if (page is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!gzip)
        {
            await page.WriteAsync(context);
            return;
        }

        using var compressed = new MemoryStream();
        await using (var zip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await zip.WriteAsync(page.Body, context.RequestAborted);
        }

        context.Response.Headers.ContentEncoding = "gzip";
        await new FixtureContent(compressed.ToArray(), page.ContentType).WriteAsync(context);
    }

    private static Task RedirectAsync(HttpContext context)
    {
        var n = int.Parse((string)context.Request.RouteValues["n"]!, CultureInfo.InvariantCulture);
        if (n > 0)
        {
            return Redirect(context, $"/redirect/{n - 1}");
        }

        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Arrived</title></head><body><p>arrived</p></body></html>");
        return new FixtureContent(html, FixtureRoutes.DefaultPageContentType).WriteAsync(context);
    }

    /// <summary>A 302 with a relative <c>Location</c>, so clients must resolve it.</summary>
    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static Task StatusAsync(HttpContext context)
    {
        var code = int.Parse((string)context.Request.RouteValues["code"]!, CultureInfo.InvariantCulture);
        context.Response.StatusCode = code;
        if (code == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = "2";
        }

        var body = Encoding.UTF8.GetBytes($"status {code}");
        return new FixtureContent(body, "text/plain; charset=utf-8").WriteAsync(context);
    }

    private static async Task SlowAsync(HttpContext context)
    {
        if (await StallAsync(context))
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("too late", context.RequestAborted);
        }
    }

    private static async Task SlowBodyAsync(HttpContext context)
    {
        context.Response.ContentType = FixtureRoutes.DefaultPageContentType;
        await context.Response.WriteAsync("<!DOCTYPE html><html><body><p>first part", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (await StallAsync(context))
        {
            await context.Response.WriteAsync("</p></body></html>", context.RequestAborted);
        }
    }

    /// <summary>Waits <see cref="SlowDelay"/>; false when the client hung up first.</summary>
    private static async Task<bool> StallAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(SlowDelay, context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task DropAsync(HttpContext context)
    {
        context.Response.ContentType = FixtureRoutes.DefaultPageContentType;
        context.Response.ContentLength = DropDeclaredLength;
        await context.Response.Body.WriteAsync(new byte[DropAfterBytes], context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    private static async Task HugeAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain";
        var chunk = new byte[ChunkSize];
        chunk.AsSpan().Fill((byte)'x');
        try
        {
            for (long sent = 0; sent < HugeBytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client hung up at its limit, which is the point of this route.
        }
    }
}
