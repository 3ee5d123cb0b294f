using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Strata.Sources.Imports.Csv;

/// <summary>
/// A CSV file read row by row through CsvHelper (quotes, embedded newlines, a BOM), with columns looked up by header
/// name, case-insensitively. Badly quoted rows are read as well as CsvHelper can and reported as a warning. Not thread-safe.
/// </summary>
internal sealed class CsvTable
{
    private readonly CsvParser _parser;
    private readonly Dictionary<string, int> _columns;
    private readonly IList<string> _warnings;
    private bool _badData;

    private CsvTable(TextReader reader, IList<string> warnings)
    {
        _warnings = warnings;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = _ => _badData = true,
            IgnoreBlankLines = true,
        };
        _parser = new CsvParser(reader, configuration, leaveOpen: true);
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The 1-based line the current row starts on.</summary>
    public int Line { get; private set; }

    /// <summary>Reads the header now; throws <see cref="ImportException"/> naming <paramref name="formatName"/> when a required column is missing.</summary>
    public static CsvTable Open(TextReader reader, IList<string> warnings, string formatName, params string[] requiredColumns)
    {
        var table = new CsvTable(reader, warnings);
        if (!table._parser.Read())
        {
            throw new ImportException($"not a {formatName} CSV export: the file is empty");
        }

        for (var i = 0; i < table._parser.Count; i++)
        {
            var name = table._parser[i].Trim().TrimStart('\uFEFF').Trim();
            table._columns.TryAdd(name, i);
        }

        var missing = requiredColumns.Where(column => !table._columns.ContainsKey(column)).ToArray();
        if (missing.Length > 0)
        {
            throw new ImportException(
                $"not a {formatName} CSV export: the header lacks {string.Join(", ", missing)} (found: {BookmarkUrl.Quote(string.Join(",", table._columns.Keys))})");
        }

        return table;
    }

    /// <summary>Moves to the next row; false at the end.</summary>
    public bool Next()
    {
        var start = _parser.RawRow + 1;
        try
        {
            _badData = false;
            if (!_parser.Read())
            {
                return false;
            }
        }
        catch (CsvHelperException exception)
        {
            throw new ImportException($"line {start}: the CSV cannot be read further ({exception.GetType().Name})", exception);
        }

        Line = start;
        if (_badData)
        {
            _warnings.Add($"line {start}: badly quoted CSV field, read as well as possible");
        }

        return true;
    }

    /// <summary>The trimmed field of <paramref name="column"/> in the current row, or null when absent or blank.</summary>
    public string? Field(string column)
    {
        if (!_columns.TryGetValue(column, out var index) || index >= _parser.Count)
        {
            return null;
        }

        var value = _parser[index].Trim();
        return value.Length == 0 ? null : value;
    }
}
