using System.Runtime.InteropServices;

namespace Madrasah.Blazor.Infrastructure.Uploads;

/// <summary>
/// Writes a file so that it is on the disk, complete and under its name, before the caller goes on: written under a
/// temporary name, flushed to the disk (<c>fsync</c>), renamed, and the folder flushed too so that the new name
/// survives a power cut. A row that names the file is committed only after this returns: should the machine stop at any
/// moment, a committed row never names a missing or half-written file (a file without its row is swept by
/// <see cref="UploadJanitor"/>, the temporary ones included).
/// </summary>
internal static partial class DurableFile
{
    /// <summary>Prefix of the temporary names: never a stored name (those are 32 hex digits), so the janitor removes leftovers.</summary>
    public const string TemporaryPrefix = "tmp-";

    /// <param name="flushFolder">
    /// False only for a caller that flushes the folder itself (<see cref="FlushFolder"/>) before the row that names the
    /// file commits: a writer of many rows flushes it once for all their files.
    /// </param>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, bool flushFolder = true, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $"{TemporaryPrefix}{Guid.NewGuid():N}.part");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch
        {
            try { File.Delete(temporary); } catch (IOException) { } // the janitor sweeps it otherwise
            throw;
        }
        if (flushFolder) FlushFolder(folder);
    }

    /// <summary>
    /// Flushes a folder's entries (a new or renamed file's name) to the disk. On Windows, NTFS journals them and a
    /// folder cannot be flushed this way: nothing to do there.
    /// </summary>
    public static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"Cannot open the folder {folder} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            // EINVAL: the file system has nothing to flush for a folder (some network and memory file systems).
            if (Fsync(fd) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != 22)
                throw new IOException($"Cannot flush the folder {folder} to the disk (errno {errno}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
