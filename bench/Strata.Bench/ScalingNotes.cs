using System.Text;

namespace Strata.Bench;

/// <summary>
/// The scaling benchmark's notes: a title line and about 200 words, a fifth of them Chinese (as the main corpus),
/// so the search bench's 200 varied queries (<see cref="QuerySet"/>: words, phrases, Chinese, filters) find matches.
/// Deterministic per index.
/// </summary>
internal static class ScalingNotes
{
    public const int WordsPerNote = 200;

    public static string Create(int index, Vocabulary vocabulary)
    {
        var random = new Random(index);
        if (index % CorpusGenerator.ChineseEvery != CorpusGenerator.ChineseEvery - 1)
        {
            return $"# Note {index} {CorpusGenerator.EnglishSentence(random, vocabulary, 4)}\n\n{CorpusGenerator.EnglishSentence(random, vocabulary, WordsPerNote)}\n";
        }

        var builder = new StringBuilder("# ");
        for (var i = 0; i < 3; i++)
        {
            builder.Append(vocabulary.NextChinese(random));
        }

        builder.Append("\n\n");
        for (var i = 0; i < WordsPerNote; i++)
        {
            builder.Append(vocabulary.NextChinese(random)).Append(i % 12 == 11 ? "。" : string.Empty);
        }

        return builder.Append('\n').ToString();
    }
}
