namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>Inline styles of the email templates (email clients ignore style sheets and classes).</summary>
public static class EmailStyles
{
    public const string Green = "#0f6b46";
    public const string Font = "font-family:Arial,Helvetica,sans-serif;";
    public const string Paragraph = "margin:0 0 16px 0;";
    public const string Button = Font + "display:inline-block;background-color:" + Green + ";color:#ffffff;text-decoration:none;"
        + "font-weight:bold;font-size:15px;padding:12px 24px;border-radius:6px;";
    public const string Muted = "color:#6c757d;font-size:13px;";
}
