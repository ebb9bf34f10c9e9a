using System.Text;
using System.Text.RegularExpressions;

namespace KafkaDemo.Common.Filtering;

/// <summary>
/// A pattern compiled once, then matched against many texts: a glob, which must match the whole
/// text (<c>*</c> any run of characters, <c>?</c> one character, <c>\</c> takes the next one
/// literally), or a .NET regular expression, which may match anywhere in it, as grep's does.
/// </summary>
public sealed class TextPattern
{
    // A glob without wildcards is compared as a string: the common case (one key, one event type)
    // then costs an ordinal comparison, not a regular expression.
    private readonly string? _literal;
    private readonly Regex? _regex;

    private TextPattern(string? literal, Regex? regex) => (_literal, _regex) = (literal, regex);

    /// <summary>True when <paramref name="text"/> matches.</summary>
    public bool IsMatch(string text) => _literal is not null ? string.Equals(text, _literal, StringComparison.Ordinal) : _regex!.IsMatch(text);

    /// <summary>A pattern that matches <paramref name="text"/> and nothing else.</summary>
    public static TextPattern Exactly(string text) => new(text, null);

    /// <summary>The glob <paramref name="glob"/>; null, with <paramref name="error"/>, when it ends in a lone backslash.</summary>
    public static TextPattern? FromGlob(string glob, out string? error)
    {
        error = null;
        var literal = new StringBuilder(glob.Length);
        var expression = new StringBuilder("\\A", glob.Length + 8);
        var wild = false;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '\\')
            {
                if (++i == glob.Length)
                {
                    error = "the glob ends in a lone \\ (write \\\\ for a backslash)";
                    return null;
                }

                c = glob[i];
            }
            else if (c is '*' or '?')
            {
                _ = expression.Append(c == '*' ? ".*" : ".");
                wild = true;
                continue;
            }

            _ = literal.Append(c);
            _ = expression.Append(Regex.Escape(c.ToString()));
        }

        // Non-backtracking: a glob's stars can never make one match take more than linear time.
        return wild
            ? new TextPattern(null, new Regex(expression.Append("\\z").ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))
            : new TextPattern(literal.ToString(), null);
    }

    /// <summary>The .NET regular expression <paramref name="pattern"/>; null, with <paramref name="error"/>, when it does not parse.</summary>
    public static TextPattern? FromRegex(string pattern, out string? error)
    {
        error = null;
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException ex)
        {
            error = $"not a regular expression: {ex.Message.TrimEnd('.')}";
            return null;
        }

        // The non-backtracking engine answers IsMatch alike in time linear in the text, so no
        // pattern can stall the Consumer on one message; only backreferences and lookarounds,
        // which it lacks, are left to the backtracking engine.
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
        }

        return new TextPattern(null, regex);
    }
}
