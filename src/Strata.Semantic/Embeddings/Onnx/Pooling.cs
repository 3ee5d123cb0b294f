using System.Numerics.Tensors;

namespace Strata.Semantic.Embeddings.Onnx;

/// <summary>Turns a model's per-token vectors into one sentence vector: mean over real tokens (attention mask) or the CLS token, then L2-normalised.</summary>
public static class Pooling
{
    /// <param name="tokenVectors">[sequence, dimensions] for one input, row-major.</param>
    /// <param name="attentionMask">1 for real tokens, 0 for padding; length = sequence.</param>
    /// <param name="dimensions">Vector size.</param>
    /// <param name="cls">Take the first token instead of the mean.</param>
    public static float[] Pool(ReadOnlySpan<float> tokenVectors, ReadOnlySpan<long> attentionMask, int dimensions, bool cls)
    {
        var pooled = new float[dimensions];
        if (cls)
        {
            tokenVectors[..dimensions].CopyTo(pooled);
        }
        else
        {
            var count = 0;
            for (var token = 0; token < attentionMask.Length; token++)
            {
                if (attentionMask[token] == 0)
                {
                    continue;
                }

                TensorPrimitives.Add(pooled, tokenVectors.Slice(token * dimensions, dimensions), pooled);
                count++;
            }

            if (count > 0)
            {
                TensorPrimitives.Divide(pooled, count, pooled);
            }
        }

        Normalize(pooled);
        return pooled;
    }

    /// <summary>Scales <paramref name="vector"/> to unit length (left alone when it is all zeros).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
