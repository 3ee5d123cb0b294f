namespace Strata.Testing.Http;

/// <summary>One request as the <see cref="FixtureServer"/> received it.</summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Path">The path without the query, e.g. <c>/page/a</c>.</param>
/// <param name="Query">The query string including <c>?</c>, or empty.</param>
/// <param name="Headers">The request headers, keyed case-insensitively, repeated values joined by commas.</param>
/// <param name="ReceivedAt">When the server saw the request.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt);
