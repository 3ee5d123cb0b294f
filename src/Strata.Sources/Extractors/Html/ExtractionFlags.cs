namespace Strata.Sources.Extractors.Html;

/// <summary>Readability's sieve: each retry on a page with too little text drops one of these.</summary>
[Flags]
internal enum ExtractionFlags
{
    None = 0,
    StripUnlikely = 1,
    WeightClasses = 2,
    CleanConditionally = 4,
    All = StripUnlikely | WeightClasses | CleanConditionally,
}
