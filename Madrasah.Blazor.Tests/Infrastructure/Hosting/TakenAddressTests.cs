using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>A start that cannot go on (a port another program holds, a database of another version) stops with one clear line and a non-zero exit code.</summary>
[Trait("Kind", "App")]
public sealed class TakenAddressTests
{
    [Fact]
    public async Task A_taken_port_stops_the_start_with_one_line_naming_it_and_no_stack_trace()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        // The demo data already there (as a restarted app finds it): the start reaches the port without seeding first.
        var (exitCode, lines) = await StartAndWaitForExitAsync(port, DemoSeed.WriteSqliteCopyAsync);

        Assert.Equal(TakenAddress.ExitCode, exitCode);
        var line = Assert.Single(lines, l => l.Contains($"127.0.0.1:{port}"));
        Assert.Contains("already in use", line);
        Assert.Contains("--urls", line);
        AssertNoStackTrace(lines);
    }

    [Fact]
    public async Task A_database_of_another_version_stops_the_start_with_one_line_saying_what_to_do()
    {
        // A file migrated by the app's former hand-written history (before the generated "Initial" replaced it).
        var (exitCode, lines) = await StartAndWaitForExitAsync(FreePort(), async databasePath =>
        {
            using var database = new TestDatabase();
            await using (var db = database.CreateContext())
                await db.Database.ExecuteSqlRawAsync("INSERT INTO __EFMigrationsHistory VALUES ('20261122000000_Initial', '10.0.15')");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Copy(database.Path, databasePath);
        });

        Assert.Equal(CannotStartException.ExitCode, exitCode);
        var line = Assert.Single(lines, l => l.Contains("Cannot start"));
        Assert.Contains("another version of Madrasah", line);
        Assert.Contains("20261122000000_Initial", line);
        Assert.Contains("Database:Path", line);
        AssertNoStackTrace(lines);
    }

    /// <summary>Starts the app's build output on <paramref name="port"/> with a fresh data folder (after <paramref name="prepare"/> gets the database path) and waits for it to stop by itself.</summary>
    private static async Task<(int ExitCode, string[] Lines)> StartAndWaitForExitAsync(int port, Func<string, Task> prepare)
    {
        var dataFolder = Directory.CreateTempSubdirectory("madrasah-start-").FullName;
        try
        {
            await prepare(Path.Combine(dataFolder, "madrasah.db"));
            var start = new ProcessStartInfo(Path.Combine(TestApp.AppFolder, "Madrasah.Blazor"), ["--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = TestApp.AppFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Database__Path"] = Path.Combine(dataFolder, "madrasah.db");
            start.Environment["Email__PickupFolder"] = Path.Combine(dataFolder, "mail");
            start.Environment["Uploads__Folder"] = Path.Combine(dataFolder, "uploads");
            start.Environment["DataProtection__KeyFolder"] = Path.Combine(dataFolder, "keys");
            start.Environment["Identity__PasswordHashIterations"] = AppServices.TestPasswordHashIterations.ToString();
            start.Environment["DOTNET_TieredPGO"] = "0";

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
            return (process.ExitCode, ((await stdout) + (await stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
        }
    }

    private static void AssertNoStackTrace(string[] lines)
    {
        Assert.DoesNotContain(lines, l => l.Contains("Exception") || l.StartsWith("at "));
        Assert.DoesNotContain(lines, l => l.Contains("fail:") || l.Contains("Hosting failed"));
    }

    private static int FreePort() => LoopbackPorts.Next();

    [Theory]
    [InlineData("Failed to bind to address http://127.0.0.1:5080: address already in use.", "http://127.0.0.1:5080")]
    [InlineData("Failed to bind to address http://[::]:8080: address already in use.", "http://[::]:8080")]
    [InlineData("Something else went wrong.", null)]
    public void The_address_is_read_from_Kestrels_message(string message, string? address) =>
        Assert.Equal(address, TakenAddress.AddressIn(message));
}
