using Microsoft.AspNetCore.Http;

namespace Strata.Web.Security;

/// <summary>What kind of request this is, as the security pieces (scheme choice, guards, filters) all need to ask.</summary>
public static class RequestKinds
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The bearer token the request carries, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }

    public static bool HasBearerToken(HttpRequest request) => BearerToken(request) is not null;

    /// <summary>Whether the method may change something (anything but GET, HEAD and OPTIONS).</summary>
    public static bool IsUnsafe(string method) => !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);
}
