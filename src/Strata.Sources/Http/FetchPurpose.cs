namespace Strata.Sources.Http;

/// <summary>Why a URL is fetched, which decides whether robots.txt is consulted.</summary>
public enum FetchPurpose
{
    /// <summary>The user asked for this URL (typed or pasted it): like a browser, robots.txt is not consulted.</summary>
    UserRequested,

    /// <summary>Strata fetches on its own (scheduled polling, following links): robots.txt is honoured.</summary>
    Automatic,
}
