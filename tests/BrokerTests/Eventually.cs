namespace KafkaDemo.BrokerTests;

/// <summary>Waits, within a bound, for a condition that other threads make true.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}");
            }

            await Task.Delay(50);
        }
    }
}
