namespace Strata.Core.Sources;

/// <summary>What one run of one source did; <see cref="Error"/> is set when the run as a whole failed.</summary>
public sealed record SourceRunResult(int New, int Updated, int Unchanged, int Failed, TimeSpan Duration, string? Error = null)
{
    public bool Succeeded => Error is null;
}
