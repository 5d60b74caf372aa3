using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd on 127.0.0.1 and a free port, storing what it receives in an
/// Maildir (aiosmtpd's Mailbox handler writes Python's mailbox.Maildir: one file per message). It can be stopped and started again on the same port (an outage); disposing stops it and deletes its folder.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;
    private readonly StringBuilder _output = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("madrasah-smtp-").FullName;
    public string MaildirPath => Path.Combine(Folder, "received");
    public int Port { get; } = FreePort();
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A server already accepting connections.</summary>
    public static async Task<SmtpTestServer> StartNewAsync()
    {
        var server = new SmtpTestServer();
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process and returns once the port accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) return;
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing: apt-get install python3-aiosmtpd");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MaildirPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAcceptingAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Kills the server: from now on connections to the port are refused.</summary>
    public void Stop()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> ReadMessages() =>
        Directory.Exists(MaildirPath)
            ? new[] { "new", "cur" }.SelectMany(sub => new DirectoryInfo(Path.Combine(MaildirPath, sub)).EnumerateFiles())
                .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name)
                .Select(f => ReceivedMail.Parse(File.ReadAllText(f.FullName)))
                .ToList()
            : [];

    public ValueTask DisposeAsync()
    {
        Stop();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilAcceptingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is not { HasExited: false })
                throw new InvalidOperationException($"aiosmtpd exited: {Output()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            catch (SocketException ex)
            {
                throw new TimeoutException($"aiosmtpd did not accept on port {Port} within {timeout}: {Output()}", ex);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }

    /// <summary>A port nothing listens on now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
