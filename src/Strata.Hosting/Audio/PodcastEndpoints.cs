using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Strata.Hosting.Audio;

/// <summary>
/// The private podcast over HTTP: <c>GET /podcast.xml</c> (the feed, enclosure URLs carrying the token) and
/// <c>GET|HEAD /podcast/{file}.mp3</c> (with range requests, which podcast apps use to seek and resume) and
/// <c>/podcast/cover.png</c> (the built-in cover, unless <c>Podcast.ImageUrl</c> names another).
/// With <c>Podcast.Token</c> set, every request must carry <c>?token=</c>; without one, only loopback clients
/// (not forwarded by a proxy) are served.
/// </summary>
public static class PodcastEndpoints
{
    public static IEndpointConventionBuilder MapStrataPodcast(this IEndpointRouteBuilder routes, KnowledgeBase kb)
    {
        var group = routes.MapGroup(string.Empty);
        group.MapGet(PodcastFeed.FeedPath, (HttpContext context, CancellationToken cancellationToken) => FeedAsync(kb, context, cancellationToken));
        group.MapMethods(PodcastFeed.EpisodesPath + "/{file}", [HttpMethods.Get, HttpMethods.Head], (string file, HttpContext context, CancellationToken cancellationToken) => EpisodeAsync(kb, file, context, cancellationToken));
        return group;
    }

    private static async Task<IResult> FeedAsync(KnowledgeBase kb, HttpContext context, CancellationToken cancellationToken)
    {
        if (Refuse(kb, context) is { } refusal)
        {
            return refusal;
        }

        var request = context.Request;
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var token = kb.Options.Podcast.Token;
        var query = string.IsNullOrEmpty(token) ? string.Empty : $"?{PodcastFeed.TokenParameter}={Uri.EscapeDataString(token)}";
        var episodes = await kb.ListAudioEpisodesAsync(kb.Options.Podcast.Episodes, cancellationToken).ConfigureAwait(false);
        var feed = Core.Audio.PodcastFeedWriter.Write(kb.GetPodcastChannel($"{root}{PodcastFeed.EpisodesPath}/{Core.Audio.PodcastCover.FileName}{query}"), episodes, root + PodcastFeed.FeedPath + query, episode => $"{root}{PodcastFeed.EpisodesPath}/{Uri.EscapeDataString(episode.FileName)}{query}");
        return Results.Text(feed, PodcastFeed.MediaType, Encoding.UTF8);
    }

    private static async Task<IResult> EpisodeAsync(KnowledgeBase kb, string file, HttpContext context, CancellationToken cancellationToken)
    {
        if (Refuse(kb, context) is { } refusal)
        {
            return refusal;
        }

        if (file == Core.Audio.PodcastCover.FileName)
        {
            return Results.Bytes(Core.Audio.PodcastCover.Png, Core.Audio.PodcastCover.MediaType);
        }

        var episode = await kb.AudioEpisodes.FindByFileAsync(file, cancellationToken).ConfigureAwait(false);
        if (episode is null)
        {
            return Results.NotFound();
        }

        var path = kb.AudioEpisodes.PathOf(episode);
        return Results.File(path, Core.Audio.AudioEpisode.MediaType, lastModified: episode.CreatedAt, enableRangeProcessing: true);
    }

    /// <summary>Null when the request may be served; otherwise the answer that refuses it.</summary>
    private static IResult? Refuse(KnowledgeBase kb, HttpContext context)
    {
        var expected = kb.Options.Podcast.Token;
        if (!string.IsNullOrEmpty(expected))
        {
            var given = context.Request.Query[PodcastFeed.TokenParameter].ToString();
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected))
                ? null
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "the podcast needs its token", detail: "add ?token= with the value of Podcast.Token");
        }

        var forwarded = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded");
        return context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) && !forwarded
            ? null
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "the podcast is private", detail: "set Podcast.Token to serve it beyond this machine");
    }
}
