using System.Net;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>The app finds its settings and keeps its data next to itself, whatever folder it is started from.</summary>
[Trait("Kind", "App")]
public sealed class ContentRootTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void The_current_folder_is_kept_when_it_holds_appsettings_json()
    {
        var project = Directory.CreateTempSubdirectory("madrasah-cwd-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "appsettings.json"), "{}");
            Assert.Null(ContentRoot.Choose([], project, "/opt/madrasah/", NoEnvironment));
        }
        finally { Directory.Delete(project, recursive: true); }
    }

    [Fact]
    public void Another_folder_gives_way_to_the_apps_own_folder_unless_a_content_root_is_given()
    {
        var elsewhere = Directory.CreateTempSubdirectory("madrasah-cwd-").FullName;
        try
        {
            Assert.Equal("/opt/madrasah/", ContentRoot.Choose([], elsewhere, "/opt/madrasah/", NoEnvironment));
            Assert.Null(ContentRoot.Choose(["--contentRoot", "/srv/x"], elsewhere, "/opt/madrasah/", NoEnvironment));
            Assert.Null(ContentRoot.Choose([], elsewhere, "/opt/madrasah/", name => name == "ASPNETCORE_CONTENTROOT" ? "/srv/x" : null));
        }
        finally { Directory.Delete(elsewhere, recursive: true); }
    }

    [Fact]
    public async Task Started_from_another_folder_the_app_answers_and_keeps_relative_data_next_to_itself()
    {
        var elsewhere = Directory.CreateTempSubdirectory("madrasah-cwd-").FullName;
        var dataFolder = $"App_Data_uji_{Guid.NewGuid():N}";
        try
        {
            await using (var app = await TestApp.StartAsync(new Dictionary<string, string>
                         {
                             ["Database__Path"] = $"{dataFolder}/madrasah.db", // relative: resolved against the content root
                         }, workingDirectory: elsewhere))
            {
                using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
                Assert.Equal("Healthy", await http.GetStringAsync("/healthz"));
                var login = await http.GetAsync("/Account/Login");
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
                Assert.Contains("Masuk", await login.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/app.css")).StatusCode);

                Assert.True(File.Exists(Path.Combine(TestApp.AppFolder, dataFolder, "madrasah.db")), "the database lies in the app's folder");
                Assert.Empty(Directory.GetFileSystemEntries(elsewhere)); // nothing written where it was started
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(Path.Combine(TestApp.AppFolder, dataFolder), recursive: true); } catch (DirectoryNotFoundException) { }
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
