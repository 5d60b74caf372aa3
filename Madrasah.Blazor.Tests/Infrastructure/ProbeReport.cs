namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// Figures the attack tests measure on their way (requests tried, server errors seen, memory), appended to the file
/// named by MADRASAH_PROBE_REPORT when <c>scripts/security-probe.sh</c> runs them; nothing otherwise.
/// </summary>
public static class ProbeReport
{
    private static readonly Lock Gate = new();

    public static void Add(string line)
    {
        if (Environment.GetEnvironmentVariable("MADRASAH_PROBE_REPORT") is not { Length: > 0 } path) return;
        lock (Gate) File.AppendAllText(path, line + Environment.NewLine);
    }
}
