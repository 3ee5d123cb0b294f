namespace Strata.Hosting.Collection;

/// <summary>Settings for automatic collection (config section <c>Collection</c>).</summary>
public sealed class CollectionOptions
{
    /// <summary>arXiv's API endpoint; tests point it at a local server.</summary>
    public Uri ArxivApiBase { get; set; } = new("https://export.arxiv.org/api/");

    /// <summary>Newest papers asked for per arXiv run.</summary>
    public int ArxivPageSize { get; set; } = 50;

    /// <summary>Largest feed accepted, in bytes.</summary>
    public long MaxFeedBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>How often a daemon rescans watched folders even without file-system events (the safety net).</summary>
    public TimeSpan FolderRescan { get; set; } = TimeSpan.FromMinutes(10);
}
