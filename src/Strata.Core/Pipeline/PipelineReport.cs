using Strata.Core.Storage;

namespace Strata.Core.Pipeline;

/// <summary>What one run of the pipeline did, item by item.</summary>
public sealed class PipelineReport
{
    private readonly List<PipelineFailure> _failures = [];
    private readonly List<(string Id, ItemSummary Existing)> _duplicates = [];

    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    public int Processed { get; private set; }

    /// <summary>The display title of every item processed, by id.</summary>
    public IReadOnlyDictionary<string, string> Titles => _titles;

    /// <summary>False when another process held the queue, so nothing ran here.</summary>
    public bool QueueAvailable { get; init; } = true;

    public IReadOnlyList<PipelineFailure> Failures => _failures;

    public IReadOnlyList<(string Id, ItemSummary Existing)> Duplicates => _duplicates;

    internal void Add(PipelineContext context, PipelineFailure? failure)
    {
        Processed++;
        _titles[context.Item.Id] = context.Item.DisplayTitle;
        if (failure is not null)
        {
            _failures.Add(failure);
        }

        if (context.DuplicateOf is not null)
        {
            _duplicates.Add((context.Item.Id, context.DuplicateOf));
        }
    }
}

/// <summary>One item the pipeline could not finish, with the step and a message for the user.</summary>
public sealed record PipelineFailure(string ItemId, string Origin, string Step, string Message, bool IsTransient);
