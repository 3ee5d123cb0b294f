using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Strata.Web.Security;

/// <summary>
/// Refuses requests another site could make in the user's name: on a loopback server, a Host header that is not
/// loopback (DNS rebinding); and any state-changing request sent cross-site by a browser, unless it carries an API token.
/// </summary>
public static class RequestGuard
{
    public static IApplicationBuilder UseStrataRequestGuard(this IApplicationBuilder app, bool loopbackOnly) => app.Use(async (context, next) =>
    {
        if (loopbackOnly && !IsLoopbackHost(context.Request.Host.Host))
        {
            await Refuse(context, "this server only answers requests addressed to localhost").ConfigureAwait(false);
            return;
        }

        if (RequestKinds.IsUnsafe(context.Request.Method) && !RequestKinds.HasBearerToken(context.Request) && IsCrossSite(context.Request))
        {
            await Refuse(context, "cross-site requests may not change anything").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    });

    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsCrossSite(HttpRequest request)
    {
        // Browsers that send Fetch Metadata say exactly where a request comes from; trust that over Origin, which
        // privacy settings may turn into "null" for same-origin form posts.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        var origin = request.Headers.Origin.ToString();
        // A sandboxed or privacy-sensitive context sends "null": never trusted to change anything.
        return origin.Length > 0 && (origin == "null" || !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static Task Refuse(HttpContext context, string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(context);
}
