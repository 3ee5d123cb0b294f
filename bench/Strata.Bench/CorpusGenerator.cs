using System.Text;

namespace Strata.Bench;

/// <summary>
/// Writes a deterministic corpus: documents of about 1,500 words (a fifth Chinese, ~1,500 characters), half
/// <c>.md</c> and half <c>.txt</c>, in subfolders of 1,000.
/// </summary>
internal static class CorpusGenerator
{
    public const int WordsPerDocument = 1500;
    public const int FilesPerFolder = 1000;
    public const int ChineseEvery = 5;

    private static readonly string[] ChinesePunctuation = ["，", "，", "，", "。", "。", "、", "；", "！", "？"];

    /// <summary>Writes <paramref name="count"/> documents under <paramref name="folder"/>; returns the bytes written.</summary>
    public static long Generate(string folder, int count, int seed, Vocabulary vocabulary)
    {
        var total = 0L;
        Parallel.For(0, (count + FilesPerFolder - 1) / FilesPerFolder, chunk =>
        {
            var sub = Path.Combine(folder, chunk.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            var random = new Random(HashCode.Combine(seed, chunk));
            var builder = new StringBuilder(16 * 1024);
            var bytes = 0L;
            for (var index = chunk * FilesPerFolder; index < Math.Min(count, (chunk + 1) * FilesPerFolder); index++)
            {
                builder.Clear();
                var markdown = index % 2 == 0;
                if (index % ChineseEvery == ChineseEvery - 1)
                {
                    WriteChinese(builder, random, vocabulary, markdown);
                }
                else
                {
                    WriteEnglish(builder, random, vocabulary, markdown);
                }

                var path = Path.Combine(sub, $"doc{index:D6}{(markdown ? ".md" : ".txt")}");
                var data = Encoding.UTF8.GetBytes(builder.ToString());
                File.WriteAllBytes(path, data);
                bytes += data.Length;
            }

            Interlocked.Add(ref total, bytes);
        });
        return total;
    }

    /// <summary>A run of English words as the corpus writes them (for phrase queries that occur in the text).</summary>
    public static string EnglishSentence(Random random, Vocabulary vocabulary, int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            builder.Append(i == 0 ? string.Empty : " ").Append(vocabulary.NextEnglish(random));
        }

        return builder.ToString();
    }

    private static void WriteEnglish(StringBuilder builder, Random random, Vocabulary vocabulary, bool markdown)
    {
        var title = Capitalise(EnglishSentence(random, vocabulary, 3 + random.Next(4)));
        builder.Append(markdown ? "# " : string.Empty).Append(title).Append("\n\n");
        var words = 0;
        while (words < WordsPerDocument)
        {
            if (markdown && random.Next(5) == 0)
            {
                builder.Append("## ").Append(Capitalise(EnglishSentence(random, vocabulary, 2 + random.Next(3)))).Append("\n\n");
            }

            var sentences = 3 + random.Next(5);
            for (var s = 0; s < sentences; s++)
            {
                var length = 6 + random.Next(18);
                var sentence = EnglishSentence(random, vocabulary, length);
                builder.Append(Capitalise(sentence)).Append(random.Next(10) == 0 ? "? " : ". ");
                words += length;
            }

            builder.Length--;
            builder.Append("\n\n");
        }
    }

    private static void WriteChinese(StringBuilder builder, Random random, Vocabulary vocabulary, bool markdown)
    {
        builder.Append(markdown ? "# " : string.Empty);
        for (var i = 0; i < 3; i++)
        {
            builder.Append(vocabulary.NextChinese(random));
        }

        builder.Append("\n\n");
        var characters = 0;
        while (characters < WordsPerDocument)
        {
            var clauses = 4 + random.Next(6);
            for (var c = 0; c < clauses; c++)
            {
                var words = 3 + random.Next(6);
                for (var w = 0; w < words; w++)
                {
                    var word = vocabulary.NextChinese(random);
                    builder.Append(word);
                    characters += word.Length;
                }

                builder.Append(c == clauses - 1 ? "。" : ChinesePunctuation[random.Next(ChinesePunctuation.Length)]);
            }

            builder.Append("\n\n");
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
