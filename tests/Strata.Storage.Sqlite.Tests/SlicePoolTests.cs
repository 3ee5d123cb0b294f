using Strata.Storage.Sqlite.Ranking;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class SlicePoolTests
{
    [Fact]
    public void InterleavedLists_ReadBackExactly_AcrossSliceLevelsAndPages()
    {
        // 300 lists appended in random turns, some long enough to reach the largest slices and fill several pages.
        var random = new Random(3);
        var pool = new SlicePool();
        var chains = new SegmentBuilder.TermChain[300];
        Array.Fill(chains, SlicePool.EmptyChain);
        var expected = Enumerable.Range(0, chains.Length).Select(_ => new List<int>()).ToArray();
        for (var record = 0; record < 60_000; record++)
        {
            var list = random.Next(10) == 0 ? random.Next(3) : random.Next(chains.Length);
            var positions = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next()).ToArray();
            var values = new[] { record, random.Next(5), random.Next(5), random.Next(5) };
            pool.Append(ref chains[list], values[0], values[1], values[2], values[3], positions);
            expected[list].AddRange(values);
            expected[list].AddRange(positions);
        }

        Assert.True(expected.Sum(list => list.Count) > 4 * 65_536, "the lists should span several pages");
        for (var list = 0; list < chains.Length; list++)
        {
            var reader = pool.Read(chains[list]);
            var actual = new List<int>();
            while (reader.TryRead(out var value))
            {
                actual.Add(value);
            }

            Assert.Equal(expected[list], actual);
        }
    }

    [Fact]
    public void EmptyList_ReadsNothing()
    {
        var pool = new SlicePool();
        var reader = pool.Read(SlicePool.EmptyChain);

        Assert.False(reader.TryRead(out _));
    }
}
