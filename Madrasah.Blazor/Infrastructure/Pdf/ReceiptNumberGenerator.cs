using System.Data.Common;
using System.Globalization;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// Hands out receipt numbers per kind and WIB year with no gaps and no repeats: one upsert statement on the
/// caller's connection (so it joins the caller's transaction, and a rolled-back issue gives its number back).
/// The upsert locks the counter's row until the caller commits (PostgreSQL) or holds the file's write lock (SQLite,
/// whose connection waits out a busy file; a late "busy" outside a transaction is retried).
/// </summary>
public sealed class ReceiptNumberGenerator
{
    private const string NextSql = """
        INSERT INTO "ReceiptCounters" ("Kind", "Year", "LastNumber") VALUES (@kind, @year, @count)
        ON CONFLICT ("Kind", "Year") DO UPDATE SET "LastNumber" = "ReceiptCounters"."LastNumber" + @count
        RETURNING "LastNumber";
        """;

    private const int MaxAttempts = 5;

    /// <summary>The next number of <paramref name="kind"/> in the WIB year of <paramref name="issuedUtc"/>, e.g. "BPL-2026-000001".</summary>
    public async Task<string> NextAsync(MadrasahDbContext db, ReceiptKind kind, DateTime issuedUtc, CancellationToken cancellationToken = default) =>
        (await NextRangeAsync(db, kind, issuedUtc, 1, cancellationToken))[0];

    /// <summary>
    /// The next <paramref name="count"/> numbers of <paramref name="kind"/> in one statement, in order: for a batch saved
    /// in one transaction (the counter moves once instead of once per item).
    /// </summary>
    public async Task<IReadOnlyList<string>> NextRangeAsync(MadrasahDbContext db, ReceiptKind kind, DateTime issuedUtc, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var year = Wib.FromUtc(issuedUtc).Year;
        var last = await NextSequenceAsync(db, kind.Code, year, count, cancellationToken);
        return [.. Enumerable.Range(last - count + 1, count).Select(sequence => Format(kind.Prefix, year, sequence))];
    }

    public static string Format(string prefix, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:0000}-{sequence:000000}");

    private static async Task<int> NextSequenceAsync(MadrasahDbContext db, string kind, int year, int count, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = NextSql;
                    command.Transaction = transaction;
                    AddParameter(command, "@kind", kind);
                    AddParameter(command, "@year", year);
                    AddParameter(command, "@count", count);
                    return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                }
                // Inside a transaction a retry cannot help (the caller must roll back); on its own the statement is atomic.
                catch (Exception e) when (DatabaseEngine.IsBusy(e) && transaction is null && attempt < MaxAttempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt + Random.Shared.Next(50)), cancellationToken);
                }
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
