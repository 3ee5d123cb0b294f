using System.Text;
using Strata.Core.Enrich;

namespace Strata.Hosting.Ask;

/// <summary>
/// The answer without a model: the best passages, numbered, with the sentences that contain the most of the
/// question's terms marked (<see cref="KnowledgeBase.SnippetOpen"/> … <see cref="KnowledgeBase.SnippetClose"/>).
/// </summary>
internal static class ExtractiveAnswer
{
    public const int MaxPassages = 3;

    public static AskAnswer Build(string question, IReadOnlyList<Passage> passages, string? notice)
    {
        var terms = QuestionTerms.Extract(question);
        var vectorizer = new TermVectorizer();
        var termIds = terms.Select(term => vectorizer.Count(term).Keys.ToArray()).Where(ids => ids.Length > 0).ToArray();
        var text = new StringBuilder();
        var citations = new List<Citation>();
        foreach (var passage in passages.Take(MaxPassages))
        {
            var number = citations.Count + 1;
            citations.Add(new Citation(number, passage.ItemId, passage.Title, passage.Url, passage.Path, passage.Page, passage.Start, passage.Length, passage.Text, Cited: true));
            text.Append('[').Append(number).Append("] ").Append(Highlight(passage.Text, vectorizer, termIds)).Append("\n\n");
        }

        return new AskAnswer(question, AnswerKind.Extractive, text.ToString().TrimEnd(), citations, null, notice);
    }

    private static string Highlight(string passage, TermVectorizer vectorizer, int[][] termIds)
    {
        var sentences = SentenceSplitter.Split(passage);
        var coverage = sentences.Select(sentence =>
        {
            var found = vectorizer.KnownTerms(passage.AsSpan(sentence.Start, sentence.Length));
            return termIds.Count(ids => ids.All(found.Contains));
        }).ToArray();
        var best = coverage.Length == 0 ? 0 : coverage.Max();
        if (best == 0)
        {
            return passage;
        }

        var marked = new StringBuilder(passage.Length + 16);
        var position = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            if (coverage[i] != best)
            {
                continue;
            }

            marked.Append(passage, position, sentences[i].Start - position)
                .Append(KnowledgeBase.SnippetOpen).Append(passage, sentences[i].Start, sentences[i].Length).Append(KnowledgeBase.SnippetClose);
            position = sentences[i].End;
        }

        return marked.Append(passage, position, passage.Length - position).ToString();
    }
}
