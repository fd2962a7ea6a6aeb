namespace Hyperion.FakeZocalo.Transport;

/// <summary>AMQP topic matching: words separated by dots, <c>*</c> matching exactly one word, <c>#</c> zero or more.</summary>
public static class TopicPattern
{
    /// <summary>Whether <paramref name="routingKey"/> matches the binding <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string routingKey) =>
        Match(pattern.Split('.'), 0, routingKey.Split('.'), 0);

    private static bool Match(string[] pattern, int p, string[] words, int w)
    {
        while (true)
        {
            if (p == pattern.Length)
            {
                return w == words.Length;
            }

            if (pattern[p] == "#")
            {
                // '#' takes zero or more words: try each split.
                for (var skip = w; skip <= words.Length; skip++)
                {
                    if (Match(pattern, p + 1, words, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (w == words.Length || (pattern[p] != "*" && !string.Equals(pattern[p], words[w], StringComparison.Ordinal)))
            {
                return false;
            }

            p++;
            w++;
        }
    }
}
