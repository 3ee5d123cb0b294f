using System.Globalization;
using System.Text.Json;

namespace Strata.Hosting.Retrieval;

/// <summary>
/// A retrieval test collection in BEIR's layout: <c>corpus.jsonl</c> (<c>_id</c>, <c>title</c>, <c>text</c>),
/// <c>queries.jsonl</c> (<c>_id</c>, <c>text</c>) and <c>qrels/test.tsv</c> (<c>query-id corpus-id score</c>,
/// with a header line). Throws <see cref="InvalidDataException"/> naming the file and line when one is malformed.
/// </summary>
public sealed record BeirDataSet(
    IReadOnlyList<BeirDocument> Corpus, IReadOnlyDictionary<string, string> Queries, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Judgements)
{
    public static async Task<BeirDataSet> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var corpusPath = Path.Combine(directory, "corpus.jsonl");
        var queriesPath = Path.Combine(directory, "queries.jsonl");
        var qrelsPath = Path.Combine(directory, "qrels", "test.tsv");
        foreach (var path in new[] { corpusPath, queriesPath, qrelsPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} is missing: a BEIR data set has corpus.jsonl, queries.jsonl and qrels/test.tsv", path);
            }
        }

        var corpus = new List<BeirDocument>();
        await foreach (var (root, _) in ReadJsonLinesAsync(corpusPath, cancellationToken).ConfigureAwait(false))
        {
            corpus.Add(new BeirDocument(Id(root), Text(root, "title"), Text(root, "text")));
        }

        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var (root, _) in ReadJsonLinesAsync(queriesPath, cancellationToken).ConfigureAwait(false))
        {
            queries[Id(root)] = Text(root, "text");
        }

        var judgements = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(qrelsPath, cancellationToken).ConfigureAwait(false))
        {
            number++;
            var fields = line.Split('\t');
            if (fields.Length < 3 || !int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
            {
                if (number == 1 || line.Trim().Length == 0)
                {
                    continue; // the header line, or a blank one
                }

                throw new InvalidDataException($"{qrelsPath}:{number}: expected 'query-id<TAB>corpus-id<TAB>score'");
            }

            if (!judgements.TryGetValue(fields[0], out var row))
            {
                judgements[fields[0]] = row = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            row[fields[1]] = score;
        }

        return new BeirDataSet(corpus, queries, judgements.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, int>)pair.Value, StringComparer.Ordinal));
    }

    private static async IAsyncEnumerable<(JsonElement Root, int Line)> ReadJsonLinesAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(line);
                root = document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"{path}:{number}: not JSON: {exception.Message}", exception);
            }

            if (!root.TryGetProperty("_id", out _))
            {
                throw new InvalidDataException($"{path}:{number}: no _id");
            }

            yield return (root, number);
        }
    }

    private static string Id(JsonElement root) => root.GetProperty("_id") is { ValueKind: JsonValueKind.Number } number ? number.GetRawText() : root.GetProperty("_id").GetString() ?? string.Empty;

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}

public sealed record BeirDocument(string Id, string Title, string Text);
