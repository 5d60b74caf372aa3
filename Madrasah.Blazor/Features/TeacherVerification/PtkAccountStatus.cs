using Madrasah.Blazor.Components.Shared;

namespace Madrasah.Blazor.Features.TeacherVerification;

/// <summary>Where a PTK's active email stands (the operator's table, its filter, the teacher's "Akun" tab).</summary>
public enum PtkAccountStatus
{
    /// <summary>"Belum diisi": no active email yet.</summary>
    NoEmail = 0,
    /// <summary>"Menunggu verifikasi": an email, no working code.</summary>
    AwaitingVerification = 1,
    /// <summary>"Kode terkirim": a code was sent and still works.</summary>
    CodeSent = 2,
    /// <summary>"Terverifikasi".</summary>
    Verified = 3,
}

public static class PtkAccountStatusNames
{
    public static string Label(this PtkAccountStatus status) => status switch
    {
        PtkAccountStatus.NoEmail => "Belum diisi",
        PtkAccountStatus.AwaitingVerification => "Menunggu verifikasi",
        PtkAccountStatus.CodeSent => "Kode terkirim",
        _ => "Terverifikasi",
    };

    public static Tone Tone(this PtkAccountStatus status) => status switch
    {
        PtkAccountStatus.NoEmail => Components.Shared.Tone.Neutral,
        PtkAccountStatus.AwaitingVerification => Components.Shared.Tone.Waiting,
        PtkAccountStatus.CodeSent => Components.Shared.Tone.Info,
        _ => Components.Shared.Tone.Success,
    };
}
