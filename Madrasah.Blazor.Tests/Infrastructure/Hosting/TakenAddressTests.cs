using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>Starting on a port another program holds stops with one clear line and a non-zero exit code.</summary>
public sealed class TakenAddressTests
{
    [Fact]
    public async Task A_taken_port_stops_the_start_with_one_line_naming_it_and_no_stack_trace()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var dataFolder = Directory.CreateTempSubdirectory("madrasah-taken-").FullName;
        try
        {
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

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
            var lines = ((await stdout) + (await stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            Assert.Equal(TakenAddress.ExitCode, process.ExitCode);
            var line = Assert.Single(lines, l => l.Contains($"127.0.0.1:{port}"));
            Assert.Contains("already in use", line);
            Assert.Contains("--urls", line);
            Assert.DoesNotContain(lines, l => l.Contains("Exception") || l.StartsWith("at "));
            Assert.DoesNotContain(lines, l => l.Contains("fail:") || l.Contains("Hosting failed"));
        }
        finally
        {
            try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [InlineData("Failed to bind to address http://127.0.0.1:5080: address already in use.", "http://127.0.0.1:5080")]
    [InlineData("Failed to bind to address http://[::]:8080: address already in use.", "http://[::]:8080")]
    [InlineData("Something else went wrong.", null)]
    public void The_address_is_read_from_Kestrels_message(string message, string? address) =>
        Assert.Equal(address, TakenAddress.AddressIn(message));
}
