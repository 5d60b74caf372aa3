using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>How the test server's connections are secured.</summary>
public enum SmtpTestTls
{
    None,
    /// <summary>STARTTLS offered and required before MAIL FROM (a submission server on port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (SMTPS on port 465).</summary>
    Implicit,
}

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd on 127.0.0.1 and a free port, storing what it receives in an
/// Maildir (aiosmtpd's Mailbox handler writes Python's mailbox.Maildir: one file per message). Optionally with TLS
/// (a self-signed certificate made for the run: <see cref="Certificate"/>) and required authentication. It can be
/// stopped and started again on the same port (an outage); disposing stops it and deletes its folder.
/// </summary>
public sealed class SmtpTestServer(SmtpTestTls tls = SmtpTestTls.None, string? userName = null, string? password = null) : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    /// <summary>aiosmtpd's own server with its Mailbox handler, TLS and an authenticator that knows one login.</summary>
    private const string ServerScript = """
        import asyncio, ssl, sys
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
        host, port, maildir, tls, cert, key, user, password = sys.argv[1:9]
        def context():
            c = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            c.load_cert_chain(cert, key)
            return c
        options = {}
        if tls == "StartTls":
            options.update(tls_context=context(), require_starttls=True)
        if user != "-":
            def authenticator(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
                return AuthResult(success=ok, handled=False)
            options.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)
        handler = Mailbox(maildir)
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(loop.create_server(lambda: SMTP(handler, **options), host, int(port),
                                                           ssl=context() if tls == "Implicit" else None))
        loop.run_forever()
        """;

    private Process? _process;
    private readonly StringBuilder _output = new();
    private X509Certificate2? _certificate;

    /// <summary>The server's self-signed certificate (for 127.0.0.1), made on first use; a client trusts exactly this one.</summary>
    public X509Certificate2 Certificate => _certificate ??= CreateCertificate();

    public string Folder { get; } = Directory.CreateTempSubdirectory("madrasah-smtp-").FullName;
    public string MaildirPath => Path.Combine(Folder, "received");
    public int Port { get; } = FreePort();
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A server already accepting connections.</summary>
    public static async Task<SmtpTestServer> StartNewAsync(SmtpTestTls tls = SmtpTestTls.None, string? userName = null, string? password = null)
    {
        var server = new SmtpTestServer(tls, userName, password);
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
        if (tls != SmtpTestTls.None) _ = Certificate; // the PEM files exist before the server reads them
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList =
            {
                "-c", ServerScript, "127.0.0.1", Port.ToString(), MaildirPath, tls.ToString(),
                CertificatePath, KeyPath, userName ?? "-", password ?? "-",
            },
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
        _certificate?.Dispose();
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

    private string CertificatePath => Path.Combine(Folder, "server.crt");
    private string KeyPath => Path.Combine(Folder, "server.key");

    private X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
        return X509CertificateLoader.LoadCertificate(certificate.RawData);
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
    public static int FreePort() => LoopbackPorts.Next();
}
