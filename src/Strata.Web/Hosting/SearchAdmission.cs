using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Strata.Hosting.Configuration;

namespace Strata.Web.Hosting;

/// <summary>
/// Admission for searches: at most a few per processor run at once, the rest wait in arrival order, and beyond the
/// queue the answer is "busy, retry". It bounds the work and memory in flight under overload. It is deliberately not
/// tighter: a search also waits for the disk, and with one turn per processor the processors idled while turns
/// waited on reads (the 50-client benchmark lost 20-60 % of its throughput).
/// </summary>
internal sealed class SearchAdmission(WebOptions options) : IDisposable
{
    /// <summary>Seconds a client told "busy" (503) should wait before asking again.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>The turns: one per permit, waiters served oldest first.</summary>
    public ConcurrencyLimiter Turns { get; } = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Permits(options),
        QueueLimit = options.SearchQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Turns per processor unless configured.</summary>
    public const int PermitsPerProcessor = 4;

    /// <summary>Searches worked at once: the configured number, or <see cref="PermitsPerProcessor"/> per processor.</summary>
    public static int Permits(WebOptions options) =>
        options.SearchConcurrency > 0 ? options.SearchConcurrency : PermitsPerProcessor * Environment.ProcessorCount;

    public void Dispose() => Turns.Dispose();
}

/// <summary>Marks an endpoint whose requests take a search turn.</summary>
internal sealed class SearchTurnMetadata
{
    public static readonly SearchTurnMetadata Instance = new();
}

internal static class SearchAdmissionExtensions
{
    /// <summary>Makes an endpoint take its turn with the other searches.</summary>
    public static TBuilder TakesSearchTurn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SearchTurnMetadata.Instance);

    /// <summary>After authentication (strangers are refused before they queue), before the endpoints run.</summary>
    public static IApplicationBuilder UseSearchAdmission(this IApplicationBuilder app, SearchAdmission admission) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<SearchTurnMetadata>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var asked = Stopwatch.GetTimestamp();
        using var turn = await admission.Turns.AcquireAsync(1, context.RequestAborted).ConfigureAwait(false);
        if (!turn.IsAcquired)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = SearchAdmission.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsync("the server is busy with other searches: ask again in a moment", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        ServerTiming.Waited(context, Stopwatch.GetElapsedTime(asked));
        await next(context).ConfigureAwait(false);
    });
}
