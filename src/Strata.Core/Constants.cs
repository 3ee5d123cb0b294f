namespace Strata.Core;

/// <summary>Constants shared across Strata, kept in one place.</summary>
public static class Constants
{
    /// <summary>Average adult silent reading speed, for reading-time estimates.</summary>
    public const double WordsPerMinute = 230;

    /// <summary>Default largest original accepted (files and fetches): 100 MB.</summary>
    public const long DefaultMaxOriginalBytes = 100L * 1024 * 1024;

    /// <summary>Title weight relative to body in BM25 ranking.</summary>
    public const double TitleWeight = 8.0;

    /// <summary>Tag weight relative to body in BM25 ranking.</summary>
    public const double TagWeight = 4.0;
}
