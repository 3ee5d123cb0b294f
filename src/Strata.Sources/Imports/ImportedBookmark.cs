namespace Strata.Sources.Imports;

/// <summary>
/// One bookmark read from an export file, before it is stored. <see cref="Url"/> is always an absolute http(s) URL
/// exactly as the export spelled it (not canonicalised). <see cref="Tags"/> are trimmed, lower-cased and distinct;
/// folder paths appear as one tag joined with <c>/</c>. <see cref="SavedAt"/> is in UTC. A null flag means the
/// format does not say.
/// </summary>
public sealed record ImportedBookmark(
    Uri Url,
    string? Title,
    IReadOnlyList<string> Tags,
    DateTimeOffset? SavedAt,
    string? Note,
    string? Excerpt,
    bool? Archived,
    bool? Favourite);
