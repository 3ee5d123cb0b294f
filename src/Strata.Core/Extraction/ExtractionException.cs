namespace Strata.Core.Extraction;

/// <summary>The original cannot be extracted; the message says why in words a user understands.</summary>
public sealed class ExtractionException : Exception
{
    public ExtractionException(string message)
        : base(message)
    {
    }

    public ExtractionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExtractionException()
    {
    }
}
