namespace Strata.Core.Text;

/// <summary>
/// The steps of the original Porter algorithm over a lower-case ASCII word held in a span, in place.
/// <c>_k</c> is the index of the last character of the current word and <c>_j</c> the end of the stem
/// before a matched suffix, as in Porter's reference implementation.
/// </summary>
internal ref struct PorterBuffer
{
    private readonly Span<char> _b;
    private int _k;
    private int _j;

    public PorterBuffer(Span<char> buffer, int length)
    {
        _b = buffer;
        _k = length - 1;
        _j = 0;
    }

    /// <summary>Runs steps 1 to 5 and returns the length of the stem.</summary>
    public int Run()
    {
        if (_k <= 1)
        {
            return _k + 1;
        }

        Step1Ab();
        if (_k > 0)
        {
            Step1C();
            Step2();
            Step3();
            Step4();
            Step5();
        }

        return _k + 1;
    }

    private readonly bool IsConsonant(int i) => _b[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(i - 1),
        _ => true,
    };

    /// <summary>The measure m of the stem b[0..j]: the number of vowel-consonant sequences.</summary>
    private readonly int Measure()
    {
        var n = 0;
        var i = 0;
        while (true)
        {
            if (i > _j)
            {
                return n;
            }

            if (!IsConsonant(i))
            {
                break;
            }

            i++;
        }

        i++;
        while (true)
        {
            while (true)
            {
                if (i > _j)
                {
                    return n;
                }

                if (IsConsonant(i))
                {
                    break;
                }

                i++;
            }

            i++;
            n++;
            while (true)
            {
                if (i > _j)
                {
                    return n;
                }

                if (!IsConsonant(i))
                {
                    break;
                }

                i++;
            }

            i++;
        }
    }

    private readonly bool VowelInStem()
    {
        for (var i = 0; i <= _j; i++)
        {
            if (!IsConsonant(i))
            {
                return true;
            }
        }

        return false;
    }

    private readonly bool DoubleConsonant(int j) => j >= 1 && _b[j] == _b[j - 1] && IsConsonant(j);

    /// <summary>consonant-vowel-consonant ending at i, where the last consonant is not w, x or y.</summary>
    private readonly bool Cvc(int i)
    {
        if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2))
        {
            return false;
        }

        return _b[i] is not ('w' or 'x' or 'y');
    }

    private bool Ends(string s)
    {
        var length = s.Length;
        if (s[^1] != _b[_k] || length > _k + 1 || !_b.Slice(_k - length + 1, length).SequenceEqual(s))
        {
            return false;
        }

        _j = _k - length;
        return true;
    }

    private void SetTo(string s)
    {
        s.AsSpan().CopyTo(_b[(_j + 1)..]);
        _k = _j + s.Length;
    }

    private void ReplaceIfMeasured(string s)
    {
        if (Measure() > 0)
        {
            SetTo(s);
        }
    }

    private void Step1Ab()
    {
        if (_b[_k] == 's')
        {
            if (Ends("sses"))
            {
                _k -= 2;
            }
            else if (Ends("ies"))
            {
                SetTo("i");
            }
            else if (_b[_k - 1] != 's')
            {
                _k--;
            }
        }

        if (Ends("eed"))
        {
            if (Measure() > 0)
            {
                _k--;
            }
        }
        else if ((Ends("ed") || Ends("ing")) && VowelInStem())
        {
            _k = _j;
            if (Ends("at"))
            {
                SetTo("ate");
            }
            else if (Ends("bl"))
            {
                SetTo("ble");
            }
            else if (Ends("iz"))
            {
                SetTo("ize");
            }
            else if (DoubleConsonant(_k))
            {
                if (_b[_k] is not ('l' or 's' or 'z'))
                {
                    _k--;
                }
            }
            else if (Measure() == 1 && Cvc(_k))
            {
                _j = _k;
                SetTo("e");
            }
        }
    }

    private void Step1C()
    {
        if (Ends("y") && VowelInStem())
        {
            _b[_k] = 'i';
        }
    }

    private void Step2()
    {
        foreach (var (suffix, replacement) in PorterRules.Step2)
        {
            if (Ends(suffix))
            {
                ReplaceIfMeasured(replacement);
                return;
            }
        }
    }

    private void Step3()
    {
        foreach (var (suffix, replacement) in PorterRules.Step3)
        {
            if (Ends(suffix))
            {
                ReplaceIfMeasured(replacement);
                return;
            }
        }
    }

    private void Step4()
    {
        foreach (var suffix in PorterRules.Step4)
        {
            if (Ends(suffix))
            {
                if (suffix == "ion" && (_j < 0 || _b[_j] is not ('s' or 't')))
                {
                    return;
                }

                if (Measure() > 1)
                {
                    _k = _j;
                }

                return;
            }
        }
    }

    private void Step5()
    {
        _j = _k;
        if (_b[_k] == 'e')
        {
            _j = _k - 1;
            var m = Measure();
            if (m > 1 || (m == 1 && !Cvc(_k - 1)))
            {
                _k--;
            }
        }

        if (_b[_k] == 'l' && DoubleConsonant(_k))
        {
            _j = _k;
            if (Measure() > 1)
            {
                _k--;
            }
        }
    }
}
