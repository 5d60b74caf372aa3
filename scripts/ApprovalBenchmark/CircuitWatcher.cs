using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalBenchmark;

/// <summary>
/// An open inbox without a browser: a Blazor Server circuit driven at the SignalR level, as blazor.web.js does it
/// (negotiate, "blazorpack" handshake, StartCircuit, UpdateRootComponents with the prerendered markers, JS interop
/// answered, every render batch acknowledged). It renders nothing: it notes when a watched text first arrives in
/// a render batch (the batch's string table holds every new text as UTF-8), so the figures measure the server
/// (publish → query → render diff → send) without 200 Chromium pages competing for the same cores.
/// </summary>
public sealed partial class CircuitWatcher : IAsyncDisposable
{
    // The server's own protocol class (internal): MessagePack with Blazor's byte-array handling, named "blazorpack".
    private static readonly Type BlazorPackType = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
        .GetType("Microsoft.AspNetCore.Components.Server.BlazorPack.BlazorPackHubProtocol", throwOnError: true)!;

    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<string, long> _seen = new();
    private readonly ConcurrentDictionary<string, byte[]> _armed = new();
    private readonly TaskCompletionSource _interopAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextJsObjectId = 1000;
    private volatile bool _rootsAdded;

    public string Path { get; }
    /// <summary>When (Unix ms) each watched text first arrived in a render batch.</summary>
    public IReadOnlyDictionary<string, long> Seen => _seen;
    public string? Error { get; private set; }

    private CircuitWatcher(HubConnection hub, string path)
    {
        _hub = hub;
        Path = path;
    }

    public static async Task<CircuitWatcher> OpenAsync(string baseUrl, string path, CookieContainer cookies)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var html = await http.GetStringAsync(path);
        var markers = MarkerPattern().Matches(html).Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement)
            .Where(m => m.TryGetProperty("type", out var type) && type.GetString() == "server").ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"{path}: no interactive server component in the page (signed out?).");
        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder().WithUrl(new Uri(new Uri(baseUrl), "_blazor"), options =>
        {
            options.Cookies = cookies;
            options.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.AddSingleton(typeof(IHubProtocol), Activator.CreateInstance(BlazorPackType, nonPublic: true)!);
        var watcher = new CircuitWatcher(builder.Build(), path);
        watcher.Wire();
        await watcher._hub.StartAsync();

        await watcher._hub.InvokeAsync<string>("StartCircuit", baseUrl.TrimEnd('/') + "/", new Uri(new Uri(baseUrl), path).ToString(), "[]", state);
        await watcher._interopAttached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var operations = markers.Select((marker, i) => new { type = "add", ssrComponentId = i + 1, marker = WithUniqueId(marker, i) }).ToArray();
        watcher._rootsAdded = true;
        await watcher._hub.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(new { batchId = 1, operations }), state);
        await watcher._firstRender.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return watcher;
    }

    private void Wire()
    {
        // .NET 10 sends six arguments: the last is the call type (function, constructor, get or set value).
        _hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJs);
        _hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatch);
        _hub.On<int, string>("JS.AttachComponent", (_, _) => { });
        _hub.On<string>("JS.EndInvokeDotNet", _ => { });
        _hub.On<string>("JS.Error", error => Error ??= error);
        _hub.Closed += error =>
        {
            Error ??= $"connection closed: {error?.Message}";
            _firstRender.TrySetException(new InvalidOperationException($"{Path}: {Error}"));
            _interopAttached.TrySetException(new InvalidOperationException($"{Path}: {Error}"));
            return Task.CompletedTask;
        };
    }

    /// <summary>Answers every JS call as a browser would, without doing anything: imports get an object reference.</summary>
    private void OnBeginInvokeJs(long handle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        if (identifier == "Blazor._internal.attachWebRendererInterop") _interopAttached.TrySetResult();
        if (handle == 0) return; // fire-and-forget call
        var result = identifier == "import" ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}" : "null";
        _ = _hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
    }

    private static long s_batches, s_batchBytes;

    /// <summary>Render batches (and their bytes) received by every watcher of this process so far.</summary>
    public static (long Batches, long Bytes) Received => (Interlocked.Read(ref s_batches), Interlocked.Read(ref s_batchBytes));

    private void OnRenderBatch(long batchId, byte[] batch)
    {
        Interlocked.Increment(ref s_batches);
        Interlocked.Add(ref s_batchBytes, batch.Length);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var (token, bytes) in _armed)
            if (batch.AsSpan().IndexOf(bytes) >= 0 && _armed.TryRemove(token, out _)) _seen.TryAdd(token, now);
        _ = _hub.SendAsync("OnRenderCompleted", batchId, null);
        if (_rootsAdded) _firstRender.TrySetResult();
    }

    /// <summary>Watches for <paramref name="token"/> from now on (armed just before the click, so earlier renders of it don't count).</summary>
    public void Arm(string token) => _armed[token] = Encoding.UTF8.GetBytes(token);

    private static JsonElement WithUniqueId(JsonElement marker, int uniqueId)
    {
        var fields = marker.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["uniqueId"] = uniqueId;
        return JsonSerializer.SerializeToElement(fields);
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();
}
