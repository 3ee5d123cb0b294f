namespace Strata.Sources.Arxiv;

/// <summary>
/// An arXiv API response that cannot be used: not well-formed XML, not an Atom feed, an entry without a
/// readable id or date, or an error entry reported by the API itself. <see cref="Exception.Message"/> is one line
/// fit to show a user; API errors read <c>arXiv API error: &lt;summary&gt;</c>.
/// </summary>
public sealed class ArxivException : Exception
{
    public ArxivException()
        : base("arXiv response cannot be read")
    {
    }

    public ArxivException(string message)
        : base(message)
    {
    }

    public ArxivException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
