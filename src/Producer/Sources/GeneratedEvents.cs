using System.Text;
using KafkaDemo.Common.Events;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer.SchemaRegistry;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer.Sources;

/// <summary>
/// The demo's note events, numbered from 1, in the chosen format and key strategy. With a value
/// schema, each event's JSON form is encoded with it and carries no content-type header (the frame
/// names the schema, as Confluent's serializers do); an event that does not fit is reported and skipped.
/// </summary>
public sealed class GeneratedEvents(ProducerOptions options, ILogger logger) : IMessageSource
{
    private readonly KeyValuePair<string, byte[]?>[] _headers = options.Encoders?.Value is not null
        ? []
        : [KeyValuePair.Create<string, byte[]?>(Common.ContentTypes.HeaderName, Encoding.UTF8.GetBytes(NoteEventEncoder.ContentTypeOf(options.Format)))];

    private long _next;
    private long _rejected;

    /// <inheritdoc />
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <inheritdoc />
    public bool TryNext(out OutgoingMessage message)
    {
        while (true)
        {
            var id = Interlocked.Increment(ref _next);
            if ((options.Count != 0 && id > options.Count) || id > int.MaxValue)
            {
                message = null!;
                return false;
            }

            var note = NoteEventFactory.Create((int)id);
            var key = MessageKeys.For(options.KeyStrategy, options.FixedKey, note.EventType);
            var value = NoteEventEncoder.Encode(note, options.Encoders?.Value is null ? options.Format : NoteEventFormat.Json);
            if (options.Encoders is { } encoders && !TryEncode(encoders, id, ref key, ref value))
            {
                continue;
            }

            message = new OutgoingMessage(key, value, _headers, options.Partition, null, note.EventType, id);
            return true;
        }
    }

    private bool TryEncode(SchemaEncoders encoders, long id, ref byte[]? key, ref byte[] value)
    {
        var error = "";
        var fits = (encoders.Key is null || key is null || SchemaKeys.TryEncode(encoders.Key, null, key, out key, out error))
            && (encoders.Value is null || encoders.Value.TryEncode(Encoding.UTF8.GetString(value), out value, out error));
        if (!fits)
        {
            Interlocked.Increment(ref _rejected);
            logger.LogError("Event {Id} skipped: it does not fit the schema: {Reason}", id, error);
        }

        return fits;
    }
}
