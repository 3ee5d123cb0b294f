namespace Strata.Sources.Http;

/// <summary>
/// Path normalization and pattern matching for robots.txt (RFC 9309 §2.2.2–2.2.3). Both sides are brought to one form
/// before comparing: non-ASCII characters percent-encoded as UTF-8, escapes of unreserved characters decoded, other
/// escapes in upper case. In patterns <c>*</c> matches any run of characters and a final <c>$</c> anchors the end.
/// Pure and thread-safe.
/// </summary>
internal static class RobotsPatterns
{
    private const string Unreserved = "-._~";

    /// <summary>The comparable form of a URL path (with query) or a rule's pattern; an empty path becomes <c>/</c>.</summary>
    public static string Normalize(string value, bool isPattern)
    {
        if (value.Length == 0)
        {
            return isPattern ? value : "/";
        }

        var result = new System.Text.StringBuilder(value.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                var decoded = (char)Convert.ToByte(value.Substring(i + 1, 2), 16);
                if (IsUnreserved(decoded))
                {
                    result.Append(decoded);
                }
                else
                {
                    result.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                }

                i += 2;
            }
            else if (c > 0x7F)
            {
                var length = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
                var count = System.Text.Encoding.UTF8.GetBytes(value.AsSpan(i, length), utf8);
                foreach (var b in utf8[..count])
                {
                    result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }

                i += length - 1;
            }
            else
            {
                result.Append(c);
            }
        }

        return !isPattern && result[0] != '/' ? "/" + result : result.ToString();
    }

    /// <summary>
    /// True when normalized <paramref name="path"/> matches normalized <paramref name="pattern"/> from its start.
    /// Runs in O(path × pattern) time whatever the wildcards, so hostile files cannot make it explode.
    /// </summary>
    public static bool Matches(string path, string pattern)
    {
        if (pattern.AsSpan().IndexOfAny('*', '$') < 0)
        {
            return path.StartsWith(pattern, StringComparison.Ordinal);
        }

        // The set of path positions the pattern so far can end at, kept sorted (after Google's robots.txt matcher).
        var positions = new int[path.Length + 1];
        var count = 1;
        for (var p = 0; p < pattern.Length; p++)
        {
            var c = pattern[p];
            if (c == '$' && p == pattern.Length - 1)
            {
                return positions[count - 1] == path.Length;
            }

            if (c == '*')
            {
                count = path.Length - positions[0] + 1;
                for (var j = 1; j < count; j++)
                {
                    positions[j] = positions[j - 1] + 1;
                }

                continue;
            }

            var kept = 0;
            for (var j = 0; j < count; j++)
            {
                if (positions[j] < path.Length && path[positions[j]] == c)
                {
                    positions[kept++] = positions[j] + 1;
                }
            }

            if (kept == 0)
            {
                return false;
            }

            count = kept;
        }

        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || Unreserved.Contains(c, StringComparison.Ordinal);
}
