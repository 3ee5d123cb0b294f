namespace Strata.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}

/// <summary>The command line was wrong in a way the parser cannot see (e.g. a malformed tag edit).</summary>
public sealed class UsageException(string message) : Exception(message);
