namespace Strata.Core.Memory;

/// <summary>The 21 FSRS-6 weights (w0–w20; w20 is the forgetting curve's decay). Immutable.</summary>
public sealed class FsrsParameters
{
    public const int Count = 21;

    /// <summary>The published FSRS-6 defaults (py-fsrs 6.3.1, ts-fsrs 5.4.1, fsrs-rs 6.6.1).</summary>
    public static readonly FsrsParameters Default = new(
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]);

    /// <summary>Lower and upper bound of each weight (as fsrs-rs clips them while fitting).</summary>
    public static readonly (double Low, double High)[] Bounds =
    [
        (0.001, 100), (0.001, 100), (0.001, 100), (0.001, 100), (1, 10), (0.001, 4), (0.001, 4), (0.001, 0.75),
        (0, 4.5), (0, 0.8), (0.001, 3.5), (0.001, 5), (0.001, 0.25), (0.001, 0.9), (0, 4), (0, 1), (1, 6),
        (0, 2), (0, 2), (0, 0.8), (0.1, 0.8),
    ];

    private readonly double[] _weights;

    /// <exception cref="ArgumentException">When there are not exactly 21 finite weights.</exception>
    public FsrsParameters(IReadOnlyList<double> weights)
    {
        if (weights.Count != Count || weights.Any(weight => !double.IsFinite(weight)))
        {
            throw new ArgumentException($"FSRS-6 takes {Count} finite weights, got {weights.Count}", nameof(weights));
        }

        _weights = [.. weights];
        Decay = -_weights[20];
        Factor = Math.Pow(0.9, 1 / Decay) - 1;
        EasyInitialDifficulty = _weights[4] - Math.Exp(_weights[5] * 3) + 1;
    }

    public double this[int index] => _weights[index];

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The forgetting curve's decay, −w20.</summary>
    public double Decay { get; }

    /// <summary>Chosen so that R = 0.9 when the elapsed time equals the stability: 0.9^(1/decay) − 1.</summary>
    public double Factor { get; }

    /// <summary>The unclamped initial difficulty of an Easy first grade: the target of difficulty's mean reversion.</summary>
    public double EasyInitialDifficulty { get; }

    /// <summary>The same weights with w17–w19 (same-day reviews) set to zero.</summary>
    public FsrsParameters WithoutShortTerm()
    {
        var weights = (double[])_weights.Clone();
        weights[17] = weights[18] = weights[19] = 0;
        return new FsrsParameters(weights);
    }
}
