namespace KafkaDemo.Common.Filtering;

/// <summary>
/// One filter expression, parsed and compiled: <c>[!]&lt;target&gt;&lt;op&gt;&lt;pattern&gt;</c>, where the
/// target is <c>key</c>, <c>value</c>, <c>header:&lt;name&gt;</c> or <c>json:&lt;dotted.path&gt;</c>, and
/// the operator <c>=</c> (glob), <c>~</c> (regular expression), or <c>!=</c> / <c>!~</c>, which
/// negate like a leading <c>!</c>. A text that is absent (no key, a tombstone, no such header or
/// field, a JSON null) matches no pattern, so only a negated filter lets it through.
/// </summary>
public sealed class MessageFilter
{
    private const string HeaderPrefix = "header:";
    private const string JsonPrefix = "json:";
    private static readonly char[] s_operators = ['=', '~'];

    private MessageFilter(string expression, FilterTarget target, string? name, TextPattern pattern, bool negated)
    {
        Expression = expression;
        Target = target;
        Name = name;
        Path = target == FilterTarget.JsonField ? name!.Split('.') : [];
        IsEventType = target == FilterTarget.JsonField && name == "event_type";
        Pattern = pattern;
        Negated = negated;
    }

    /// <summary>The expression as it was given.</summary>
    public string Expression { get; }

    /// <summary>What the filter looks at.</summary>
    public FilterTarget Target { get; }

    /// <summary>The header's name, or the JSON field's dotted path; null for the key and the value.</summary>
    public string? Name { get; }

    /// <summary>The JSON field's path, one name (or array index) per step; empty for other targets.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>True for <c>json:event_type</c>, which a decoder that already read the event type can answer without reading the JSON again.</summary>
    public bool IsEventType { get; }

    /// <summary>The compiled pattern.</summary>
    public TextPattern Pattern { get; }

    /// <summary>True when a message passes where the pattern does not match.</summary>
    public bool Negated { get; }

    /// <summary>Whether a message whose target reads <paramref name="text"/> (null: absent) passes.</summary>
    public bool Passes(string? text) => Negated != (text is not null && Pattern.IsMatch(text));

    /// <summary>The filter <c>json:event_type</c> equal to <paramref name="eventType"/>, taken literally: what <c>--event-type</c> means.</summary>
    public static MessageFilter ForEventType(string eventType) =>
        new($"{JsonPrefix}event_type={eventType}", FilterTarget.JsonField, "event_type", TextPattern.Exactly(eventType), negated: false);

    /// <summary>Parses and compiles <paramref name="expression"/>; null, with <paramref name="error"/> saying why, when it is not a filter.</summary>
    public static MessageFilter? Parse(string expression, out string? error)
    {
        var negated = expression.StartsWith('!');
        var rest = negated ? expression[1..] : expression;
        var at = rest.IndexOfAny(s_operators);
        if (at < 0)
        {
            error = "expected <target>=<glob> or <target>~<regex>, the target key, value, header:<name> or json:<path>";
            return null;
        }

        var left = rest[..at];
        if (left.EndsWith('!'))
        {
            if (negated)
            {
                error = "negate with a leading ! or with != / !~, not both";
                return null;
            }

            (negated, left) = (true, left[..^1]);
        }

        var (target, name) = ReadTarget(left, out error);
        if (error is not null)
        {
            return null;
        }

        var text = rest[(at + 1)..];
        var pattern = rest[at] == '=' ? TextPattern.FromGlob(text, out error) : TextPattern.FromRegex(text, out error);
        return pattern is null ? null : new MessageFilter(expression, target, name, pattern, negated);
    }

    private static (FilterTarget Target, string? Name) ReadTarget(string left, out string? error)
    {
        error = null;
        if (left == "key")
        {
            return (FilterTarget.Key, null);
        }

        if (left == "value")
        {
            return (FilterTarget.Value, null);
        }

        if (left.StartsWith(HeaderPrefix, StringComparison.Ordinal))
        {
            var name = left[HeaderPrefix.Length..];
            error = name.Length == 0 ? "header: needs a header name, as in header:source=demo" : null;
            return (FilterTarget.Header, name);
        }

        if (left.StartsWith(JsonPrefix, StringComparison.Ordinal))
        {
            var path = left[JsonPrefix.Length..];
            error = path.Split('.').Any(step => step.Length == 0) ? $"'{path}' is not a field path: names separated by single dots, as in json:note.author" : null;
            return (FilterTarget.JsonField, path);
        }

        error = $"unknown target '{left}': use key, value, header:<name> or json:<path>";
        return (FilterTarget.Key, null);
    }
}
