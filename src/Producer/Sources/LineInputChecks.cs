using System.CommandLine.Parsing;
using KafkaDemo.Common.Encodings;

namespace KafkaDemo.Producer.Sources;

/// <summary>The checks on how <c>--input</c> lines are read (encodings, headers), run by the parser before any action.</summary>
internal static class LineInputChecks
{
    // A validator sees only what was typed: an absent option reads as default(T), not its default value.
    public static void Check(ProducerCommandDefinition d, CommandResult result)
    {
        var readsLines = result.GetResult(d.Input) is not null && d.InputFormat.ValueIn(result) == InputFormat.Lines;
        var key = d.Encodings.Key.ValueIn(result);
        var value = d.Encodings.Value.ValueIn(result);
        foreach (var (option, encoding) in new[] { (d.Encodings.Key, key), (d.Encodings.Value, value) })
        {
            if (encoding != ByteEncoding.Text && !readsLines)
            {
                result.AddError($"{option.Name} applies to --input with --input-format lines (jsonl envelopes name their own encoding).");
            }
        }

        if (key != ByteEncoding.Text && result.GetResult(d.KeySeparator) is null)
        {
            result.AddError("--key-encoding reads the key before --key-separator: give --key-separator.");
        }

        if (key != ByteEncoding.Text && (result.GetResult(d.Schemas.KeySchema) ?? result.GetResult(d.Schemas.KeySchemaId)) is not null)
        {
            result.AddError("--key-encoding sends the key's bytes as they are; --key-schema encodes JSON: give one of them.");
        }

        if (value != ByteEncoding.Text && (result.GetResult(d.Schemas.ValueSchema) ?? result.GetResult(d.Schemas.ValueSchemaId)) is not null)
        {
            result.AddError("--value-encoding sends the value's bytes as they are; --value-schema encodes JSON: give one of them.");
        }

        CheckHeaders(d, result, readsLines);
    }

    private static void CheckHeaders(ProducerCommandDefinition d, CommandResult result, bool readsLines)
    {
        var options = d.LineHeaders;
        if (!result.GetValue(options.Parse))
        {
            foreach (var separator in new[] { options.Delimiter, options.Separator, options.KeySeparator }.Where(o => result.GetResult(o) is not null))
            {
                result.AddError($"{separator.Name} needs --parse-headers.");
            }

            return;
        }

        if (!readsLines)
        {
            result.AddError("--parse-headers applies to --input with --input-format lines (jsonl envelopes carry their headers).");
        }

        var format = options.Format(o => result.GetValue(o));
        var named = new[] { (options.Delimiter.Name, format.Delimiter), (options.Separator.Name, format.Separator), (options.KeySeparator.Name, format.KeySeparator) };
        foreach (var (name, text) in named.Where(n => n.Item2.Length == 0))
        {
            result.AddError($"{name} cannot be empty.");
        }

        // As kafka-console-producer checks: two equal separators would make a line ambiguous.
        for (var i = 0; i < named.Length; i++)
        {
            for (var j = i + 1; j < named.Length; j++)
            {
                if (named[i].Item2 == named[j].Item2)
                {
                    result.AddError($"{named[i].Name} and {named[j].Name} cannot be the same text.");
                }
            }

            if (result.GetValue(d.NullMarker) == named[i].Item2)
            {
                result.AddError($"--null-marker and {named[i].Name} cannot be the same text.");
            }
        }
    }
}
