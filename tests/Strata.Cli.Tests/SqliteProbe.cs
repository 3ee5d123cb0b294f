using Microsoft.Data.Sqlite;

namespace Strata.Cli.Tests;

/// <summary>Reads counts from a data directory's database while a CLI process works on it.</summary>
public static class SqliteProbe
{
    public static long Count(string database, string sql)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created or not migrated yet
        }
    }
}
