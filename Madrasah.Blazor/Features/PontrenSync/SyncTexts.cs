using Madrasah.Blazor.Components.Shared;
using Madrasah.Blazor.Infrastructure.Time;

namespace Madrasah.Blazor.Features.PontrenSync;

/// <summary>The sync's Indonesian wording, shared by the pages, the email and the receipt.</summary>
public static class SyncTexts
{
    public static string Number(int n) => n.ToString("N0", Wib.Culture);

    public static string StatusLabel(SyncStatus status) => status switch
    {
        SyncStatus.Antre => "Antre",
        SyncStatus.Berjalan => "Berjalan",
        SyncStatus.Sukses => "Sukses",
        SyncStatus.Gagal => "Gagal",
        _ => status.ToString(),
    };

    public static Tone StatusTone(SyncStatus status) => status switch
    {
        SyncStatus.Antre => Tone.Waiting,
        SyncStatus.Berjalan => Tone.Info,
        SyncStatus.Sukses => Tone.Success,
        SyncStatus.Gagal => Tone.Danger,
        _ => Tone.Neutral,
    };

    public static string SantriCounts(PontrenSyncRun r) =>
        $"{Number(r.SantriAdded)} ditambahkan, {Number(r.SantriChanged)} diubah, {Number(r.SantriUnchanged)} tetap, {Number(r.SantriRemoved)} dinonaktifkan, {Number(r.SantriFlagged)} ditandai";

    public static string GtkCounts(PontrenSyncRun r) =>
        $"{Number(r.GtkAdded)} ditambahkan, {Number(r.GtkChanged)} diubah, {Number(r.GtkUnchanged)} tetap, {Number(r.GtkRemoved)} dinonaktifkan";

    public static string FacilityCounts(PontrenSyncRun r) => $"{Number(r.FacilitiesChanged)} jenis diperbarui";

    /// <summary>"1.250 dari 10.000 data".</summary>
    public static string Progress(int processed, int total) => $"{Number(processed)} dari {Number(total)} data";
}
