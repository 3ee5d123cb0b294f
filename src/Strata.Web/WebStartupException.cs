namespace Strata.Web;

/// <summary>The server refuses to start (e.g. listening beyond loopback without authentication); the message says why and what to do.</summary>
public sealed class WebStartupException(string message) : Exception(message);
