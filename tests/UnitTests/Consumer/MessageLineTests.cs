using System.Text;
using KafkaDemo.Common.Decoding;
using KafkaDemo.Consumer;

namespace KafkaDemo.UnitTests.Consumer;

public class MessageLineTests
{
    private static ConsumedMessage Message(string? key, string? value, string? contentType = null, params (string, string)[] extraHeaders)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (contentType is not null)
        {
            headers.Add(KeyValuePair.Create("content-type", contentType));
        }

        headers.AddRange(extraHeaders.Select(h => KeyValuePair.Create(h.Item1, h.Item2)));
        var decoded = MessageDecoder.Decode(value is null ? null : Encoding.UTF8.GetBytes(value), contentType);
        return new ConsumedMessage("notes-topic", 1, 42, key, decoded, headers);
    }

    [Fact]
    public void A_json_event_has_the_shape_users_grep_for()
    {
        var line = MessageLine.Format(Message("note_created", """{"id":1,"event_type":"note_created","text":"hi"}""", "application/json"));

        Assert.Equal("""✅ JSON (note_created) | key=note_created | partition=1 | offset=42 → {"id":1,"event_type":"note_created","text":"hi"}""", line);
    }

    [Fact]
    public void Plain_text_has_the_package_shape()
    {
        Assert.Equal("📦 Plain | key=k | partition=1 | offset=42 → hello there", MessageLine.Format(Message("k", "hello there")));
    }

    [Fact]
    public void A_missing_key_is_shown_as_none()
    {
        Assert.StartsWith("📦 Plain | key=(none) |", MessageLine.Format(Message(null, "x")));
    }

    [Fact]
    public void A_tombstone_has_no_arrow()
    {
        Assert.Equal("🪦 Tombstone | key=note-7 | partition=1 | offset=42", MessageLine.Format(Message("note-7", null)));
    }

    [Fact]
    public void An_invalid_event_says_why()
    {
        var line = MessageLine.Format(Message("k", """{"id":1}"""));

        Assert.Equal("""⚠️ Invalid | key=k | partition=1 | offset=42 (missing field event_type) → {"id":1}""", line);
    }

    [Fact]
    public void Headers_other_than_content_type_are_shown()
    {
        var line = MessageLine.Format(Message("k", "v", "text/plain", ("trace-id", "abc")));

        Assert.Equal("📦 Plain | key=k | partition=1 | offset=42 | headers=trace-id:abc → v", line);
    }

    [Fact]
    public void A_content_type_header_is_left_out_wherever_it_stands_among_the_others()
    {
        var line = MessageLine.Format(Message("k", "v", null, ("trace-id", "abc"), ("Content-Type", "text/plain"), ("tenant", "t1")));

        Assert.Equal("📦 Plain | key=k | partition=1 | offset=42 | headers=trace-id:abc,tenant:t1 → v", line);
    }

    [Fact]
    public void Two_content_type_headers_and_nothing_else_show_no_headers()
    {
        var line = MessageLine.Format(Message("k", "v", "text/plain", ("content-type", "text/plain")));

        Assert.Equal("📦 Plain | key=k | partition=1 | offset=42 → v", line);
    }

    [Fact]
    public void A_multi_line_payload_stays_on_one_line()
    {
        var line = MessageLine.Format(Message("k\n2", "a\nb\u001b[2J"));

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\u001b', line);
        Assert.EndsWith(@"→ a\nb\u001b[2J", line);
    }
}
