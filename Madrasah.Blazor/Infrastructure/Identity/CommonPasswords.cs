namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>Very common passwords and password stems, international and Indonesian.</summary>
internal static class CommonPasswords
{
    public static readonly HashSet<string> Exact = new(StringComparer.Ordinal)
    {
        "password", "password1", "password123", "p@ssw0rd", "p@ssword1", "passw0rd!", "qwerty123", "qwerty@123",
        "admin123", "admin@123", "abc12345", "abcd1234", "12345678", "123456789", "1234567890", "11111111",
        "iloveyou", "welcome1", "welcome@123", "letmein1", "bismillah", "bismillah123", "bismillah@123",
        "indonesia", "indonesia1945", "indonesia@1945", "madrasah123", "madrasah@123", "kemenag123", "kemenag@123",
        "sayang123", "rahasia123", "merdeka45", "merdeka@45", "test@1234", "test@123",
    };

    public static readonly HashSet<string> Stems = new(StringComparer.Ordinal)
    {
        "password", "passwords", "pass", "passwd", "qwerty", "qwertyuiop", "asdf", "asdfgh", "zxcvbn", "abc", "abcd", "abcdef",
        "admin", "administrator", "root", "user", "login", "welcome", "letmein", "iloveyou", "monkey", "dragon",
        "sunshine", "princess", "football", "master", "secret", "test", "testing", "guest", "changeme", "default",
        "bismillah", "alhamdulillah", "subhanallah", "indonesia", "merdeka", "jakarta", "sayang", "sayangku",
        "rahasia", "katasandi", "sandi", "cinta", "cintaku", "madrasah", "kemenag", "emis", "pesantren", "sekolah",
        "guru", "operator", "kamad", "kepala", "dapodik", "simpeg", "pusaka", "absensi", "belajar",
    };
}
