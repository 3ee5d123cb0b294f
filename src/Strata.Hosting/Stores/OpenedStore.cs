using Strata.Core.Storage;

namespace Strata.Hosting.Stores;

/// <summary>A migrated store with its originals, and whether many processes may work its queue at once.</summary>
/// <param name="Store">The engine's store.</param>
/// <param name="Blobs">Where originals are kept.</param>
/// <param name="SharedQueue">True when jobs are leased (PostgreSQL): no worker lock, any number of workers.</param>
/// <param name="Description">What <c>strata doctor</c> prints.</param>
internal sealed record OpenedStore(IKnowledgeStore Store, IBlobStore Blobs, bool SharedQueue, StoreDescription Description);
