namespace Strata.Core.Text;

/// <summary>
/// The suffix tables of the original Porter algorithm (steps 2, 3 and 4). Within a table the first
/// matching suffix wins, so a suffix always precedes any shorter suffix it ends with.
/// </summary>
internal static class PorterRules
{
    /// <summary>Step 2: (m &gt; 0) suffix → replacement.</summary>
    public static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ];

    /// <summary>Step 3: (m &gt; 0) suffix → replacement.</summary>
    public static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    /// <summary>Step 4: (m &gt; 1) suffix → nothing; <c>ion</c> only after <c>s</c> or <c>t</c>.</summary>
    public static readonly string[] Step4 =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
        "ism", "ate", "iti", "ous", "ive", "ize",
    ];
}
