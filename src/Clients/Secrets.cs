namespace KafkaDemo.Clients;

/// <summary>
/// Knows which client properties hold secrets (SASL passwords, TLS key passwords and keys, OAuth
/// client secrets, JAAS configs) and keeps their values out of anything printed.
/// </summary>
public static class Secrets
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Mask = "[redacted]";

    /// <summary>True for property names whose values must never be shown.</summary>
    public static bool IsSecret(string propertyName)
    {
        var name = propertyName.ToLowerInvariant();
        return name.Contains("password") || name.Contains("secret") || name.Contains("jaas")
               || name is "ssl.key.pem" or "ssl_key" or "sasl.oauthbearer.config"
               || name.EndsWith(".key", StringComparison.Ordinal);
    }

    /// <summary><paramref name="text"/> with every secret value from <paramref name="settings"/> masked.</summary>
    public static string Redact(string text, IEnumerable<KeyValuePair<string, string>> settings)
    {
        foreach (var (name, value) in settings)
        {
            if (IsSecret(name) && value.Length > 0)
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
