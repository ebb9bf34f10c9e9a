using System.CommandLine;
using KafkaDemo.Common.Filtering;

namespace KafkaDemo.Consumer.Filters;

/// <summary>
/// <c>--filter</c> and its shorthand <c>--event-type</c>: which messages are shown. Each
/// expression is parsed and its pattern compiled here, once; a bad one is a usage error naming it.
/// </summary>
public sealed class FilterOptions
{
    public Option<string?> EventType { get; } = new("--event-type", "-e")
    {
        Description = "Show only events of this type (e.g. note_created), exactly: a shorthand for --filter json:event_type=<type>; other messages are counted as filtered out",
        HelpName = "type",
    };

    public Option<MessageFilter[]> Filter { get; } = new("--filter")
    {
        Description = "Show only messages that pass this filter (repeatable, all must pass): key, value, header:<name> or json:<dotted.path>, "
            + "then = a glob (* ?, whole text) or ~ a .NET regex (anywhere); a leading ! (or != / !~) negates, e.g. 'key=user-*', '!header:source~^test'",
        HelpName = "expr",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
        CustomParser = result =>
        {
            var filters = new List<MessageFilter>();
            foreach (var token in result.Tokens)
            {
                if (MessageFilter.Parse(token.Value, out var error) is { } filter)
                {
                    filters.Add(filter);
                }
                else
                {
                    result.AddError($"--filter '{token.Value}': {error}.");
                    break;
                }
            }

            return [.. filters];
        },
    };
}
