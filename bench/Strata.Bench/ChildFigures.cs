using System.Globalization;

namespace Strata.Bench;

/// <summary>
/// The figures a hidden-mode child prints as its last line, <c>key=value</c> pairs separated by spaces, and the way
/// the parent starts such a child (this program again, through <c>dotnet</c> when run that way).
/// </summary>
internal sealed class ChildFigures
{
    private readonly Dictionary<string, string> _values;

    private ChildFigures(Dictionary<string, string> values) => _values = values;

    /// <summary>Formats figures as the child's last line (invariant culture).</summary>
    public static string Format(IEnumerable<(string Key, double Value)> figures) =>
        string.Join(' ', figures.Select(figure => string.Create(CultureInfo.InvariantCulture, $"{figure.Key}={figure.Value:0.###}")));

    /// <summary>Runs this program with <paramref name="arguments"/>, polling its peak memory; throws when it fails.</summary>
    public static async Task<(ChildFigures Figures, ChildResult Child)> RunSelfAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var all = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            all.Add(typeof(ChildFigures).Assembly.Location);
        }

        all.AddRange(arguments);
        var child = await ChildProcess.RunAsync(self, all, pollMemory: true, cancellationToken);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the {arguments[0]} child failed ({child.ExitCode}): {child.Error}{child.Output}");
        }

        var last = child.Output.Trim().Split('\n')[^1];
        var values = last.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return (new ChildFigures(values), child);
    }

    public double this[string key] => double.Parse(_values[key], CultureInfo.InvariantCulture);

    public int Count(string key) => (int)this[key];
}
