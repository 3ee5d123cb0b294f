namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>
    /// True once <see cref="LeaveQueueToWorkers"/> was called: this process stores and queues what it is given but
    /// never works the queue, so web servers stay stateless and light beside <c>strata worker</c> processes.
    /// </summary>
    public bool LeavesQueueToWorkers { get; private set; }

    /// <summary>
    /// From now on, adding, re-tagging or re-processing here only queues jobs (<c>strata serve --web-only</c>):
    /// <c>strata worker</c> processes (or a server with a worker) run them. Every public call that used to work the
    /// queue in passing returns with <see cref="Core.Pipeline.PipelineReport.QueueAvailable"/> false instead.
    /// </summary>
    public void LeaveQueueToWorkers() => LeavesQueueToWorkers = true;
}
