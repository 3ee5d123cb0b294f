using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Strata.Semantic.Embeddings.Onnx;

/// <summary>
/// Embeddings from a local BERT-family sentence-embedding model (MiniLM, bge, e5, gte) run by ONNX Runtime:
/// WordPiece tokens in, per-token vectors out, pooled (mean over the attention mask, or CLS) and L2-normalised.
/// A graph that already outputs one vector per input (rank 2) is only normalised. Thread-safe; dispose to free
/// the session. Throws <see cref="EmbeddingException"/> when the folder is incomplete.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly OnnxModelFolder _folder;
    private readonly int _maxTokens;
    private readonly string _modelId;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OnnxEmbeddingGenerator(string modelPath, string? modelId = null, string? pooling = null, int maxTokens = 512)
    {
        _folder = OnnxModelFolder.Open(modelPath, pooling);
        _tokenizer = WordPieceVocabulary.Load(_folder);
        _maxTokens = Math.Max(8, maxTokens);
        _modelId = modelId ?? Path.GetFileName(Path.GetFullPath(modelPath).TrimEnd(Path.DirectorySeparatorChar));
        try
        {
            _session = new InferenceSession(_folder.ModelFile);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new EmbeddingException($"ONNX Runtime cannot load {_folder.ModelFile}: {exception.Message}", isTransient: false, exception);
        }

        _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(_folder.ModelFile), _modelId);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToArray();
        var generated = new GeneratedEmbeddings<Embedding<float>>(inputs.Length);
        if (inputs.Length == 0)
        {
            return Task.FromResult(generated);
        }

        var ids = inputs.Select(text => _tokenizer.EncodeToIds(text, _maxTokens, addSpecialTokens: true, out _, out _)).ToArray();
        var length = ids.Max(row => row.Count);
        var inputIds = new long[inputs.Length * length];
        var mask = new long[inputs.Length * length];
        for (var row = 0; row < ids.Length; row++)
        {
            for (var column = 0; column < ids[row].Count; column++)
            {
                inputIds[(row * length) + column] = ids[row][column];
                mask[(row * length) + column] = 1;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var vector in Run(inputIds, mask, inputs.Length, length))
        {
            generated.Add(new Embedding<float>(vector) { ModelId = _modelId });
        }

        var tokens = ids.Sum(row => (long)row.Count);
        generated.Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens };
        return Task.FromResult(generated);
    }

    private float[][] Run(long[] inputIds, long[] mask, int batch, int length)
    {
        long[] shape = [batch, length];
        var names = new List<string>();
        var values = new List<OrtValue>();
        try
        {
            foreach (var name in _session.InputMetadata.Keys)
            {
                var data = name switch
                {
                    "input_ids" => inputIds,
                    "attention_mask" => mask,
                    "token_type_ids" => new long[inputIds.Length],
                    _ => throw new EmbeddingException($"the model {_folder.ModelFile} wants an input '{name}' that BERT-family models do not have", isTransient: false),
                };
                names.Add(name);
                values.Add(OrtValue.CreateTensorValueFromMemory(data, shape));
            }

            var outputName = _session.OutputMetadata.Keys.FirstOrDefault(name => name == "last_hidden_state") ?? _session.OutputMetadata.Keys.First();
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, names, values, [outputName]);
            var output = outputs[0];
            var outputShape = output.GetTensorTypeAndShape().Shape;
            var data2 = output.GetTensorDataAsSpan<float>();
            var vectors = new float[batch][];
            if (outputShape.Length == 2)
            {
                var dimensions = (int)outputShape[1];
                for (var row = 0; row < batch; row++)
                {
                    vectors[row] = data2.Slice(row * dimensions, dimensions).ToArray();
                    Pooling.Normalize(vectors[row]);
                }

                return vectors;
            }

            var size = (int)outputShape[2];
            for (var row = 0; row < batch; row++)
            {
                vectors[row] = Pooling.Pool(data2.Slice(row * length * size, length * size), mask.AsSpan(row * length, length), size, _folder.ClsPooling);
            }

            return vectors;
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => _session.Dispose();
}
