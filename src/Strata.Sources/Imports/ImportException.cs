namespace Strata.Sources.Imports;

/// <summary>
/// The file as a whole cannot be read as the declared or detected format (wrong format, corrupt JSON or zip).
/// One bad entry never raises this; it becomes a warning instead. The message is one line fit to show a user.
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException()
        : base("the file could not be imported")
    {
    }

    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
