namespace Strata.Core.Storage;

/// <summary>When a completed batch's keyword index entries are written.</summary>
public enum IndexWrites
{
    /// <summary>In the batch's own transaction: searchable when the call returns.</summary>
    Immediate,

    /// <summary>Possibly held back until the store's index flush (a pipeline run flushes when it ends).</summary>
    Deferred,
}
