using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaDemo.Cli;

/// <summary>Durations on the command line: <c>250ms</c>, <c>5s</c>, <c>2m</c>, <c>1h</c>, or a bare number of seconds.</summary>
public static partial class Durations
{
    /// <summary>Parses <paramref name="text"/>; null when it is not a non-negative duration.</summary>
    public static TimeSpan? Parse(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        (string number, double scale) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 1.0),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1000.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60_000.0),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], 3_600_000.0),
            _ => (trimmed, 1000.0),
        };

        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || double.IsInfinity(value * scale) || value * scale > int.MaxValue)
        {
            return null;
        }

        return TimeSpan.FromMilliseconds(value * scale);
    }

    /// <summary>Makes an optional duration option parse its value with <see cref="Parse"/>.</summary>
    public static Option<TimeSpan?> ParsedAsDuration(this Option<TimeSpan?> option)
    {
        option.CustomParser = result => ParseToken(result, option.Name);
        return option;
    }

    /// <summary>
    /// Makes a duration option parse its value with <see cref="Parse"/>, with a default and,
    /// optionally, a smallest accepted value.
    /// </summary>
    public static Option<TimeSpan> ParsedAsDuration(this Option<TimeSpan> option, TimeSpan defaultValue, TimeSpan? minimum = null)
    {
        option.CustomParser = result =>
        {
            var parsed = ParseToken(result, option.Name);
            if (parsed < minimum)
            {
                result.AddError($"{option.Name} must be at least {Format(minimum.Value)}.");
            }

            return parsed ?? defaultValue;
        };
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary>Formats a duration the way <see cref="Parse"/> reads it, for help texts and messages.</summary>
    public static string Format(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        var ms when ms % 3_600_000 == 0 && ms > 0 => $"{ms / 3_600_000}h",
        var ms when ms % 60_000 == 0 && ms > 0 => $"{ms / 60_000}m",
        var ms when ms % 1000 == 0 => $"{ms / 1000}s",
        var ms => $"{ms}ms",
    };

    /// <summary>
    /// <paramref name="helpText"/> with every default shown as a <see cref="TimeSpan"/>
    /// (<c>[default: 00:00:30]</c>) written as <see cref="Format"/> writes it (<c>[default: 30s]</c>).
    /// </summary>
    public static string AsTypedInHelp(string helpText) => HelpDefault().Replace(helpText, match =>
    {
        var text = match.Groups["value"].Value;
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration)
            ? $"[default:{match.Groups["space"].Value}{Format(duration)}]"
            : match.Value;
    });

    // "[default: 00:00:30]", "[default: 1.00:00:00]" or "[default: 00:00:00.2500000]"; the help may
    // wrap a line between the label and the value, so any whitespace may stand between them.
    [GeneratedRegex(@"\[default:(?<space>\s+)(?<value>(?:\d+\.)?\d\d:\d\d:\d\d(?:\.\d+)?)\]")]
    private static partial Regex HelpDefault();

    private static TimeSpan? ParseToken(System.CommandLine.Parsing.ArgumentResult result, string optionName)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var parsed = Parse(text);
        if (parsed is null)
        {
            result.AddError($"'{text}' is not a valid duration for {optionName}: use e.g. 500ms, 5s or 2m.");
        }

        return parsed;
    }
}
