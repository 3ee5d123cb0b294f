using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Strata.Hosting.Stores;

/// <summary>One side of a migration: opens raw connections and knows the engine's few dialect differences.</summary>
internal sealed class MigrationEngine(string name, string connectionString, bool isPostgres)
{
    public string Name { get; } = name;

    public bool IsPostgres { get; } = isPostgres;

    public static MigrationEngine Sqlite(string databasePath) =>
        new($"sqlite {databasePath}", new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString(), isPostgres: false);

    public static MigrationEngine Postgres(string connectionString, string description) => new($"postgres {description}", connectionString, isPostgres: true);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!IsPostgres)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    /// <summary>The table's columns in this engine's schema, in declaration order.</summary>
    public async Task<IReadOnlyList<string>> ColumnsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = IsPostgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t ORDER BY ordinal_position"
            : "SELECT name FROM pragma_table_info(@t) ORDER BY cid";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@t";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
