using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Infrastructure.Identity;

namespace Madrasah.Blazor.Features.SignIn;

/// <summary>
/// A message of the sign-in page: plain text, optionally followed by one link and by a short list of hints (the page
/// renders the markup).
/// </summary>
public sealed record LoginMessage(string Text, string? LinkText = null, string? LinkHref = null, string? LinkTestId = null,
    IReadOnlyList<string>? Hints = null);

/// <summary>Where the sign-in page goes next (a full page load), or what it tells the user.</summary>
public sealed record LoginResult(string? RedirectTo, LoginMessage? Message)
{
    public static LoginResult Redirect(string url) => new(url, null);
    public static LoginResult Show(LoginMessage message) => new(null, message);
}

/// <summary>
/// The sign-in form's decisions: an email signs in with its password; a NIK signs in the one account with that NIK
/// (a head registered before: "Email atau NIK"), or else (the seed's "NIK Kepala Madrasah on the username column,
/// Kode Registrasi on the password column") starts the head's registration, its ticket in a cookie for the next step.
/// Every outcome maps to one Indonesian message here, so the page only renders it.
/// </summary>
public sealed class LoginService(SignInService signIn, RegistrationCodeService registrationCodes, IHttpContextAccessor http)
{
    public async Task<LoginResult> SignInAsync(string userName, string password, bool rememberMe, string? returnUrl, string? client)
    {
        if (RegistrationCodeService.ReadNik(userName) is { Length: NipLength } nip)
        {
            // 18 digits: a civil servant's NIP (a NIK has 16), the user id staff know from their SK.
            var account = await signIn.PasswordSignInByNipAsync(nip, password, rememberMe);
            var nipOutcome = account?.Outcome ?? SignInOutcome.Failed;
            return Answer(nipOutcome, returnUrl, MessageFor(nipOutcome, account?.Email ?? "", WrongNipPair));
        }
        if (RegistrationCodeService.ReadNik(userName) is { } nik)
        {
            // Format and limit first, for every NIK alike: whether a NIK has an account shows in no answer.
            if (registrationCodes.BeginTry(nik, client) is { } refused) return LoginResult.Show(MessageFor(refused));
            if (await signIn.PasswordSignInByNikAsync(nik, password, rememberMe) is { } account)
            {
                // Only the right password (signed in, not verified, deactivated) is told apart; a wrong one, and a lockout
                // (which a NIK without an account cannot have), answers as a wrong code does, and the try stays counted.
                if (account.Outcome is SignInOutcome.Failed or SignInOutcome.LockedOut) return LoginResult.Show(WrongPair);
                registrationCodes.EndTry(nik, client, signedIn: account.Outcome == SignInOutcome.Succeeded);
                return Answer(account.Outcome, returnUrl, MessageFor(account.Outcome, account.Email, WrongPair));
            }

            var start = await registrationCodes.OpenAsync(nik, password, client);
            if (start.Status != RegistrationStartStatus.Accepted) return LoginResult.Show(MessageFor(start));
            RegistrationTicketCookie.Append(http.HttpContext ?? throw new InvalidOperationException("Sign-in runs in a request."), start.Ticket!);
            return LoginResult.Redirect(HeadAccountService.WizardPath);
        }

        var email = userName.Trim();
        var outcome = await signIn.PasswordSignInAsync(email, password, rememberMe);
        return Answer(outcome, returnUrl, MessageFor(outcome, email));
    }

    private static LoginResult Answer(SignInOutcome outcome, string? returnUrl, LoginMessage message) => outcome switch
    {
        SignInOutcome.Succeeded => LoginResult.Redirect(SignInService.SafeReturnUrl(returnUrl)),
        SignInOutcome.LockedOut => LoginResult.Redirect("/Account/Lockout"),
        _ => LoginResult.Show(message),
    };

    public const string WrongPairText = "Periksa kembali NIK dan Password.";

    private const int NipLength = 18;

    /// <summary>A NIP with a wrong password, or a NIP without an account: one answer for both.</summary>
    private static readonly LoginMessage WrongNipPair = new("NIP atau Password salah. Periksa kembali lalu coba lagi.", Hints:
    [
        "PTK dan pegawai ASN dapat masuk dengan NIP (18 angka) atau email akunnya. Belum punya akun atau lupa Password? Hubungi operator atau petugas kepegawaian lembaga Anda.",
    ]);

    /// <summary>
    /// A NIK with a wrong password or code: the same text whether or not the NIK has an account, so it reveals nothing,
    /// and it tells both the head who registers and the head who already has an account what to type.
    /// </summary>
    private static readonly LoginMessage WrongPair = new(WrongPairText, Hints:
    [
        "Sudah punya akun? Kepala Madrasah yang sudah punya akun masuk dengan email (atau NIK) dan Password yang dibuat saat registrasi.",
        "Belum punya akun? Isi NIK Kepala Madrasah seperti tercatat pada data lembaga, dan Kode Registrasi pada kolom Password. "
        + "Kode tampil di Beranda Operator Lembaga, bagian Identitas Lembaga (KODE REGISTRASI); kode yang sudah dipakai atau sudah diganti dengan kode baru tidak berlaku lagi.",
    ]);

    /// <summary>The message for an email (or NIK) + password sign-in that did not succeed; <paramref name="email"/>: the account's.</summary>
    public static LoginMessage MessageFor(SignInOutcome outcome, string email, LoginMessage? wrongPassword = null) => outcome switch
    {
        SignInOutcome.EmailNotConfirmed => new(
            "Email akun ini belum diverifikasi. Buka email verifikasi yang kami kirim lalu klik “Verifikasi Email Sekarang”. "
            + "Tidak menerima email atau tautannya kedaluwarsa?",
            "Kirim ulang tautan verifikasi", $"{HeadAccountService.ResendPath}?email={Uri.EscapeDataString(email)}", "resend-link"),
        SignInOutcome.LockedOut => new("Akun terkunci sementara karena terlalu banyak percobaan yang salah. Coba lagi nanti."),
        SignInOutcome.Deactivated => new(
            "Akun ini dinonaktifkan oleh administrator. Hubungi Admin Kabupaten/Kota atau Administrator Sistem bila akun perlu diaktifkan kembali."),
        _ => wrongPassword ?? new("Email atau Password salah. Periksa kembali lalu coba lagi."),
    };

    /// <summary>The message for a NIK + registration code that did not open the "Informasi User" step.</summary>
    public static LoginMessage MessageFor(RegistrationStart start) => start.Status switch
    {
        RegistrationStartStatus.InvalidNik => new(
            $"{start.NikError} Kepala Madrasah yang belum punya akun mengisi NIK (16 digit) pada kolom Email atau NIK; pengguna lain mengisi email akunnya."),
        RegistrationStartStatus.RateLimited => new(
            $"Terlalu banyak percobaan NIK dan Kode Registrasi yang salah. Demi keamanan, coba lagi dalam {Math.Max(1, (int)Math.Ceiling(start.RetryAfter!.Value.TotalMinutes))} menit."),
        RegistrationStartStatus.CodeExpired => new(
            "Kode Registrasi sudah kedaluwarsa. Minta Operator Lembaga membuat kode baru di Beranda (Identitas Lembaga → KODE REGISTRASI → “Buat Kode Baru”)."),
        RegistrationStartStatus.HeadNikMissing => new(
            "NIK Kepala Madrasah belum tercatat pada data lembaga. Minta Operator Lembaga mengisi “NIK Kepala Madrasah” melalui “Ubah Data Lembaga”; "
            + "setelah perubahan itu disetujui, masuk lagi dengan NIK dan Kode Registrasi."),
        RegistrationStartStatus.AlreadyRegistered => new(
            "Akun Kepala Madrasah untuk lembaga ini sudah terdaftar. Masuk dengan email (atau NIK) dan Password yang didaftarkan. Email belum diverifikasi?",
            "Kirim ulang tautan verifikasi", HeadAccountService.ResendPath, "resend-link"),
        _ => WrongPair,
    };
}
