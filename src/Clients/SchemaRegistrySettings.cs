using Confluent.SchemaRegistry;

namespace KafkaDemo.Clients;

/// <summary>
/// Where a program finds its schema registry and how it proves who it is: the one home of these
/// settings, from which the registry client's config is made. Its text form never shows the
/// password, neither the one in <see cref="BasicAuthUserInfo"/> nor one written into the URL.
/// </summary>
/// <param name="Url">The registry's base address (several may be given, comma-separated).</param>
/// <param name="BasicAuthUserInfo"><c>user:password</c> for HTTP basic authentication, or null.</param>
/// <param name="CaLocation">A PEM file of certificate authorities to trust for an https registry, or null.</param>
public sealed record SchemaRegistrySettings(string Url, string? BasicAuthUserInfo = null, string? CaLocation = null)
{
    /// <summary>The Confluent.SchemaRegistry client's config for these settings.</summary>
    public SchemaRegistryConfig ToClientConfig()
    {
        var config = new SchemaRegistryConfig { Url = Url };
        if (BasicAuthUserInfo is not null)
        {
            config.BasicAuthCredentialsSource = AuthCredentialsSource.UserInfo;
            config.BasicAuthUserInfo = BasicAuthUserInfo;
        }

        if (CaLocation is not null)
        {
            config.SslCaLocation = CaLocation;
        }

        return config;
    }

    /// <summary>The addresses as they may be shown: a <c>user:password@</c> in any of them becomes <c>user:[redacted]@</c>.</summary>
    public string DisplayUrl => string.Join(",", Url.Split(',').Select(MaskUserInfo));

    /// <summary>
    /// <paramref name="text"/> (an error message, say) with every secret these settings hold
    /// replaced, since the registry client's errors quote what it was given.
    /// </summary>
    public string Redact(string text)
    {
        foreach (var secret in SecretValues())
        {
            text = text.Replace(secret, Secrets.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{DisplayUrl}{(BasicAuthUserInfo is null ? "" : $" (basic auth as {User(BasicAuthUserInfo)})")}{(CaLocation is null ? "" : $" (CA {CaLocation})")}";

    private IEnumerable<string> SecretValues()
    {
        if (BasicAuthUserInfo is not null && Password(BasicAuthUserInfo) is { Length: > 0 } password)
        {
            yield return BasicAuthUserInfo;
            yield return password;
        }

        foreach (var address in Url.Split(','))
        {
            if (Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) && Password(Uri.UnescapeDataString(uri.UserInfo)) is { Length: > 0 } inUrl)
            {
                yield return inUrl;
            }
        }
    }

    private static string MaskUserInfo(string address)
    {
        var trimmed = address.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return trimmed;
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        var start = trimmed.IndexOf("://", StringComparison.Ordinal) + 3;
        return $"{trimmed[..start]}{User(Uri.UnescapeDataString(uri.UserInfo))}:{Secrets.Mask}{trimmed[at..]}";
    }

    private static string User(string userInfo) => userInfo.Split(':', 2)[0];

    private static string? Password(string userInfo) => userInfo.Split(':', 2) is [_, var password] ? password : null;
}
