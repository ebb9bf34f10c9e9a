using KafkaDemo.TestSupport;

namespace KafkaDemo.UnitTests.TestSupport;

public class ReconciliationTests
{
    private static ObservedMessage At(long sequence, string key, int partition, long offset) => new(sequence, key, partition, offset);

    [Fact]
    public void Everything_once_and_in_order_is_exact()
    {
        var result = Reconciliation.Of([1, 2, 3], [At(1, "a", 0, 0), At(2, "b", 1, 0), At(3, "a", 0, 1)]);

        Assert.True(result.IsExact);
        Assert.Equal("expected 3, observed 3, lost 0, duplicated 0, out of order 0, unexpected 0", result.ToString());
    }

    [Fact]
    public void Missing_sequences_are_lost_and_listed()
    {
        var result = Reconciliation.Of([1, 2, 3, 4], [At(1, "a", 0, 0), At(3, "a", 0, 1)]);

        Assert.Equal(2, result.Lost);
        Assert.Equal([2L, 4L], result.LostSequences);
        Assert.False(result.IsExact);
    }

    [Fact]
    public void A_replayed_message_is_one_duplicate_and_not_an_order_violation()
    {
        var result = Reconciliation.Of([1, 2], [At(1, "a", 0, 0), At(2, "a", 0, 1), At(2, "a", 0, 1)]);

        Assert.Equal((1L, 0L), (result.Duplicated, result.OutOfOrder));
    }

    [Fact]
    public void A_key_whose_sequence_goes_backwards_in_its_partition_is_out_of_order()
    {
        var result = Reconciliation.Of([1, 2, 3], [At(2, "a", 0, 0), At(1, "a", 0, 1), At(3, "b", 0, 2)]);

        Assert.Equal(1, result.OutOfOrder);
    }

    [Fact]
    public void Different_keys_may_interleave_in_any_order()
    {
        var result = Reconciliation.Of([1, 2], [At(2, "b", 0, 0), At(1, "a", 0, 1)]);

        Assert.True(result.IsExact);
    }

    [Fact]
    public void Sequences_nobody_sent_are_unexpected()
    {
        Assert.Equal(1, Reconciliation.Of([1], [At(1, "a", 0, 0), At(99, "a", 0, 1)]).Unexpected);
    }
}
