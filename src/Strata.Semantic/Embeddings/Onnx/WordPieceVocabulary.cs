using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Strata.Semantic.Embeddings.Onnx;

/// <summary>Builds the BERT WordPiece tokenizer of a model folder from <c>vocab.txt</c>, or from the vocabulary inside <c>tokenizer.json</c>.</summary>
internal static class WordPieceVocabulary
{
    public static BertTokenizer Load(OnnxModelFolder folder)
    {
        var options = new BertOptions { LowerCaseBeforeTokenization = folder.LowerCase };
        if (folder.VocabFile is { } vocab)
        {
            return BertTokenizer.Create(vocab, options);
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(VocabFromTokenizerJson(folder.TokenizerJsonFile!)));
        return BertTokenizer.Create(stream, options);
    }

    /// <summary>The <c>model.vocab</c> map of a Hugging Face <c>tokenizer.json</c>, written as vocab.txt lines in id order.</summary>
    private static string VocabFromTokenizerJson(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        if (!json.RootElement.TryGetProperty("model", out var model) || !model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object)
        {
            throw new EmbeddingException($"{path} has no WordPiece vocabulary (model.vocab): only BERT-family models (MiniLM, bge, e5, gte) are supported", isTransient: false);
        }

        var tokens = new SortedDictionary<int, string>();
        foreach (var entry in vocab.EnumerateObject())
        {
            tokens[entry.Value.GetInt32()] = entry.Name;
        }

        return string.Join('\n', tokens.Values) + "\n";
    }
}
