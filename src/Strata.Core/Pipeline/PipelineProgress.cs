namespace Strata.Core.Pipeline;

/// <summary>Progress of a pipeline run: items finished so far and items still queued when last counted.</summary>
public readonly record struct PipelineProgress(int Done, int Total);
