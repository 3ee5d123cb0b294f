using Strata.Core.Search.Ranking;
using Xunit;

namespace Strata.Core.Tests.Search.Ranking;

public sealed class PostingsCodecTests
{
    private static readonly Posting[] Postings =
    [
        new(3, 0, 2, 0),
        new(4, 1, 0, 0),
        new(300, 0, 1, 2),
        new(1_000_000, 2, 200, 1),
    ];

    [Fact]
    public void Encode_ThenRead_ReturnsThePostings()
    {
        var data = PostingsCodec.Encode(Postings);

        var read = new List<Posting>();
        var reader = PostingsCodec.Read(data);
        while (reader.MoveNext())
        {
            read.Add(reader.Current);
        }

        Assert.Equal(Postings, read);
    }

    [Fact]
    public void DecodeWeighted_GeneratedPostings_SameAsReadingThemAndWeighting_ForTheOwnersDocumentsOnly()
    {
        var random = new Random(3);
        for (var round = 0; round < 200; round++)
        {
            var postings = new List<Posting>();
            var document = 0;
            for (var i = random.Next(1, 300); i > 0; i--)
            {
                document += 1 + random.Next(random.Next(2) == 0 ? 3 : 5000);
                var title = random.Next(6) == 0 ? random.Next(1, 300) : 0;
                var tags = random.Next(8) == 0 ? random.Next(1, 4) : 0;
                postings.Add(new Posting(document, title, title + tags == 0 ? random.Next(1, 200) : random.Next(0, 200), tags));
            }

            var owners = new int[document / 2 + 1]; // later documents are beyond the table: never live
            for (var i = 0; i < owners.Length; i++)
            {
                owners[i] = random.Next(3);
            }

            var data = PostingsCodec.Encode(postings);
            var documents = new int[data.Length / 2];
            var frequencies = new float[data.Length / 2];
            var count = PostingsCodec.DecodeWeighted(data, owners, 1, documents, frequencies);

            var expected = postings.Where(posting => posting.Document < owners.Length && owners[posting.Document] == 1).ToArray();
            Assert.Equal(expected.Select(posting => posting.Document), documents.Take(count));
            Assert.Equal(expected.Select(posting => Bm25.WeightedFrequency(posting.Title, posting.Body, posting.Tags)), frequencies.Take(count));
        }
    }

    [Fact]
    public void Encode_UnsortedDocuments_Throws()
    {
        Assert.Throws<ArgumentException>(() => PostingsCodec.Encode([new Posting(5, 0, 1, 0), new Posting(5, 0, 1, 0)]));
    }

    [Fact]
    public void Cursor_ReadsPositionsWhenAsked_AndSkipsThemOtherwise()
    {
        var positions = PositionsFor(Postings);
        var cursor = new PostingCursor(PostingsCodec.Encode(Postings), PostingsCodec.EncodePositions(Postings, positions));

        Assert.True(cursor.MoveTo(300)); // skips the first two postings' positions unread
        Assert.Equal(300, cursor.Current.Document);
        var into = new int[3];
        cursor.ReadPositions(into);
        Assert.Equal([0, 0, 1], into); // body 0, tags 0 and 1 (each column counts from 0)

        Assert.True(cursor.MoveNext());
        var last = new int[203];
        cursor.ReadPositions(last);
        Assert.Equal(0, last[0]);
        Assert.Equal(1, last[1]);
        Assert.Equal(Enumerable.Range(0, 200), last.Skip(2).Take(200));
        Assert.False(cursor.MoveNext());
        Assert.False(cursor.MoveTo(2_000_000));
    }

    [Fact]
    public void Cursor_MoveToPastTheEnd_ReturnsFalse()
    {
        var cursor = new PostingCursor(PostingsCodec.Encode(Postings), PostingsCodec.EncodePositions(Postings, PositionsFor(Postings)));

        Assert.True(cursor.MoveTo(4));
        Assert.Equal(4, cursor.Current.Document);
        Assert.False(cursor.MoveTo(1_000_001));
        Assert.False(cursor.MoveTo(5));
    }

    [Fact]
    public void PositionGroups_ReadPartOfAGroup_ThenTheNextGroupFromItsStart()
    {
        var cursor = new PostingCursor(PostingsCodec.Encode(Postings), PostingsCodec.EncodePositions(Postings, PositionsFor(Postings)));
        Assert.True(cursor.MoveTo(1_000_000));
        var groups = default(PositionGroups);
        groups.Start(cursor);

        groups.Enter(1); // passes over the two title positions unread
        Assert.Equal(200, groups.Left);
        Assert.True(groups.Next(out var first));
        Assert.True(groups.Next(out var second));
        Assert.Equal((0, 1), (first, second));
        groups.Enter(2); // leaves 198 body positions unread
        Assert.Equal(1, groups.Count(2));
        Assert.True(groups.Next(out var tag));
        Assert.Equal(0, tag);
        Assert.False(groups.Next(out _));

        Assert.False(cursor.MoveNext()); // the cursor skips the list by its length whatever was read of it
    }

    [Fact]
    public void PositionGroups_FollowTheCursor_WhenItSkipsPostingsUnread()
    {
        var cursor = new PostingCursor(PostingsCodec.Encode(Postings), PostingsCodec.EncodePositions(Postings, PositionsFor(Postings)));
        var groups = default(PositionGroups);
        Assert.True(cursor.MoveNext());
        groups.Start(cursor);
        groups.Enter(1);
        Assert.True(groups.Next(out _)); // part of the first posting's body read

        Assert.True(cursor.MoveTo(300));
        groups.Start(cursor);
        Assert.Equal((0, 1, 2), (groups.Count(0), groups.Count(1), groups.Count(2)));
        groups.Enter(2);
        Assert.True(groups.Next(out var first));
        Assert.True(groups.Next(out var second));
        Assert.Equal((0, 1), (first, second));
    }

    [Fact]
    public void EncodePositions_CountMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => PostingsCodec.EncodePositions(Postings, new int[3]));
    }

    /// <summary>Each column's positions as 0, 1, 2, … in that posting.</summary>
    private static int[] PositionsFor(IEnumerable<Posting> postings) =>
        postings.SelectMany(posting => Enumerable.Range(0, posting.Title).Concat(Enumerable.Range(0, posting.Body)).Concat(Enumerable.Range(0, posting.Tags))).ToArray();
}
