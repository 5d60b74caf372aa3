using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// The real app, started as its own process from its build output on a free loopback port, with its own
/// temporary database, mail, upload and key folders (Development environment: demo data, /dev/surat).
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<TestApp, byte> Running = new();
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public string BaseUrl { get; }
    /// <summary>The HTTPS address beside <see cref="BaseUrl"/> when started with <c>https: true</c> (self-signed certificate), else null.</summary>
    public string? HttpsUrl { get; private init; }
    public string DataFolder { get; }
    public string DatabasePath => Path.Combine(DataFolder, "madrasah.db");
    public string MailFolder => Path.Combine(DataFolder, "mail");
    public string UploadFolder => Path.Combine(DataFolder, "uploads");
    /// <summary>The folder of the app's executable (its build output).</summary>
    public static string AppFolder => AppBuildFolder();

    private TestApp(Process process, string baseUrl, string dataFolder)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataFolder = dataFolder;
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>The running test app that serves <paramref name="url"/>, if any (whose log to keep when a page of it failed).</summary>
    public static TestApp? Serving(string url) => Running.Keys.FirstOrDefault(app =>
        url.StartsWith(app.BaseUrl + "/", StringComparison.Ordinal) || app.HttpsUrl is { } https && url.StartsWith(https + "/", StringComparison.Ordinal));

    /// <summary>The server process's id (for what the operating system says about it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The server process's resident memory (VmRSS of /proc/&lt;pid&gt;/status), in MiB: what the attacker makes it hold.</summary>
    public long ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    /// <summary>
    /// Starts the app with <paramref name="settings"/> as environment overrides, from <paramref name="workingDirectory"/>
    /// (default: the app's own folder, as a service manager configured with WorkingDirectory= would); with
    /// <paramref name="https"/> it also listens on an HTTPS port of its own with a fresh self-signed certificate.
    /// </summary>
    public static async Task<TestApp> StartAsync(IDictionary<string, string>? settings = null, string? workingDirectory = null, bool https = false)
    {
        // The PostgreSQL pass runs the service and component tests only (filter Kind!=App): an app test that lands there is unmarked.
        if (TestProvider.Current == Madrasah.Blazor.Data.Providers.DatabaseProvider.PostgreSQL)
            throw new InvalidOperationException("A test that starts the app belongs to the SQLite pass: mark its class [Trait(\"Kind\", \"App\")].");
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dataFolder = Directory.CreateTempSubdirectory("madrasah-app-").FullName;
        var appFolder = AppBuildFolder();
        var start = new ProcessStartInfo(Path.Combine(appFolder, "Madrasah.Blazor"))
        {
            WorkingDirectory = workingDirectory ?? appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = baseUrl,
            ["Database__Path"] = Path.Combine(dataFolder, "madrasah.db"),
            ["Email__PickupFolder"] = Path.Combine(dataFolder, "mail"),
            ["Email__PollSeconds"] = "1",
            ["Uploads__Folder"] = Path.Combine(dataFolder, "uploads"),
            ["DataProtection__KeyFolder"] = Path.Combine(dataFolder, "keys"),
            ["App__PublicBaseUrl"] = baseUrl,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        string? httpsUrl = null;
        if (https)
        {
            httpsUrl = $"https://127.0.0.1:{FreePort()}";
            environment["ASPNETCORE_URLS"] = $"{baseUrl};{httpsUrl}";
            environment["Kestrel__Certificates__Default__Path"] = SelfSignedCertificate(dataFolder);
            environment["Kestrel__Certificates__Default__Password"] = CertificatePassword;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        if (environment["ASPNETCORE_ENVIRONMENT"] != "Production")
        {
            // Cheap Password hashes, as in the service tests (a production host refuses them; SignInServiceTests check the app's own count).
            environment.TryAdd("Identity__PasswordHashIterations", AppServices.TestPasswordHashIterations.ToString(CultureInfo.InvariantCulture));
        }
        // No tiered profile-guided optimisation: a test app lives for seconds to minutes, too short to earn the instrumented code back.
        environment.TryAdd("DOTNET_TieredPGO", "0");
        var seeded = environment["ASPNETCORE_ENVIRONMENT"] == "Development"
            && !(settings ?? new Dictionary<string, string>()).Keys.Any(k => k.StartsWith("Database__", StringComparison.Ordinal));
        if (seeded)
        {
            // The demo data the Development start-up would seed, migrated and seeded once per run (DemoSeed, through the app's
            // own DemoData) and copied here: the start-up finds it and checks its migrations, region data, roles and demo
            // data as usual. A test with database settings of its own starts from an empty file and seeds it at start-up.
            await DemoSeed.WriteSqliteCopyAsync(Path.Combine(dataFolder, "madrasah.db"));
        }
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var app = new TestApp(process, baseUrl, dataFolder) { HttpsUrl = httpsUrl };
        Running[app] = 0;
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Log}");
            try
            {
                var response = await http.GetAsync($"{BaseUrl}/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200); // polling a starting process: nothing to await on instead
        }
        throw new TimeoutException($"The app did not become healthy within {timeout}:\n{Log}");
    }

    /// <summary>The app's own build output (same configuration as the tests), where its static-asset manifest lives.</summary>
    private static string AppBuildFolder()
    {
        var testFolder = AppContext.BaseDirectory; // .../Madrasah.Blazor.Tests/bin/<Config>/net10.0/
        var dir = new DirectoryInfo(testFolder);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Madrasah.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Madrasah.sln not found above " + testFolder);
        var relative = Path.GetRelativePath(Path.Combine(dir.FullName, "Madrasah.Blazor.Tests"), testFolder);
        var folder = Path.Combine(dir.FullName, "Madrasah.Blazor", relative);
        if (!File.Exists(Path.Combine(folder, "Madrasah.Blazor")))
            throw new InvalidOperationException("The app is not built at " + folder);
        return folder;
    }

    private const string CertificatePassword = "uji-sertifikat";

    /// <summary>A PFX for 127.0.0.1 and localhost, valid for a day, written into the app's data folder.</summary>
    private static string SelfSignedCertificate(string folder)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(folder, "https.pfx");
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    private static int FreePort() => LoopbackPorts.Next();

    /// <summary>A context on the running app's own database (SQLite in WAL mode: safe beside the app), to set up rare states.</summary>
    public MadrasahDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<MadrasahDbContext>()
            .UseSqlite(Madrasah.Blazor.Data.Providers.SqliteDatabase.BuildConnectionString(DatabasePath, DataFolder)).Options);

    /// <summary>Stops the server process (as a crash or restart would), keeping its data folder.</summary>
    public async Task StopServerAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(this, out _);
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
