using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Strata.Hosting;
using Strata.Web.Security;

namespace Strata.Web.Api;

/// <summary>
/// Runs around every API call: a state-changing call made with the browser's session cookie must carry the
/// antiforgery token (header <c>RequestVerificationToken</c>); bad input thrown by the knowledge base becomes a 400 problem, a keyword index awaiting its rebuild a 503.
/// </summary>
internal sealed class ApiRequestFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (RequestKinds.IsUnsafe(http.Request.Method) && IsCookieSession(http))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                return ApiProblems.Forbidden("a signed-in browser must send the page's antiforgery token in the 'RequestVerificationToken' header (API clients use a bearer token instead)");
            }
        }

        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or AmbiguousIdException or SourceException)
        {
            return ApiProblems.BadRequest(exception.Message);
        }
        catch (Strata.Core.Storage.KeywordIndexUnavailableException exception)
        {
            return ApiProblems.Unavailable(exception.Message); // until the keyword index is rebuilt
        }
    }

    private static bool IsCookieSession(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, AuthenticationType: StrataClaims.CookieScheme }
        && !RequestKinds.HasBearerToken(http.Request);
}
