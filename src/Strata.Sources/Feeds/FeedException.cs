namespace Strata.Sources.Feeds;

/// <summary>
/// A body that could not be read as a feed: too large, malformed, or not a feed at all.
/// <see cref="Exception.Message"/> is one line fit to show a user. Never transient: the same bytes fail again.
/// </summary>
public sealed class FeedException : Exception
{
    public FeedException()
        : base("feed could not be read")
    {
    }

    public FeedException(string message)
        : base(message)
    {
    }

    public FeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
