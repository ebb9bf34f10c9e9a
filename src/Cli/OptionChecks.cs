using System.CommandLine;
using KafkaDemo.Common;

namespace KafkaDemo.Cli;

/// <summary>Parse-time checks shared by the programs' options, so a mistake is a usage error before anything connects.</summary>
public static class OptionChecks
{
    /// <summary>Rejects an empty or blank value.</summary>
    public static Option<string> NotBlank(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{option.Name} cannot be empty.");
            }
        });
        return option;
    }

    /// <summary>Rejects values that are not legal topic names.</summary>
    public static Option<T> LegalTopics<T>(this Option<T> option, Func<T?, IEnumerable<string>> names)
    {
        option.Validators.Add(result =>
        {
            foreach (var name in names(result.GetValueOrDefault<T>()))
            {
                if (TopicNames.Problem(name) is { } problem)
                {
                    result.AddError($"{option.Name}: {problem}.");
                    return;
                }
            }
        });
        return option;
    }

    /// <summary>Rejects a path that names no readable file ("-" means stdin and is accepted).</summary>
    public static Option<string?> ExistingFileOrStdin(this Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string?>();
            if (path is not null && path != "-" && !File.Exists(path))
            {
                result.AddError($"{option.Name}: no such file '{path}'.");
            }
        });
        return option;
    }
}
