using System.CommandLine;
using System.CommandLine.Parsing;
using KafkaDemo.Cli;

namespace KafkaDemo.Consumer.Store;

/// <summary>The root's <c>--store</c>: a target parsed from the flag, else from its environment variable.</summary>
internal static class StoreOption
{
    /// <summary>Declares <c>--store</c>, falling back to <paramref name="variable"/> through <paramref name="environment"/>.</summary>
    public static Option<StoreTarget?> Create(string variable, Func<string, string?> environment) => new Option<StoreTarget?>("--store")
    {
        Description = "Keep consumed events, exactly once, with their offsets in sqlite:<path> or PostgreSQL (postgres://user:password@host:port/db, or an Npgsql connection string)",
        HelpName = "target",
        // Neither error quotes the value: it may hold a password.
        CustomParser = result => StoreTarget.Parse(result.Tokens[0].Value, out var error) ?? Rejected(result, $"--store: {error}."),
        DefaultValueFactory = result => environment(variable) is { } text && !string.IsNullOrWhiteSpace(text)
            ? StoreTarget.Parse(text, out var error) ?? Rejected(result, $"Environment variable {variable}: {error}.")
            : null,
    }.DescribeFallback(variable, environment);

    private static StoreTarget? Rejected(ArgumentResult result, string error)
    {
        result.AddError(error);
        return null;
    }
}
