using System.Reflection;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Features.Dashboard;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Features.Helpdesk;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Features.TeacherVerification;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>
/// Every page says which roles open it, and those are the roles the menu shows it to: a role that does not see a page
/// in its menu cannot open it by typing the address either (the router answers "Akses ditolak").
/// </summary>
public sealed class PageAccessTests
{
    /// <summary>
    /// Pages anyone may open: signing in, the head's registration (no account yet), public receipt checks, errors, and
    /// the helpdesk's form and a requester's secure link (no account needed).
    /// </summary>
    private static readonly string[] PublicRoutes =
    [
        "/Account/Login", "/Account/Lockout", "/Account/AccessDenied", "/not-found", "/Error",
        "/verifikasi", "/verifikasi/{Number}",
        HeadAccountService.WizardPath, HeadAccountService.VerifyPath, HeadAccountService.ResendPath,
        PasswordLinks.Path, "/akun/lupa-password", // a link emailed to someone who cannot sign in yet
        "/_uji/galat-interaktif",   // only with Diagnostics:FailureProbe (404 elsewhere)
        "/hubungi-kami", "/hubungi-kami/laporan/{Token}",
        "/pontren/daftar", "/pontren/daftar/status/{Token}", // a pesantren registers before it has any account
    ];

    /// <summary>Roles a page admits beyond its menu item, because they reach it through a link of their own pages.</summary>
    private static readonly Dictionary<string, string[]> ReachedByLink = new()
    {
        ["/lembaga"] = [Roles.AdminKabKota],   // /lembaga/{Id} from "Lembaga di Kabupaten"
        ["/pegawai"] = [Roles.AdminKabKota],   // /lembaga/{InstitutionId}/pegawai from "Lembaga di Kabupaten"
    };

    private sealed record Page(Type Type, string[] Routes, bool Anonymous, string[]? Roles);

    private static IReadOnlyList<Page> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .Select(t => new Page(
                t,
                t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ToArray(),
                t.GetCustomAttributes<AllowAnonymousAttribute>(inherit: true).Any(),
                t.GetCustomAttributes<AuthorizeAttribute>(inherit: true).FirstOrDefault()?.Roles?.Split(',', StringSplitOptions.TrimEntries)))
            .ToList();

    private static IReadOnlyList<NavigationItem> Menu()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddNavigation();
        services.AddMadrasahTime();
        services.AddAudit();
        services.AddEmail(configuration);
        services.AddDashboard();
        services.AddInstitutions();
        services.AddHeadRegistration(configuration);
        services.AddApprovals();
        services.AddUserAccounts(configuration);
        services.AddAttendance();
        services.AddTeacherVerification(configuration);
        services.AddHelpdesk(configuration);
        return services.Where(d => d.ServiceType == typeof(NavigationItem)).Select(d => (NavigationItem)d.ImplementationInstance!).ToList();
    }

    [Fact]
    public void Every_page_is_public_on_purpose_or_names_its_roles()
    {
        foreach (var page in Pages())
        {
            if (page.Anonymous)
            {
                Assert.True(page.Routes.All(PublicRoutes.Contains), $"{page.Type.Name} ({string.Join(", ", page.Routes)}) is open to anyone but not on the list of public pages.");
                continue;
            }
            Assert.True(page.Roles is { Length: > 0 }, $"{page.Type.Name} ({string.Join(", ", page.Routes)}) needs [Authorize(Roles = ...)].");
            Assert.All(page.Roles!, role => Assert.Contains(role, Roles.All));
        }
    }

    [Fact]
    public void Each_menu_item_opens_a_page_for_exactly_the_roles_that_see_it()
    {
        var pages = Pages();
        foreach (var item in Menu())
        {
            var page = Assert.Single(pages, p => p.Routes.Contains(item.Href));
            if (page.Anonymous)
            {
                Assert.Contains(item.Href, PublicRoutes); // a public page in some roles' menus ("Hubungi Kami")
                continue;
            }
            var expected = item.Roles.Where(r => r != NavigationItems.DevelopmentOnly) // a marker (the item shows in Development only), not a role
                .Concat(ReachedByLink.GetValueOrDefault(item.Href, [])).Order().ToArray();
            Assert.True(page.Roles is not null, $"{item.Href}: the page names no roles");
            Assert.Equal(expected, page.Roles!.Order().ToArray());
        }
    }

    [Fact]
    public void A_Pegawai_has_only_pages_of_their_own()
    {
        var pegawai = Menu().Where(i => i.Roles.Contains(Roles.Pegawai)).OrderBy(i => i.Order).Select(i => i.Href);
        Assert.Equal(["/", "/biodata", "/absensi", "/laporan/pengaduan", "/laporan/ketidakhadiran", "/hubungi-kami"], pegawai);
        var closed = Pages().Where(p => p.Routes.Any(r => r is "/pegawai" or "/lembaga")).ToList();
        Assert.Equal(2, closed.Count);
        Assert.All(closed, p => Assert.DoesNotContain(Roles.Pegawai, p.Roles!));
    }
}
