using System.CommandLine;
using System.Globalization;

namespace KafkaDemo.Cli;

/// <summary>
/// Whole-number options checked while parsing, so that a value that is not a number and a number
/// out of range both end as one usage error (a validator would run on the failed conversion and throw).
/// </summary>
public static class NumberOptions
{
    /// <summary>Accepts whole numbers from <paramref name="minimum"/> to <paramref name="maximum"/>; <paramref name="defaultValue"/> when absent.</summary>
    public static Option<int> Within(this Option<int> option, int minimum, int maximum, int defaultValue)
    {
        option.DefaultValueFactory = _ => defaultValue;
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"'{text}' is not a whole number for {option.Name}.");
                return defaultValue;
            }

            if (value < minimum || value > maximum)
            {
                result.AddError(maximum == int.MaxValue
                    ? $"{option.Name} must be {minimum} or more."
                    : $"{option.Name} must be between {minimum} and {maximum}.");
            }

            return value;
        };
        return option;
    }
}
