using System.Data.Common;

namespace Strata.Hosting.Stores;

/// <summary>
/// Copies tables row by row between two engines and verifies them. Resumable: a row the target already has (same
/// key) is skipped, so running the migration again after an interruption finishes the job.
/// </summary>
internal sealed class TableCopier(MigrationEngine source, MigrationEngine target)
{
    private const int RowsPerTransaction = 1000;

    /// <summary>Copies <paramref name="table"/>; returns the rows inserted (rows already there are skipped).</summary>
    public async Task<long> CopyAsync(MigrationTable table, CancellationToken cancellationToken)
    {
        await using var from = await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var to = await target.OpenAsync(cancellationToken).ConfigureAwait(false);
        var columns = (await CommonColumnsAsync(from, to, table, cancellationToken).ConfigureAwait(false))
            .Where(column => table.Name != "items" || column != MigrationTables.DeferredItemColumn).ToArray();
        var inserted = await CopyRowsAsync(from, to, table, columns, cancellationToken).ConfigureAwait(false);
        if (table.Name == "items")
        {
            await CopyDuplicateLinksAsync(from, to, cancellationToken).ConfigureAwait(false);
        }

        return inserted;
    }

    private static async Task<long> CopyRowsAsync(DbConnection from, DbConnection to, MigrationTable table, string[] columns, CancellationToken cancellationToken)
    {
        await using var select = from.CreateCommand();
        select.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table.Name}{Where(table)} ORDER BY {string.Join(", ", table.Key)}";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var inserted = 0L;
        var pending = 0;
        var transaction = await to.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var insert = to.CreateCommand();
            insert.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, index) => $"@p{index}"))}) ON CONFLICT DO NOTHING";
            var parameters = columns.Select((_, index) => AddParameter(insert, $"@p{index}")).ToArray();
            insert.Transaction = transaction;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var index = 0; index < parameters.Length; index++)
                {
                    parameters[index].Value = reader.GetValue(index);
                }

                inserted += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (++pending == RowsPerTransaction)
                {
                    // Committed in slices: an interrupted copy keeps what it wrote, and the rerun skips it.
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.DisposeAsync().ConfigureAwait(false);
                    transaction = await to.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    insert.Transaction = transaction;
                    pending = 0;
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }

        return inserted;
    }

    /// <summary>The row count and digest of <paramref name="table"/> on both sides, over the columns both have.</summary>
    public async Task<(RowDigest Source, RowDigest Target)> DigestAsync(MigrationTable table, CancellationToken cancellationToken)
    {
        await using var from = await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var to = await target.OpenAsync(cancellationToken).ConfigureAwait(false);
        var columns = await CommonColumnsAsync(from, to, table, cancellationToken).ConfigureAwait(false);
        return (await DigestAsync(from, table, columns, cancellationToken).ConfigureAwait(false), await DigestAsync(to, table, columns, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<RowDigest> DigestAsync(DbConnection connection, MigrationTable table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table.Name}{Where(table)}";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var digest = new RowDigest();
        var values = new object?[columns.Count];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            reader.GetValues(values!);
            digest.Add(values);
        }

        return digest;
    }

    private async Task<IReadOnlyList<string>> CommonColumnsAsync(DbConnection from, DbConnection to, MigrationTable table, CancellationToken cancellationToken)
    {
        var targetColumns = (await target.ColumnsAsync(to, table.Name, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var columns = (await source.ColumnsAsync(from, table.Name, cancellationToken).ConfigureAwait(false)).Where(targetColumns.Contains).ToArray();
        return columns.Length > 0
            ? columns
            : throw new InvalidOperationException($"table {table.Name} is missing from {(targetColumns.Count == 0 ? target.Name : source.Name)}");
    }

    private static async Task CopyDuplicateLinksAsync(DbConnection from, DbConnection to, CancellationToken cancellationToken)
    {
        await using var select = from.CreateCommand();
        select.CommandText = $"SELECT rowid, {MigrationTables.DeferredItemColumn} FROM items WHERE {MigrationTables.DeferredItemColumn} IS NOT NULL";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await to.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = to.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE items SET {MigrationTables.DeferredItemColumn} = @d WHERE rowid = @r";
        var duplicateOf = AddParameter(update, "@d");
        var rowid = AddParameter(update, "@r");
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rowid.Value = reader.GetInt64(0);
            duplicateOf.Value = reader.GetInt64(1);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string Where(MigrationTable table) => table.Filter is null ? string.Empty : $" WHERE {table.Filter}";
}
