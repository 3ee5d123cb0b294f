using Strata.Core.Enrich;

namespace Strata.Hosting.Summaries;

/// <summary>Summaries (section <c>Summaries</c>): the extractive length budget and what the model pass does.</summary>
public sealed class SummaryOptions
{
    /// <summary>Longest extractive summary, in characters (a Chinese character counts one).</summary>
    public int MaxChars { get; set; } = SummaryBudget.DefaultMaxChars;

    /// <summary>Most sentences in an extractive summary.</summary>
    public int MaxSentences { get; set; } = SummaryBudget.DefaultMaxSentences;

    /// <summary>The most items one model pass (<c>strata summarize --missing</c>, or the daemon's idle pass) summarizes.</summary>
    public int ModelBatch { get; set; } = 50;

    /// <summary>Whether the daemon writes abstractive summaries for new items when a chat model is configured.</summary>
    public bool ModelInDaemon { get; set; } = true;

    public SummaryBudget Budget => new(MaxChars, MaxSentences);
}
