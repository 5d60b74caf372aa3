using System.Reflection;
using System.Text.Json;
using Microsoft.JSInterop;

namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// Each circuit's JS runtime has JSON options of its own (their converters hold the runtime), so the metadata of what
/// it ever sent to the browser stays cached per circuit: about 70 KB, mostly the interfaces of int and string that
/// System.Text.Json inspects when the circuit attaches and MudBlazor's providers start. An open page sends nothing more
/// after that (live updates are render batches), so the layout drops that cache once the page is interactive and after
/// each navigation; a later call rebuilds what it needs. Uses the serializer's internal cache reset (the one hot reload
/// calls); if a future runtime lacks it, nothing happens and the approval benchmark's memory figure shows it.
/// </summary>
public static class JsonMetadataTrim
{
    private static readonly PropertyInfo? OptionsProperty =
        typeof(JSRuntime).GetProperty("JsonSerializerOptions", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

    private static readonly MethodInfo? ClearCaches =
        typeof(JsonSerializerOptions).GetMethod("ClearCaches", BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);

    /// <summary>Whether this runtime has the cache reset (a test guards it, so an upgrade that removes it is noticed).</summary>
    public static bool Available => OptionsProperty is not null && ClearCaches is not null;

    /// <summary>Forgets the JSON metadata cached by this circuit's JS runtime; false when there is nothing to trim.</summary>
    public static bool Trim(IJSRuntime js)
    {
        if (!Available || js is not JSRuntime runtime || OptionsProperty!.GetValue(runtime) is not JsonSerializerOptions options) return false;
        ClearCaches!.Invoke(options, null);
        return true;
    }
}
