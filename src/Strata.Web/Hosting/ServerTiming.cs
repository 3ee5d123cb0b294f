using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Strata.Web.Hosting;

/// <summary>
/// A <c>Server-Timing</c> header on every response: <c>app;dur=…</c> is the milliseconds from the request reaching
/// the app to its headers leaving, and <c>wait;dur=…</c> the part of it a search spent waiting for its turn.
/// Browsers' developer tools show it, and the load benchmark uses it to tell time in the server from time in the
/// network and the client.
/// </summary>
internal static class ServerTiming
{
    public const string Header = "Server-Timing";
    public const string Metric = "app";
    public const string WaitMetric = "wait";

    private static readonly object WaitKey = new();

    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers[Header] = context.Items[WaitKey] is TimeSpan waited
                ? string.Create(CultureInfo.InvariantCulture, $"{Metric};dur={milliseconds:F2}, {WaitMetric};dur={waited.TotalMilliseconds:F2}")
                : string.Create(CultureInfo.InvariantCulture, $"{Metric};dur={milliseconds:F2}");
            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    });

    /// <summary>Records how long the request waited for its turn.</summary>
    public static void Waited(HttpContext context, TimeSpan waited) => context.Items[WaitKey] = waited;
}
