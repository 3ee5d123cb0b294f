using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Strata.Web.Endpoints;

/// <summary>Serves the embedded stylesheet, script and icon; URLs carry a version, so they are cached for a year.</summary>
internal static class AssetEndpoints
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type)> Assets = Load();

    public static void MapAssets(this IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(asset.Bytes, asset.Type);
        }).AllowAnonymous().ExcludeFromDescription();

    private static FrozenDictionary<string, (byte[] Bytes, string Type)> Load()
    {
        var assembly = typeof(AssetEndpoints).Assembly;
        const string prefix = "Strata.Web.Assets.";
        var assets = new Dictionary<string, (byte[], string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[prefix.Length..];
            assets[name] = (buffer.ToArray(), Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            });
        }

        return assets.ToFrozenDictionary();
    }
}
