using Bunit;
using Microsoft.AspNetCore.Components.Forms;

namespace Madrasah.Blazor.Tests.Infrastructure.Uploads;

/// <summary>
/// A chosen file whose content arrives only when the test releases it: a large file on a slow network, for what a form
/// shows and allows while the file is still being read. bUnit's own files are read at once.
/// </summary>
internal sealed class HeldBrowserFile(string name, byte[] content, string contentType = "application/pdf") : IBrowserFile
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => name;
    public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
    public long Size => content.Length;
    public string ContentType => contentType;

    /// <summary>Lets the content through.</summary>
    public void Release() => _release.TrySetResult();

    public Stream OpenReadStream(long maxAllowedSize = 512_000, CancellationToken cancellationToken = default) => new HeldStream(content, _release.Task);

    /// <summary>Hands the chosen file to <paramref name="input"/> as the browser would; the returned task ends once its handler has.</summary>
    public static Task ChooseAsync(IRenderedComponent<InputFile> input, params IBrowserFile[] files) =>
        input.InvokeAsync(() => input.Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs(files)));

    private sealed class HeldStream(byte[] content, Task released) : MemoryStream(content, writable: false)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await released.WaitAsync(cancellationToken);
            return await base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
