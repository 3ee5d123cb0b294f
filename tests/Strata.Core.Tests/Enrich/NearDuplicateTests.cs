using System.Text;
using Strata.Core.Enrich;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed class NearDuplicateTests
{
    private static readonly string Article = BuildArticle(seed: 1);

    [Fact]
    public void SimHash_CopyWithBoilerplate_IsWithinDistance()
    {
        var edited = Article.Remove(Article.IndexOf("quickly", StringComparison.Ordinal), "quickly".Length).Insert(Article.IndexOf("quickly", StringComparison.Ordinal), "rapidly");
        var copy = "# Reposted\n\nHome | News | About us | Subscribe to our newsletter\n\n" + edited +
            "\n\nShare this article on social media.\nCopyright 2026 Example Media Group. All rights reserved.\n";

        var distance = SimHash.Distance(SimHashContent.Compute(Article)!.Value, SimHashContent.Compute(copy)!.Value);

        Assert.InRange(distance, 0, SimHash.MaxDistance);
    }

    [Fact]
    public void SimHashContent_FingerprintsTheWideLinesAsOneText()
    {
        // Paragraphs of two sentences with short lines between them: shingles run on from one paragraph to the next.
        var paragraphs = Article.Split(". ", StringSplitOptions.RemoveEmptyEntries).Chunk(2).Select(pair => string.Join(". ", pair) + ".").ToArray();
        var page = string.Join("\n", paragraphs.Select((paragraph, i) => $"{paragraph}\nShare | Like {i}\n"));
        var wideLines = string.Concat(paragraphs.Select(paragraph => paragraph + "\n"));

        Assert.All(paragraphs, paragraph => Assert.True(paragraph.Length >= SimHashContent.MinLineWidth));
        Assert.NotNull(SimHash.Compute(wideLines));
        Assert.Equal(SimHash.Compute(wideLines), SimHashContent.Compute(page));
        Assert.NotEqual(SimHash.Compute(page), SimHashContent.Compute(page));
    }

    [Fact]
    public void SimHash_UnrelatedText_IsFarApart()
    {
        var distance = SimHash.Distance(SimHashContent.Compute(Article)!.Value, SimHashContent.Compute(BuildArticle(seed: 2))!.Value);

        Assert.True(distance > 10, $"distance {distance}");
    }

    [Fact]
    public void Cluster_ChainAndPairs_JoinsTransitivelyWithOldestAsRepresentative()
    {
        const ulong a = 0xFFFF_0000_FFFF_0000;
        (long, ulong)[] fingerprints =
        [
            (1, a),
            (2, a ^ 0b11),                  // 2 bits from 1
            (3, a ^ 0b11 ^ 0b1100),         // 2 bits from 2, 4 from 1: joined through 2
            (4, ~a),                        // unrelated
            (5, ~a ^ (1UL << 63)),          // 1 bit from 4
            (6, 0x1234_5678_9ABC_DEF0),     // alone
        ];

        var representatives = NearDuplicateClustering.Cluster(fingerprints);

        Assert.Equal(new Dictionary<long, long> { [2] = 1, [3] = 1, [5] = 4 }, representatives);
    }

    [Fact]
    public void Cluster_DifferenceSpreadOverAllBands_IsNotJoined()
    {
        const ulong a = 0x0F0F_0F0F_0F0F_0F0F;
        var spread = a ^ 1UL ^ (1UL << 16) ^ (1UL << 32) ^ (1UL << 48);

        Assert.Empty(NearDuplicateClustering.Cluster([(1, a), (2, spread)]));
    }

    [Fact]
    public void UnionFind_Unions_RootIsSmallestMember()
    {
        var sets = new UnionFind(6);
        sets.Union(5, 3);
        sets.Union(3, 4);
        sets.Union(4, 1);

        Assert.Equal(1, sets.Find(5));
        Assert.False(sets.Union(5, 1));
        Assert.Equal(0, sets.Find(0));
    }

    private static string BuildArticle(int seed)
    {
        string[] words = ["river", "mountain", "quickly", "engine", "garden", "signal", "harbor", "lantern", "orbit", "meadow", "copper", "violin", "thunder", "pepper", "marble", "canyon"];
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var sentence = 0; sentence < 40; sentence++)
        {
            for (var word = 0; word < 12; word++)
            {
                text.Append(words[random.Next(words.Length)]).Append(word == 11 ? ". " : " ");
            }
        }

        return text.ToString();
    }
}
