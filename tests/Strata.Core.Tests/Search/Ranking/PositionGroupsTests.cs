using Strata.Core.Search.Ranking;
using Xunit;

namespace Strata.Core.Tests.Search.Ranking;

public sealed class PositionGroupsTests
{
    [Fact]
    public void CountPairs_RandomPositionLists_CountsEveryStartWhereBothWordsFollow()
    {
        var random = new Random(5);
        var total = 0;
        for (var round = 0; round < 2000; round++)
        {
            var lead = Positions(random, random.Next(0, 6));
            var other = Positions(random, random.Next(0, 40));
            var delta = random.Next(-3, 4);
            var expected = lead.Count(position => other.Contains(position + delta));

            var leadList = Body(lead, out var leadCursor);
            var otherList = Body(other, out _);
            Assert.Equal(expected, PositionGroups.CountPairs(ref leadList, ref otherList, delta));

            // The lists are left consistent: the tag group after the body is still read correctly.
            leadList.Enter(2);
            Assert.True(leadList.Next(out var tag));
            Assert.Equal(7, tag);
            Assert.Equal(lead.Length, leadCursor.Current.Body);
            total += expected;
        }

        Assert.True(total > 100, $"the random lists should meet often ({total})");
    }

    /// <summary>Distinct ascending positions in a short span, so two lists overlap often.</summary>
    private static int[] Positions(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(0, 60)).Distinct().Order()];

    /// <summary>One posting with the body positions given and one tag position (7), entered at the body group.</summary>
    private static PositionGroups Body(int[] body, out PostingCursor cursor)
    {
        var posting = new Posting(1, 0, body.Length, 1);
        cursor = new PostingCursor(PostingsCodec.Encode([posting]), PostingsCodec.EncodePositions([posting], [.. body, 7]));
        Assert.True(cursor.MoveNext());
        var groups = default(PositionGroups);
        groups.Start(cursor);
        groups.Enter(1);
        return groups;
    }
}
