using System.Text;
using KafkaDemo.Common.Events;
using KafkaDemo.Producer.Keys;

namespace KafkaDemo.Producer.Sources;

/// <summary>The demo's note events, numbered from 1, in the chosen format and key strategy.</summary>
public sealed class GeneratedEvents(ProducerOptions options) : IMessageSource
{
    private readonly KeyValuePair<string, byte[]?>[] _headers =
        [KeyValuePair.Create<string, byte[]?>(Common.ContentTypes.HeaderName, Encoding.UTF8.GetBytes(NoteEventEncoder.ContentTypeOf(options.Format)))];

    private long _next;

    /// <inheritdoc />
    public long Rejected => 0;

    /// <inheritdoc />
    public bool TryNext(out OutgoingMessage message)
    {
        var id = Interlocked.Increment(ref _next);
        if ((options.Count != 0 && id > options.Count) || id > int.MaxValue)
        {
            message = null!;
            return false;
        }

        var note = NoteEventFactory.Create((int)id);
        message = new OutgoingMessage(
            MessageKeys.For(options.KeyStrategy, options.FixedKey, note.EventType),
            NoteEventEncoder.Encode(note, options.Format),
            _headers,
            options.Partition,
            null,
            note.EventType,
            id);
        return true;
    }
}
