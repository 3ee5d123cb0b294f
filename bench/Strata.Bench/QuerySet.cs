namespace Strata.Bench;

/// <summary>One benchmark query: Strata's query language and its translation for the bare FTS5 table.</summary>
internal sealed record BenchQuery(string Kind, string Strata, string Bare);

/// <summary>200 varied queries drawn deterministically from the corpus vocabulary.</summary>
internal static class QuerySet
{
    public static IReadOnlyList<BenchQuery> Create(Vocabulary vocabulary, int seed)
    {
        var random = new Random(seed);
        var english = vocabulary.English;
        var queries = new List<BenchQuery>();

        // Single words across the frequency range: frequent, middling, rare.
        for (var i = 0; i < 60; i++)
        {
            var rank = (i % 3) switch
            {
                0 => 50 + random.Next(50),
                1 => 100 + random.Next(900),
                _ => 1000 + random.Next(english.Count - 1000),
            };
            queries.Add(Words("word", english[rank]));
        }

        // Two and three words from the middle of the range.
        for (var i = 0; i < 40; i++)
        {
            var words = Enumerable.Range(0, 2 + (i % 2)).Select(_ => english[50 + random.Next(1500)]).ToArray();
            queries.Add(Words("words", words));
        }

        // Quoted phrases as the text has them.
        for (var i = 0; i < 20; i++)
        {
            var phrase = CorpusGenerator.EnglishSentence(random, vocabulary, 2);
            queries.Add(new BenchQuery("phrase", $"\"{phrase}\"", $"\"{phrase}\""));
        }

        // Chinese words of two to four characters.
        var chinese = vocabulary.Chinese.Where(word => word.Length is >= 2 and <= 4).ToArray();
        for (var i = 0; i < 50; i++)
        {
            queries.Add(Words("chinese", chinese[random.Next(chinese.Length)]));
        }

        // Filters and exclusions; the bare table has no columns to filter on, so it gets only the words.
        for (var i = 0; i < 30; i++)
        {
            var word = english[50 + random.Next(1000)];
            queries.Add((i % 3) switch
            {
                0 => new BenchQuery("filter", $"kind:file {word}", Quote(word)),
                1 => new BenchQuery("filter", $"lang:zh {chinese[random.Next(chinese.Length)]}", Quote(chinese[random.Next(chinese.Length)])),
                _ => ExcludeQuery(word, english[50 + random.Next(200)]),
            });
        }

        return queries;
    }

    private static BenchQuery Words(string kind, params string[] words) =>
        new(kind, string.Join(' ', words), string.Join(' ', words.Select(Quote)));

    private static BenchQuery ExcludeQuery(string word, string excluded) =>
        new("exclude", $"{word} -{excluded}", $"{Quote(word)} NOT {Quote(excluded)}");

    private static string Quote(string word) => $"\"{word}\"";
}
