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

    /// <summary>
    /// How many positions p of <paramref name="lead"/>'s current group have <paramref name="other"/>'s current group
    /// holding p + <paramref name="delta"/> (a two-word phrase): one merge over both lists in local variables, read
    /// only as far as the lead's positions reach. Both are left where the merge stopped.
    /// </summary>
    public static int CountPairs(ref PositionGroups lead, ref PositionGroups other, int delta)
    {
        ReadOnlySpan<byte> leadData = lead._data;
        ReadOnlySpan<byte> otherData = other._data;
        int leadOffset = lead._offset, leadLeft = lead.Left, leadValue = lead._value;
        int otherOffset = other._offset, otherLeft = other.Left, otherValue = other._value;
        var current = int.MinValue;
        var count = 0;
        while (leadLeft > 0)
        {
            leadLeft--;
            leadValue += (int)PostingsCodec.ReadVarint(leadData, ref leadOffset);
            var target = leadValue + delta;
            while (current < target && otherLeft > 0)
            {
                otherLeft--;
                otherValue += (int)PostingsCodec.ReadVarint(otherData, ref otherOffset);
                current = otherValue;
            }

            if (current == target)
            {
                count++;
            }
            else if (current < target)
            {
                break; // the other list is used up below this start
            }
        }

        (lead._offset, lead.Left, lead._value) = (leadOffset, leadLeft, leadValue);
        (other._offset, other.Left, other._value) = (otherOffset, otherLeft, otherValue);
        return count;
    }
}
