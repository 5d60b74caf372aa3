using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ApprovalBenchmark;

/// <summary>
/// An open inbox without a browser: a Blazor Server circuit driven at the SignalR level, as blazor.web.js does it
/// (negotiate, WebSocket, "blazorpack" handshake, StartCircuit, UpdateRootComponents with the prerendered markers, JS
/// interop answered, every render batch acknowledged, a ping every 15 s). It renders nothing: it notes when a watched
/// text first arrives in a render batch (the batch's string table holds every new text as UTF-8), so the figures
/// measure the server (publish → query → render diff → send) without 1,000 Chromium pages competing for its cores.
/// <para>
/// It speaks to the WebSocket itself, with the server's own message format (<c>BlazorPackHubProtocol</c>) and one
/// receive loop per circuit that acknowledges each batch as it reads it. The SignalR client it replaced passed every
/// message through two pipes and a handler dispatch: with 1,000 watchers on the server's own 2 cores, that client's
/// work per batch was taken from the server it measured (0.10–0.20 ms per watcher and approval).
/// </para>
/// </summary>
public sealed partial class CircuitWatcher : IAsyncDisposable
{
    // The server's own protocol class (internal): MessagePack with Blazor's byte-array handling, named "blazorpack".
    private static readonly IHubProtocol BlazorPack = (IHubProtocol)Activator.CreateInstance(
        typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
            .GetType("Microsoft.AspNetCore.Components.Server.BlazorPack.BlazorPackHubProtocol", throwOnError: true)!, nonPublic: true)!;
    private static readonly byte[] Ping = BlazorPack.GetMessageBytes(PingMessage.Instance).ToArray();
    private static readonly ConcurrentDictionary<CircuitWatcher, bool> Open = new();
    private static readonly Timer Pinger = new(_ => { foreach (var watcher in Open.Keys) _ = watcher.SendAsync(Ping); }, null, 15_000, 15_000);

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentDictionary<string, long> _seen = new();
    private readonly ConcurrentDictionary<string, byte[]> _armed = new();
    private readonly TaskCompletionSource<string> _circuitStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _interopAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextJsObjectId = 1000;
    private volatile bool _rootsAdded;
    private Task _receiving = Task.CompletedTask;

    public string Path { get; }
    /// <summary>When (Unix ms) each watched text first arrived in a render batch.</summary>
    public IReadOnlyDictionary<string, long> Seen => _seen;
    public string? Error { get; private set; }

    private CircuitWatcher(ClientWebSocket socket, string path)
    {
        _socket = socket;
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

        using var negotiation = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        negotiation.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await negotiation.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        // What Chromium sends when blazor.web.js opens the socket: the server keeps the request's headers for the
        // circuit's life, so they count in its memory per circuit as a browser's would.
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions(); // offered; the server declines
        foreach (var (name, value) in BrowserHeaders(baseUrl)) socket.Options.SetRequestHeader(name, value);
        await socket.ConnectAsync(new Uri($"{baseUrl.Replace("http", "ws")}/_blazor?id={token}"), CancellationToken.None);
        var watcher = new CircuitWatcher(socket, path);
        await watcher.HandshakeAsync();
        Open[watcher] = true;
        watcher._receiving = watcher.ReceiveAsync();

        await watcher.SendAsync(BlazorPack.GetMessageBytes(new InvocationMessage("0", "StartCircuit",
            [baseUrl.TrimEnd('/') + "/", new Uri(new Uri(baseUrl), path).ToString(), "[]", state])));
        await watcher._circuitStarted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await watcher._interopAttached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var operations = markers.Select((marker, i) => new { type = "add", ssrComponentId = i + 1, marker = WithUniqueId(marker, i) }).ToArray();
        watcher._rootsAdded = true;
        await watcher.SendAsync(BlazorPack.GetMessageBytes(new InvocationMessage("UpdateRootComponents",
            [JsonSerializer.Serialize(new { batchId = 1, operations }), state])));
        await watcher._firstRender.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return watcher;
    }

    private static (string Name, string Value)[] BrowserHeaders(string baseUrl) =>
    [
        ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"),
        ("Origin", baseUrl.TrimEnd('/')), ("Pragma", "no-cache"), ("Cache-Control", "no-cache"),
        ("Accept-Encoding", "gzip, deflate, br, zstd"), ("Accept-Language", "id-ID,id;q=0.9"),
    ];

    private async Task HandshakeAsync()
    {
        var request = new ArrayBufferWriter<byte>();
        HandshakeProtocol.WriteRequestMessage(new HandshakeRequestMessage(BlazorPack.Name, BlazorPack.Version), request);
        await _socket.SendAsync(request.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var buffer = new byte[1024];
        var received = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(received), CancellationToken.None);
            received += result.Count;
            var sequence = new ReadOnlySequence<byte>(buffer, 0, received);
            if (!HandshakeProtocol.TryParseResponseMessage(ref sequence, out var response)) continue;
            if (response.Error is { } error) throw new InvalidOperationException($"{Path}: handshake refused: {error}");
            if (sequence.Length > 0) throw new InvalidOperationException($"{Path}: a message arrived with the handshake's answer.");
            return;
        }
    }

    /// <summary>One loop per circuit: reads each WebSocket message, handles its SignalR messages, acknowledges batches.</summary>
    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var result = await _socket.ReceiveAsync(buffer.AsMemory(length), _closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Fail("connection closed by the server");
                    return;
                }
                length += result.Count;
                if (!result.EndOfMessage) continue;
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var input = new ReadOnlySequence<byte>(buffer, 0, length);
                while (BlazorPack.TryParseMessage(ref input, Binder.Instance, out var message)) await HandleAsync(message!, now);
                var rest = (int)input.Length; // a message cut between two WebSocket messages waits for the rest
                Buffer.BlockCopy(buffer, length - rest, buffer, 0, rest);
                length = rest;
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested) { }
        catch (Exception ex) { Fail($"connection lost: {ex.Message}"); }
    }

    private static long s_batches, s_batchBytes;

    /// <summary>Render batches (and their bytes) received by every watcher of this process so far.</summary>
    public static (long Batches, long Bytes) Received => (Interlocked.Read(ref s_batches), Interlocked.Read(ref s_batchBytes));

    private Task HandleAsync(HubMessage message, long receivedAt)
    {
        switch (message)
        {
            case InvocationMessage { Target: "JS.RenderBatch", Arguments: [long batchId, byte[] batch] }:
                Interlocked.Increment(ref s_batches);
                Interlocked.Add(ref s_batchBytes, batch.Length);
                foreach (var (token, bytes) in _armed)
                    if (batch.AsSpan().IndexOf(bytes) >= 0 && _armed.TryRemove(token, out _)) _seen.TryAdd(token, receivedAt);
                if (_rootsAdded) _firstRender.TrySetResult();
                return SendAsync(BlazorPack.GetMessageBytes(new InvocationMessage("OnRenderCompleted", [batchId, null])));
            case InvocationMessage { Target: "JS.BeginInvokeJS", Arguments: [long handle, string identifier, ..] }:
                // Answered as a browser would, without doing anything: imports get an object reference.
                if (identifier == "Blazor._internal.attachWebRendererInterop") _interopAttached.TrySetResult();
                if (handle == 0) return Task.CompletedTask; // fire-and-forget call
                var result = identifier == "import" ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}" : "null";
                return SendAsync(BlazorPack.GetMessageBytes(new InvocationMessage("EndInvokeJSFromDotNet", [handle, true, $"[{handle},true,{result}]"])));
            case InvocationMessage { Target: "JS.Error", Arguments: [string error] }:
                Error ??= error;
                return Task.CompletedTask;
            case CompletionMessage { InvocationId: "0" } completion:
                if (completion.Error is { } startError) _circuitStarted.TrySetException(new InvalidOperationException($"{Path}: StartCircuit: {startError}"));
                else if (completion.Result is string { Length: > 0 } circuitId) _circuitStarted.TrySetResult(circuitId);
                else _circuitStarted.TrySetException(new InvalidOperationException($"{Path}: the server refused to start the circuit."));
                return Task.CompletedTask;
            case CloseMessage close:
                Fail($"closed by the server: {close.Error}");
                return Task.CompletedTask;
            default: // pings, JS.AttachComponent, JS.EndInvokeDotNet, JS.EndUpdateRootComponents …: nothing to answer
                return Task.CompletedTask;
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> message)
    {
        await _sending.WaitAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException) { Fail($"send failed: {ex.Message}"); }
        finally { _sending.Release(); }
    }

    private void Fail(string error)
    {
        Error ??= error;
        var failure = new InvalidOperationException($"{Path}: {Error}");
        _circuitStarted.TrySetException(failure);
        _interopAttached.TrySetException(failure);
        _firstRender.TrySetException(failure);
    }

    /// <summary>Watches for <paramref name="token"/> from now on (armed just before the click, so earlier renders of it don't count).</summary>
    public void Arm(string token) => _armed[token] = Encoding.UTF8.GetBytes(token);

    private static JsonElement WithUniqueId(JsonElement marker, int uniqueId)
    {
        var fields = marker.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["uniqueId"] = uniqueId;
        return JsonSerializer.SerializeToElement(fields);
    }

    public async ValueTask DisposeAsync()
    {
        Open.TryRemove(this, out _);
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or ObjectDisposedException) { }
        _closing.Cancel();
        await _receiving;
        _socket.Dispose();
    }

    /// <summary>The argument types of what the server calls and the result of StartCircuit, as blazor.web.js expects them.</summary>
    private sealed class Binder : IInvocationBinder
    {
        public static readonly Binder Instance = new();

        public IReadOnlyList<Type> GetParameterTypes(string methodName) => methodName switch
        {
            "JS.RenderBatch" => [typeof(long), typeof(byte[])],
            // .NET 10 sends six arguments: the last is the call type (function, constructor, get or set value).
            "JS.BeginInvokeJS" => [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            "JS.Error" or "JS.EndInvokeDotNet" => [typeof(string)],
            "JS.AttachComponent" => [typeof(int), typeof(string)],
            _ => throw new HubException($"not bound: {methodName}"), // parsed as a binding failure, then ignored
        };

        public Type GetReturnType(string invocationId) => typeof(string);

        public Type GetStreamItemType(string streamId) => throw new NotSupportedException();
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();
}
