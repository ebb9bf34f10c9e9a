namespace KafkaDemo.Common.Filtering;

/// <summary>What part of a message a <see cref="MessageFilter"/> looks at.</summary>
public enum FilterTarget
{
    /// <summary>The key as shown: its UTF-8 text, or its JSON when a schema registry decoded it.</summary>
    Key,

    /// <summary>The value as shown: its text, the JSON rendering of a protobuf event, or a registry's decoded JSON.</summary>
    Value,

    /// <summary>The values of the headers with one name.</summary>
    Header,

    /// <summary>One field of the value's JSON, found by a dotted path.</summary>
    JsonField,
}
