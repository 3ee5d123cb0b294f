using System.Globalization;
using Strata.Core.Text;
using Xunit;

namespace Strata.Core.Tests.Text;

public sealed class WordIdMapTests
{
    [Fact]
    public void GetOrAdd_KeepsTheFirstValue_ForShortAndLongWords()
    {
        var map = new WordIdMap(100);

        Assert.Equal(1, map.GetOrAdd("知识", 1));
        Assert.Equal(2, map.GetOrAdd("harbour", 2));
        Assert.Equal(1, map.GetOrAdd("知识", 9));
        Assert.Equal(2, map.GetOrAdd("harbour", 9));

        Assert.True(map.TryGetValue("harbour", out var harbour));
        Assert.Equal(2, harbour);
        Assert.False(map.TryGetValue("harbours", out _));
        Assert.False(map.TryGetValue("知", out _));
        Assert.False(map.TryGetValue("知识库", out _));
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public void GrowsPastItsFirstTable_AndStopsAddingWhenFull()
    {
        var map = new WordIdMap(20_000);
        for (var i = 0; i < 30_000; i++)
        {
            map.GetOrAdd(Word(i), i);
        }

        Assert.Equal(20_000, map.Count);
        Assert.True(map.IsFull);
        for (var i = 0; i < 30_000; i++)
        {
            Assert.Equal(i < 20_000, map.TryGetValue(Word(i), out var value));
            Assert.Equal(i < 20_000 ? i : 0, value);
        }
    }

    [Fact]
    public async Task ConcurrentReadersAndWriters_AgreeOnEveryWordsValue()
    {
        var map = new WordIdMap(100_000);
        var seen = new int[4][];
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            seen[worker] = new int[50_000];
            for (var i = 0; i < 50_000; i++)
            {
                // Every worker proposes its own value; all must end up with the one that won.
                var word = Word((i * 7919) % 50_000);
                seen[worker][(i * 7919) % 50_000] = map.TryGetValue(word, out var known) ? known : map.GetOrAdd(word, (worker * 1_000_000) + i);
            }
        })));

        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(map.TryGetValue(Word(i), out var value));
            Assert.All(seen, values => Assert.Equal(value, values[i]));
        }
    }

    private static string Word(int i) => (i % 3) switch
    {
        0 => i.ToString(CultureInfo.InvariantCulture),
        1 => "word" + i.ToString(CultureInfo.InvariantCulture),
        _ => ((char)(0x4E00 + (i % 20_000))).ToString() + (char)(0x4E00 + (i / 20_000)),
    };
}
