using Madrasah.Blazor.Infrastructure.Pdf;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

public class ReceiptNumberGeneratorTests
{
    private static readonly ReceiptKind Profile = new("profile", "BPL", "Bukti Profil Lembaga");
    private static readonly ReceiptKind Change = new("change", "BPD", "Bukti Perubahan Data");
    private static readonly DateTime Mid2026 = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Fifty_parallel_requests_get_numbers_one_to_fifty_exactly()
    {
        await using var database = new TestDatabase();
        var generator = new ReceiptNumberGenerator();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            return await generator.NextAsync(db, Profile, Mid2026);
        })));

        Assert.Equal(
            Enumerable.Range(1, 50).Select(n => $"BPL-2026-{n:000000}"),
            numbers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Numbering_restarts_each_WIB_year()
    {
        await using var database = new TestDatabase();
        var generator = new ReceiptNumberGenerator();
        await using var db = database.CreateContext();

        Assert.Equal("BPL-2026-000001", await generator.NextAsync(db, Profile, Mid2026));
        Assert.Equal("BPL-2026-000002", await generator.NextAsync(db, Profile, Mid2026));
        // 31 Dec 2026 17:30 UTC is already 1 Jan 2027 00:30 WIB.
        Assert.Equal("BPL-2027-000001", await generator.NextAsync(db, Profile, new DateTime(2026, 12, 31, 17, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("BPL-2027-000002", await generator.NextAsync(db, Profile, new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("BPL-2026-000003", await generator.NextAsync(db, Profile, Mid2026));
    }

    [Fact]
    public async Task Each_kind_has_its_own_sequence()
    {
        await using var database = new TestDatabase();
        var generator = new ReceiptNumberGenerator();
        await using var db = database.CreateContext();

        Assert.Equal("BPL-2026-000001", await generator.NextAsync(db, Profile, Mid2026));
        Assert.Equal("BPD-2026-000001", await generator.NextAsync(db, Change, Mid2026));
        Assert.Equal("BPL-2026-000002", await generator.NextAsync(db, Profile, Mid2026));
        Assert.Equal("BPD-2026-000002", await generator.NextAsync(db, Change, Mid2026));
    }

    [Fact]
    public async Task A_range_takes_the_next_numbers_in_order_and_the_next_single_number_follows_it()
    {
        await using var database = new TestDatabase();
        var generator = new ReceiptNumberGenerator();
        await using var db = database.CreateContext();

        Assert.Equal("BPL-2026-000001", await generator.NextAsync(db, Profile, Mid2026));
        Assert.Equal(["BPL-2026-000002", "BPL-2026-000003", "BPL-2026-000004"], await generator.NextRangeAsync(db, Profile, Mid2026, 3));
        Assert.Equal("BPL-2026-000005", await generator.NextAsync(db, Profile, Mid2026));
        // A range as the year's first numbers starts at 1.
        Assert.Equal(["BPL-2027-000001", "BPL-2027-000002"], await generator.NextRangeAsync(db, Profile, new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc), 2));
    }

    [Fact]
    public async Task A_rolled_back_transaction_gives_its_number_back()
    {
        await using var database = new TestDatabase();
        var generator = new ReceiptNumberGenerator();

        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal("BPL-2026-000001", await generator.NextAsync(db, Profile, Mid2026));
            await transaction.RollbackAsync();
        }

        await using (var db = database.CreateContext())
            Assert.Equal("BPL-2026-000001", await generator.NextAsync(db, Profile, Mid2026));
    }
}
