using System.CommandLine;
using System.CommandLine.Parsing;
using KafkaDemo.Common;

namespace KafkaDemo.Cli;

/// <summary>
/// An option whose value is one member of <typeparamref name="TEnum"/>, typed by its kebab-case
/// name (<see cref="EnumNames"/>); any other value is a usage error listing the names.
/// </summary>
/// <remarks>
/// System.CommandLine would print an enum default as the member's name (<c>[default: EventType]</c>)
/// and its help builder cannot be customised from outside, so the option has no default value of
/// its own: the description carries <c>[default: event-type]</c> and <see cref="ValueIn(ParseResult)"/>
/// supplies the default when the option is absent.
/// </remarks>
public sealed class ChoiceOption<TEnum> : Option<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>The option <paramref name="name"/> (with <paramref name="aliases"/>), <paramref name="defaultValue"/> when not given.</summary>
    public ChoiceOption(string name, string[] aliases, string description, TEnum defaultValue)
        : base(name, aliases)
    {
        Default = defaultValue;
        Description = $"{description} [default: {EnumNames.NameOf(defaultValue)}]";
        // The name is checked by AcceptOnlyFromAmong (which also lists the names in help and
        // completions) before the parser maps it to its member.
        CustomParser = result => EnumNames.TryParse<TEnum>(result.Tokens[0].Value, out var value) ? value : defaultValue;
        AcceptOnlyFromAmong([.. EnumNames.Names<TEnum>()]);
    }

    /// <summary>The value when the option is not given.</summary>
    public TEnum Default { get; }

    /// <summary>The value given, or <see cref="Default"/>.</summary>
    public TEnum ValueIn(ParseResult parsed) => parsed.GetResult(this) is null ? Default : parsed.GetValue(this);

    /// <summary>The value given, or <see cref="Default"/>, for validators.</summary>
    public TEnum ValueIn(CommandResult result) => result.GetResult(this) is null ? Default : result.GetValue(this);
}
