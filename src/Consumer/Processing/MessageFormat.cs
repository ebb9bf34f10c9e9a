using System.Globalization;
using System.Text;
using Confluent.Kafka;
using KafkaDemo.Common.Encodings;

namespace KafkaDemo.Consumer.Processing;

/// <summary>
/// <c>--format</c>: each message written through a kcat-style format string. <c>%t</c> topic,
/// <c>%p</c> partition, <c>%o</c> offset, <c>%k</c> key, <c>%s</c> value, <c>%K</c> and <c>%S</c>
/// their lengths in bytes (-1 for null), <c>%T</c> timestamp in milliseconds (-1 when there is none),
/// <c>%h</c> headers as <c>name=value,…</c>, <c>%i</c> and <c>%I</c> the schema id of a
/// schema-registry framed value and key (empty when not framed), <c>%%</c> a percent sign; <c>\n</c>, <c>\r</c>,
/// <c>\t</c> and <c>\\</c> escapes. As in kcat, nothing is added: end the format with <c>\n</c>.
/// Keys and values are written in their encodings (UTF-8 text by default, hex or base64), or as
/// their JSON when a schema registry decoded them; header values as UTF-8 text.
/// </summary>
public sealed class MessageFormat
{
    private readonly IReadOnlyList<Func<ConsumeResult<byte[], byte[]>, ConsumedMessage?, KeyValueEncodings, string>> _parts;

    private MessageFormat(IReadOnlyList<Func<ConsumeResult<byte[], byte[]>, ConsumedMessage?, KeyValueEncodings, string>> parts) => _parts = parts;

    /// <summary>Parses <paramref name="format"/>; null with <paramref name="error"/> set for an unknown token or escape.</summary>
    public static MessageFormat? Parse(string format, out string? error)
    {
        var parts = new List<Func<ConsumeResult<byte[], byte[]>, ConsumedMessage?, KeyValueEncodings, string>>();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c is not ('%' or '\\'))
            {
                literal.Append(c);
                continue;
            }

            if (i + 1 == format.Length)
            {
                error = $"'{c}' at the end of the format needs a letter after it";
                return null;
            }

            var next = format[++i];
            if (c == '\\')
            {
                char? escaped = next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '\\' => '\\', _ => null };
                if (escaped is null)
                {
                    error = $"unknown escape '\\{next}' (use \\n, \\r, \\t or \\\\)";
                    return null;
                }

                literal.Append(escaped.Value);
                continue;
            }

            if (next == '%')
            {
                literal.Append('%');
                continue;
            }

            var token = Token(next);
            if (token is null)
            {
                error = $"unknown token '%{next}' (use %t %p %o %k %s %K %S %T %h %i %I or %%)";
                return null;
            }

            if (literal.Length > 0)
            {
                var text = literal.ToString();
                parts.Add((_, _, _) => text);
                literal.Clear();
            }

            parts.Add(token);
        }

        if (literal.Length > 0)
        {
            var text = literal.ToString();
            parts.Add((_, _, _) => text);
        }

        error = null;
        return new MessageFormat(parts);
    }

    /// <summary>
    /// The text for <paramref name="result"/>, with the JSON and schema ids of <paramref name="message"/>
    /// when it is given, and <c>%k</c> and <c>%s</c> in <paramref name="encodings"/> (text by default).
    /// </summary>
    public string Render(ConsumeResult<byte[], byte[]> result, ConsumedMessage? message = null, KeyValueEncodings encodings = default) =>
        string.Concat(_parts.Select(part => part(result, message, encodings)));

    private static Func<ConsumeResult<byte[], byte[]>, ConsumedMessage?, KeyValueEncodings, string>? Token(char letter) => letter switch
    {
        't' => (r, _, _) => r.Topic,
        'p' => (r, _, _) => Number(r.Partition.Value),
        'o' => (r, _, _) => Number(r.Offset.Value),
        'k' => (r, m, e) => ShownParts.Key(r, m, e.Key) ?? string.Empty,
        's' => (r, m, e) => ShownParts.Value(r, m, e.Value) ?? string.Empty,
        'K' => (r, _, _) => Number(r.Message.Key?.Length ?? -1),
        'S' => (r, _, _) => Number(r.Message.Value?.Length ?? -1),
        'T' => (r, _, _) => Number(r.Message.Timestamp.Type == TimestampType.NotAvailable ? -1 : r.Message.Timestamp.UnixTimestampMs),
        'h' => (r, _, _) => string.Join(',', (r.Message.Headers ?? []).Select(h => $"{h.Key}={Text(h.GetValueBytes())}")),
        'i' => (_, m, _) => SchemaId(m?.ValueSchema),
        'I' => (_, m, _) => SchemaId(m?.KeySchema),
        _ => null,
    };

    private static string SchemaId(Common.SchemaRegistry.RegistryData? schema) =>
        schema is null ? string.Empty : schema.SchemaId is { } id ? Number(id) : schema.SchemaGuid.ToString()!;

    private static string Text(byte[]? bytes) => bytes is null ? string.Empty : Encoding.UTF8.GetString(bytes);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
