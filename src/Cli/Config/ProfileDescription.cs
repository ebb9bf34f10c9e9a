using KafkaDemo.Cli.Profiles;
using KafkaDemo.Clients;

namespace KafkaDemo.Cli.Config;

/// <summary>
/// A profile as <c>config show</c> prints it: a secret stored in the file is masked; a reference
/// (<c>env:NAME</c>, <c>file:PATH</c>) is shown, since it says where the secret is, not what.
/// </summary>
public static class ProfileDescription
{
    /// <summary>Label and value of each field the profile sets, client properties by name.</summary>
    public static IEnumerable<(string Label, string Value)> Lines(ClusterProfile profile)
    {
        yield return ("bootstrap servers", profile.BootstrapServers ?? "");
        foreach (var (label, value) in new[] { ("topic", profile.Topic), ("group", profile.Group), ("schema registry", profile.SchemaRegistry?.Url) })
        {
            if (value is not null)
            {
                yield return (label, value);
            }
        }

        if (profile.SchemaRegistry?.Auth is { } auth)
        {
            yield return ("schema registry auth", MaskedAuth(auth));
        }

        if (profile.SchemaRegistry?.Ca is { } ca)
        {
            yield return ("schema registry ca", ca);
        }

        foreach (var (name, value) in profile.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return ($"-X {name}", Masked(name, value));
        }
    }

    /// <summary><paramref name="value"/>, or the mask when <paramref name="name"/> holds secrets and the value is not a reference.</summary>
    public static string Masked(string name, string value) =>
        Secrets.IsSecret(name) && value.Length > 0 && !SecretReference.IsReference(value) ? Secrets.Mask : value;

    // user:password shows the user, which is no secret and tells which account the profile uses.
    private static string MaskedAuth(string auth) =>
        SecretReference.IsReference(auth) ? auth
        : auth.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? $"{auth[..colon]}:{Secrets.Mask}"
        : Secrets.Mask;
}
