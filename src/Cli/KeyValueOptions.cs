using System.CommandLine;

namespace KafkaDemo.Cli;

/// <summary>Repeatable <c>name=value</c> options such as <c>-X linger.ms=20</c> and <c>--header trace-id=42</c>.</summary>
public static class KeyValueOptions
{
    /// <summary>Makes <paramref name="option"/> parse each token as <c>name=value</c>; the value may be empty.</summary>
    public static Option<KeyValuePair<string, string>[]> ParsedAsPairs(this Option<KeyValuePair<string, string>[]> option)
    {
        option.DefaultValueFactory = _ => [];
        option.CustomParser = result =>
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var token in result.Tokens)
            {
                var equals = token.Value.IndexOf('=');
                if (equals <= 0)
                {
                    result.AddError($"{option.Name} expects name=value, not '{token.Value}'.");
                    return [];
                }

                pairs.Add(KeyValuePair.Create(token.Value[..equals].Trim(), token.Value[(equals + 1)..]));
            }

            return [.. pairs];
        };
        return option;
    }
}
