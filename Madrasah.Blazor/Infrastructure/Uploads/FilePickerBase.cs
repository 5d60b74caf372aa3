using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Madrasah.Blazor.Infrastructure.Uploads;

/// <summary>
/// What every file picker of a form shares: a chosen file travels over the circuit and takes seconds on a slow
/// network, so while it is read the picker shows "Membaca berkas…" (<see cref="Reading"/>) and tells its form
/// (<see cref="ReadingChanged"/>), which holds its send button. A press meanwhile would send the form without the file.
/// </summary>
public abstract class FilePickerBase : ComponentBase
{
    public const string ReadingText = "Membaca berkas…";

    /// <summary>True while a chosen file is being read, false once it is kept (or refused).</summary>
    [Parameter] public EventCallback<bool> ReadingChanged { get; set; }

    protected bool Reading { get; private set; }

    /// <summary>Runs <paramref name="read"/> with the reading state shown and the form told, whatever its outcome.</summary>
    protected async Task<T> WhileReadingAsync<T>(Func<Task<T>> read)
    {
        Reading = true;
        await ReadingChanged.InvokeAsync(true);
        try
        {
            return await read();
        }
        finally
        {
            Reading = false;
            await ReadingChanged.InvokeAsync(false);
        }
    }
}

public static class BrowserFileExtensions
{
    /// <summary>The chosen file's content; the browser stops sending past <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(this IBrowserFile file, long maxBytes, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(maxBytes, cancellationToken)) await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
