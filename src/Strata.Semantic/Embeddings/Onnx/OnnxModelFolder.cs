using System.Text.Json;

namespace Strata.Semantic.Embeddings.Onnx;

/// <summary>
/// What a sentence-transformers style model folder says about itself: where the graph and vocabulary are, how
/// token vectors are pooled, whether text is lower-cased. Throws <see cref="EmbeddingException"/> with a message
/// that says how to fix the folder when something is missing.
/// </summary>
public sealed record OnnxModelFolder(string ModelFile, string? VocabFile, string? TokenizerJsonFile, bool LowerCase, bool ClsPooling)
{
    public static OnnxModelFolder Open(string path, string? pooling)
    {
        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            throw new EmbeddingException(
                $"Embedding.ModelPath {root} does not exist: put a sentence-embedding model there (model.onnx plus vocab.txt or tokenizer.json, e.g. an ONNX export of all-MiniLM-L6-v2 or bge-small-en-v1.5); Strata never downloads models",
                isTransient: false);
        }

        var model = new[] { "model.onnx", Path.Combine("onnx", "model.onnx") }.Select(name => Path.Combine(root, name)).FirstOrDefault(File.Exists)
            ?? throw new EmbeddingException($"no model.onnx in {root} (or its onnx/ folder): export the model to ONNX and put it there", isTransient: false);
        var vocab = Path.Combine(root, "vocab.txt");
        var tokenizerJson = Path.Combine(root, "tokenizer.json");
        if (!File.Exists(vocab) && !File.Exists(tokenizerJson))
        {
            throw new EmbeddingException($"no vocab.txt or tokenizer.json in {root}: copy the model's tokenizer files next to model.onnx", isTransient: false);
        }

        var name = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)).ToLowerInvariant();
        var cls = pooling?.ToLowerInvariant() switch
        {
            "cls" => true,
            "mean" => false,
            _ => ReadPoolingConfig(root) ?? name.Contains("bge", StringComparison.Ordinal),
        };
        return new OnnxModelFolder(model, File.Exists(vocab) ? vocab : null, File.Exists(tokenizerJson) ? tokenizerJson : null, ReadLowerCase(root), cls);
    }

    /// <summary>sentence-transformers writes <c>1_Pooling/config.json</c>; true when it asks for the CLS token.</summary>
    private static bool? ReadPoolingConfig(string root)
    {
        var file = Path.Combine(root, "1_Pooling", "config.json");
        if (!File.Exists(file))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.TryGetProperty("pooling_mode_cls_token", out var cls) && cls.ValueKind == JsonValueKind.True;
    }

    private static bool ReadLowerCase(string root)
    {
        var file = Path.Combine(root, "tokenizer_config.json");
        if (!File.Exists(file))
        {
            return true;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return !json.RootElement.TryGetProperty("do_lower_case", out var lower) || lower.ValueKind != JsonValueKind.False;
    }
}
