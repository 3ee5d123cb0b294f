namespace Strata.Sources.Tests.Extractors.Html;

/// <summary>The scores of one suite page; <c>RawF1</c> counts the Markdown as it is, link and image URLs included.</summary>
internal sealed record PageScore(string Name, double Recall, double Precision, bool TitleMatch, bool? BylineMatch, double RawF1)
{
    public double F1 => TextOverlap.F1(Recall, Precision);
}

/// <summary>Averages over a set of pages.</summary>
internal sealed record SuiteFigures(string Part, int Pages, double Recall, double Precision, double F1, int TitleMatches, int BylineMatches, int BylinePages, double RawF1)
{
    public static SuiteFigures Of(string part, IReadOnlyList<PageScore> scores) => new(
        part,
        scores.Count,
        scores.Average(s => s.Recall),
        scores.Average(s => s.Precision),
        scores.Average(s => s.F1),
        scores.Count(s => s.TitleMatch),
        scores.Count(s => s.BylineMatch == true),
        scores.Count(s => s.BylineMatch is not null),
        scores.Average(s => s.RawF1));
}

/// <summary>Throughput of one timing run over the suite pages.</summary>
internal sealed record SpeedFigures(double SingleThreaded, double TwoThreads, double PerCpuSecond, int Cores);
