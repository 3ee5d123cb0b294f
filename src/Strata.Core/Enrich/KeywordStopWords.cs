namespace Strata.Core.Enrich;

/// <summary>
/// Words that never start, end or make a keyword: function words of English, French, German and Spanish (as the
/// tokenizer normalises them: lower-case, diacritics folded, apostrophes dropped), web debris, and the Chinese
/// function characters whose bigrams are never content words.
/// </summary>
internal static class KeywordStopWords
{
    private static readonly HashSet<string> Words = new(
        ("a about above after again against all also am an and any are arent as at be because been before being below between both but by can cant " +
        "cannot could couldnt did didnt do does doesnt doing dont down during each either else even ever every few for from further get gets got had hadnt has " +
        "hasnt have havent having he hed hell hes her here heres hers herself him himself his how hows however i id ill im ive if in into is isnt it its " +
        "itself just lets like may me might more most much must mustnt my myself neither no nor not now of off often on once one only or other ought our ours " +
        "ourselves out over own per quite rather really same shall shant she shed shell shes should shouldnt since so some such than that thats the their " +
        "theirs them themselves then there theres these they theyd theyll theyre theyve this those though through thus to too under until up upon us use used " +
        "using very via was wasnt we wed well were weve werent what whats when whens where wheres whether which while who whos whom whose why whys will with " +
        "within without wont would wouldnt yes yet you youd youll youre youve your yours yourself yourselves also many new two three first last next " +
        "make makes made see seen way ways thing things lot lots need needs want wants say says said go goes going know let still back around " +
        "http https www com org net html htm php aspx amp nbsp eg ie etc vs " +
        "le la les de des du et est un une en dans que qui pour pas sur au aux avec ce cette ces sont il elle ils elles nous vous je tu ne mais ou plus se " +
        "par etre tres leur leurs ont son sa ses mon ma mes ton ta tes lui fait comme tout tous " +
        "der die das und ist nicht ein eine einen einem einer zu den dem des mit sich auf fur auch es im von sie wir ich wird sind werden oder aber wie bei " +
        "nach noch uber als am aus um so nur war hat haben kann vor durch zum zur dass wenn man " +
        "el los las que y un una es por con para del al se no lo como mas pero sus su esta este son muy tambien hay ser fue ya entre cuando sin sobre " +
        "todo todos le les ha han desde donde").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private static readonly HashSet<char> ChineseFunctionCharacters = [.. "的了是在和也就都而及与这那你我他她它们之其或但并把被很吗呢吧啊么着"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longer words are never in <see cref="Words"/>, so they are not looked up (most keywords are longer).</summary>
    private static readonly int LongestWord = Words.Max(word => word.Length);

    /// <summary>Whether a normalised word is a stop word (or too short or all digits to be a keyword).</summary>
    public static bool IsStopWord(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || (word.Length <= LongestWord && WordLookup.Contains(word)))
        {
            return true;
        }

        foreach (var character in word)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a CJK bigram contains a function character (such bigrams straddle words or are grammar).</summary>
    public static bool IsStopBigram(ReadOnlySpan<char> bigram)
    {
        foreach (var character in bigram)
        {
            if (ChineseFunctionCharacters.Contains(character))
            {
                return true;
            }
        }

        return bigram.Length < 2;
    }
}
