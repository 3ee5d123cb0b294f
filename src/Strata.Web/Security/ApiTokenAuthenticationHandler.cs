using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Hosting;

namespace Strata.Web.Security;

/// <summary>Authenticates <c>Authorization: Bearer strata_…</c> against the API tokens in the knowledge base.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, KnowledgeBase knowledgeBase)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (RequestKinds.BearerToken(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        var token = await knowledgeBase.AuthenticateTokenAsync(secret, Context.RequestAborted).ConfigureAwait(false);
        if (token is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API token");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, token.Name), new Claim(StrataClaims.CredentialClaim, "token:" + token.Name)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
