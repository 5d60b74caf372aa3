using System.Text.Json;
using Madrasah.Blazor.Infrastructure.Hosting;
using Microsoft.JSInterop;
using Microsoft.JSInterop.Infrastructure;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>An open page drops its JS runtime's cached JSON metadata, and its later JS calls still send the same JSON.</summary>
public sealed class JsonMetadataTrimTests
{
    [Fact]
    public void This_runtime_has_the_cache_reset_the_trim_relies_on()
    {
        // If an upgrade removes it, every open circuit silently keeps ~70 KB more: fail here instead.
        Assert.True(JsonMetadataTrim.Available);
    }

    [Fact]
    public void Trimming_forgets_the_cached_metadata_and_later_calls_send_the_same_arguments()
    {
        var js = new RecordingJSRuntime();
        _ = js.InvokeVoidAsync("mudPopover.initialize", "mudblazor-main-content", 8, new Dictionary<string, List<string>> { ["a"] = ["b"] });
        var cachedInt = js.Options.GetTypeInfo(typeof(int));
        Assert.Same(cachedInt, js.Options.GetTypeInfo(typeof(int)));

        Assert.True(JsonMetadataTrim.Trim(js));

        Assert.NotSame(cachedInt, js.Options.GetTypeInfo(typeof(int)));
        _ = js.InvokeVoidAsync("mudPopover.initialize", "mudblazor-main-content", 8, new Dictionary<string, List<string>> { ["a"] = ["b"] });
        Assert.Equal("""["mudblazor-main-content",8,{"a":["b"]}]""", js.Sent[0]);
        Assert.Equal(js.Sent[0], js.Sent[1]);
    }

    [Fact]
    public void A_runtime_that_is_not_a_circuit_runtime_is_left_alone()
    {
        Assert.False(JsonMetadataTrim.Trim(new NotAJSRuntime()));
    }

    private sealed class RecordingJSRuntime : JSRuntime
    {
        public List<string> Sent { get; } = [];
        public JsonSerializerOptions Options => JsonSerializerOptions;

        // The arguments are serialized when the call starts; the browser's answer does not matter here.
        protected override void BeginInvokeJS(long taskId, string identifier, string? argsJson, JSCallResultType resultType, long targetInstanceId) =>
            Sent.Add(argsJson ?? "");

        protected override void EndInvokeDotNet(DotNetInvocationInfo invocationInfo, in DotNetInvocationResult invocationResult) { }
    }

    private sealed class NotAJSRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => default;
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => default;
    }
}
