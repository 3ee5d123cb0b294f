namespace Strata.Sources.Imports.Opml;

/// <summary>An OPML file that could not be read: too large, malformed, or not OPML. The message is one line.</summary>
public sealed class OpmlException : Exception
{
    public OpmlException()
        : base("OPML file could not be read")
    {
    }

    public OpmlException(string message)
        : base(message)
    {
    }

    public OpmlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
