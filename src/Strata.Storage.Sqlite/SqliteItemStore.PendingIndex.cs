using Microsoft.Data.Sqlite;
using Strata.Storage.Sqlite.Ranking;

namespace Strata.Storage.Sqlite;

/// <summary>The ranked index's level-0 segment filled across a pipeline run's batches (see <see cref="PendingSegment"/>).</summary>
public sealed partial class SqliteItemStore
{
    private readonly PendingSegment _pending = new();
    private readonly SemaphoreSlim _pendingLock = new(1, 1);

    public async Task FlushIndexAsync(CancellationToken cancellationToken)
    {
        await _pendingLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WritePendingAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pendingLock.Release();
        }
    }

    /// <summary>Runs <paramref name="write"/> on the pending segment, then <paramref name="commit"/>; if either fails, the segment is dropped.</summary>
    private async Task WithPendingSegmentAsync(Func<PendingSegment, Task> write, Func<Task> commit, CancellationToken cancellationToken)
    {
        await _pendingLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await write(_pending).ConfigureAwait(false);
            await commit().ConfigureAwait(false);
        }
        catch
        {
            // Write what the segment holds in a transaction of its own (a cancelled batch's documents among them end
            // up stale, their rows rolled back); if even that fails, they stay pending for the next run to index.
            await TryFlushAloneAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _pendingLock.Release();
        }
    }

    /// <summary>Writes the pending segment in its own transaction, whatever happened before; never throws. The caller holds the lock.</summary>
    private async Task TryFlushAloneAsync()
    {
        try
        {
            await WritePendingAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or InvalidOperationException)
        {
            // Left pending in the base: the next pipeline run's recovery indexes them.
        }
    }

    /// <summary>
    /// Writes the pending segment in a transaction of its own and empties it, written or not (on failure its documents
    /// stay pending in the base for the next run to index). The caller holds the lock.
    /// </summary>
    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_pending.Count == 0)
            {
                return;
            }

            await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction();
            await RankedIndexWriter.FlushAsync(connection, transaction, _pending, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.Clear();
        }
    }

    public async Task<bool> HasPendingDocumentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT EXISTS (SELECT 1 FROM search_documents WHERE segment = $p)").With("$p", RankedIndexWriter.Pending);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != 0;
    }

    /// <summary>
    /// Indexes documents left pending by a run that died before flushing (this process's or another's; the caller
    /// holds the worker lock, so no other run is filling a segment). Returns how many were indexed.
    /// </summary>
    public async Task<int> IndexLeftPendingAsync(CancellationToken cancellationToken)
    {
        await _pendingLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _pending.Clear();
            await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            var rowids = new List<long>();
            await using (var list = connection.Command("SELECT rowid FROM search_documents WHERE segment = $p ORDER BY rowid").With("$p", RankedIndexWriter.Pending))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rowids.Add(reader.GetInt64(0));
                }
            }

            if (rowids.Count == 0)
            {
                return 0;
            }

            await using var transaction = connection.BeginTransaction();
            var documents = await DescribeAsync(connection, transaction, [.. rowids], cancellationToken).ConfigureAwait(false);
            await RankedIndexWriter.WriteAsync(connection, transaction, documents, cancellationToken).ConfigureAwait(false);
            // Pending rows of items deleted since have nothing to index: mark them deleted.
            await using (var gone = connection.Command("UPDATE search_documents SET segment = 0, length = 0 WHERE segment = $p", transaction).With("$p", RankedIndexWriter.Pending))
            {
                await gone.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return documents.Count;
        }
        finally
        {
            _pendingLock.Release();
        }
    }
}
