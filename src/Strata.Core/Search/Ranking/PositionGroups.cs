namespace Strata.Core.Search.Ranking;

/// <summary>
/// Decodes one posting's position list lazily, group by group (title, body, tags), value by value: a phrase check
/// stops reading a common word's long body list as soon as the rarer word's positions are used up.
/// </summary>
public struct PositionGroups
{
    private byte[] _data;
    private int _offset;
    private int _title;
    private int _body;
    private int _tags;
    private int _value;

    /// <summary>The group being read (0 title, 1 body, 2 tags).</summary>
    public int Group { get; private set; }

    /// <summary>Positions left unread in <see cref="Group"/>.</summary>
    public int Left { get; private set; }

    /// <summary>Starts reading the cursor's current posting's positions.</summary>
    public void Start(PostingCursor cursor)
    {
        _data = cursor.Positions;
        _offset = cursor.PositionsStart;
        (_title, _body, _tags) = (cursor.Current.Title, cursor.Current.Body, cursor.Current.Tags);
        Group = 0;
        Left = _title;
        _value = 0;
    }

    /// <summary>How many positions the posting has in <paramref name="group"/>.</summary>
    public readonly int Count(int group) => group switch { 0 => _title, 1 => _body, _ => _tags };

    /// <summary>Moves to the start of <paramref name="group"/>, passing over what is left of the groups before it.</summary>
    public void Enter(int group)
    {
        while (Group < group)
        {
            for (; Left > 0; Left--)
            {
                PostingsCodec.ReadVarint(_data, ref _offset);
            }

            Group++;
            Left = Count(Group);
            _value = 0;
        }
    }

    /// <summary>The next position in the current group; false when the group is used up.</summary>
    public bool Next(out int position)
    {
        if (Left == 0)
        {
            position = 0;
            return false;
        }

        Left--;
        _value += (int)PostingsCodec.ReadVarint(_data, ref _offset);
        position = _value;
        return true;
    }
}
