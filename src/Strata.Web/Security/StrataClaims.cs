namespace Strata.Web.Security;

/// <summary>Names of the authentication schemes and claims the server uses.</summary>
public static class StrataClaims
{
    public const string CookieScheme = "StrataCookie";
    public const string TokenScheme = "StrataToken";

    /// <summary>Accepts a cookie or a bearer token.</summary>
    public const string EitherScheme = "StrataEither";

    /// <summary>The policy every route but login and assets requires when authentication is on.</summary>
    public const string AuthenticatedPolicy = "StrataAuthenticated";

    /// <summary>Names the API token (or "password") a request authenticated with.</summary>
    public const string CredentialClaim = "strata:credential";
}
