using System.CommandLine;

namespace KafkaDemo.Cli;

/// <summary>
/// A flag that decides a client property: when the user gives it (typed, or through the variable
/// it falls back to), <see cref="ClientOptions.Merge"/> puts <paramref name="Value"/> last, over the
/// config file, <c>KAFKA_X_*</c> and <c>-X</c>.
/// </summary>
/// <param name="Option">The flag.</param>
/// <param name="Property">The librdkafka property it decides.</param>
/// <param name="Value">The property's value for a parse where the flag was given.</param>
public sealed record FlagProperty(Option Option, string Property, Func<ParseResult, string> Value);
