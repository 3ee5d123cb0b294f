namespace Strata.Sources.Feeds;

/// <summary>The syndication format a feed was written in.</summary>
public enum FeedFormat
{
    /// <summary>RSS 0.90: RDF-based, Netscape namespace.</summary>
    Rss090,

    /// <summary>RSS 0.91 (Netscape or UserLand).</summary>
    Rss091,

    /// <summary>RSS 0.92, 0.93 and 0.94.</summary>
    Rss092,

    /// <summary>RSS 1.0 (RDF Site Summary).</summary>
    Rss10,

    /// <summary>RSS 2.0, and RSS without a version attribute.</summary>
    Rss20,

    /// <summary>Atom 1.0 (RFC 4287).</summary>
    Atom10,

    /// <summary>JSON Feed 1.0 and 1.1.</summary>
    JsonFeed1,
}
