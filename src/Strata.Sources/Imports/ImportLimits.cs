namespace Strata.Sources.Imports;

/// <summary>The numbers the import parsers share, kept in one place.</summary>
internal static class ImportLimits
{
    /// <summary>How many bytes of a file <see cref="ImportReader.Detect"/> needs to see to decide.</summary>
    public const int DetectionHeadBytes = 8192;

    /// <summary>Longest slice of a bad value quoted in a warning.</summary>
    public const int WarningValueChars = 120;

    /// <summary>Unix times above this are taken as milliseconds (year 5138 in seconds).</summary>
    public const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>Unix times above this are taken as microseconds (Firefox's internal unit).</summary>
    public const long MicrosecondsThreshold = 100_000_000_000_000;

    /// <summary>Initial read buffer for the streaming JSON array reader.</summary>
    public const int JsonBufferBytes = 64 * 1024;
}
