using System.Reflection;
using BootstrapBlazor.Components;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>
/// The layout has no &lt;BootstrapBlazorRoot&gt; (it costs every open circuit its dialog, toast, message and alert
/// containers): these services would then do nothing, so no code of the app may use them.
/// </summary>
public sealed class BootstrapBlazorRootTests
{
    private static readonly Type[] NeedTheRoot =
    [
        typeof(DialogService), typeof(ToastService), typeof(MessageService), typeof(SwalService), typeof(DrawerService),
        typeof(MaskService), typeof(DownloadService), typeof(PrintService),
    ];

    [Fact]
    public void No_page_or_service_uses_the_popups_that_need_BootstrapBlazors_root()
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var users = typeof(Program).Assembly.GetTypes().SelectMany(type =>
                type.GetProperties(all).Select(p => (Type: type, Member: p.Name, Used: p.PropertyType))
                    .Concat(type.GetFields(all).Select(f => (Type: type, Member: f.Name, Used: f.FieldType)))
                    .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => (Type: type, Member: p.Name ?? "", Used: p.ParameterType))))
            .Where(m => NeedTheRoot.Contains(m.Used))
            .Select(m => $"{m.Type.FullName}.{m.Member}: {m.Used.Name}")
            .ToList();

        Assert.Empty(users);
    }
}
