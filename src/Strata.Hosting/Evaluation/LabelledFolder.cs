using Strata.Core.Extraction;
using Strata.Sources.Extractors;

namespace Strata.Hosting.Evaluation;

/// <summary>A labelled document read from disk: the label is the name of the subfolder it sits in.</summary>
public sealed record LabelledFile(string Path, string Label, string? Title, string? Text);

/// <summary>
/// Reads a folder of labelled documents, one subfolder per label (the layout of 20 Newsgroups, BBC News and most
/// public text-classification sets), through the same sniffing and extractors as ingest.
/// </summary>
public static class LabelledFolder
{
    /// <param name="root">The folder holding one subfolder per label.</param>
    /// <param name="failed">Called with a path and a reason for each file that could not be read (the rest continue).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<IReadOnlyList<LabelledFile>> ReadAsync(string root, Action<string, string> failed, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"no such folder: {root}");
        }

        var files = Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Where(path => !System.IO.Path.GetFileName(path).StartsWith('.'))
                .Select(path => (Path: path, Label: System.IO.Path.GetFileName(folder))))
            .ToArray();
        if (files.Length == 0)
        {
            throw new InvalidDataException($"{root} holds no labelled documents: expected one subfolder per label, each with documents");
        }

        var documents = new LabelledFile?[files.Length];
        await Parallel.ForAsync(0, files.Length, cancellationToken, async (index, token) =>
        {
            var (path, label) = files[index];
            try
            {
                var bytes = await File.ReadAllBytesAsync(path, token).ConfigureAwait(false);
                var (document, _) = await ExtractorCatalog.ExtractAsync(bytes, System.IO.Path.GetFileName(path), null, null, null, token).ConfigureAwait(false);
                documents[index] = new LabelledFile(path, label, document.Title, document.Text);
            }
            catch (Exception exception) when (exception is ExtractionException or IOException or UnauthorizedAccessException)
            {
                failed(path, exception.Message);
            }
        }).ConfigureAwait(false);
        return documents.OfType<LabelledFile>().ToArray();
    }

    /// <summary>
    /// A deterministic stratified split: within each label, files in name order alternate between test and train
    /// so that <paramref name="testShare"/> of them are tested (0.5: every other file).
    /// </summary>
    public static (IReadOnlyList<LabelledFile> Train, IReadOnlyList<LabelledFile> Test) Split(IReadOnlyList<LabelledFile> files, double testShare)
    {
        var train = new List<LabelledFile>();
        var test = new List<LabelledFile>();
        foreach (var group in files.GroupBy(file => file.Label))
        {
            var position = 0;
            var taken = 0;
            foreach (var file in group)
            {
                position++;
                // Keep the running share of test files at testShare (Bresenham-style, no randomness).
                if (taken < Math.Floor(position * testShare + 1e-9))
                {
                    test.Add(file);
                    taken++;
                }
                else
                {
                    train.Add(file);
                }
            }
        }

        return (train, test);
    }
}
