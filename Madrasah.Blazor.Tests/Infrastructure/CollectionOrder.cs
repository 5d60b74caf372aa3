using System.Reflection;
using Madrasah.Blazor.Tests.Infrastructure;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(CollectionOrder))]

namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// Starts the longest test collections first. xunit runs as many collections at once as it has places
/// (<c>maxParallelThreads</c> in xunit.runner.json: 1.5 per core), each holding its place until all its tests are done,
/// and starts them in this order: the browser collections (one app and one Chromium each, their tests one after another)
/// are by far the longest, so they start at once instead of wherever xunit's default (random) order would put them, and
/// the short collections fill the other places around them. Then come the other classes that start apps (Kind=App), then
/// the rest; within a group, by name (a stable order run to run). With only as many places as cores (2 here), the two
/// browser collections held both and every other test ran after them, adding minutes at the end of the run.
/// </summary>
public sealed class CollectionOrder : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        testCollections.OrderBy(c => Weight(c)).ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal).ToList();

    private const string ClassCollection = "Test collection for ";

    private static int Weight(ITestCollection collection)
    {
        var name = collection.TestCollectionDisplayName;
        if (name is BrowserCollection.Name or SecondBrowserCollection.Name) return 0;
        // The other named collections share an app between their classes (the receipts', the two servers').
        if (!name.StartsWith(ClassCollection, StringComparison.Ordinal)) return 1;
        var kinds = ClassOf(name)?.GetCustomAttributes<TraitAttribute>().Where(t => t.Name == "Kind").Select(t => t.Value) ?? [];
        return kinds.Contains("App") ? 1 : 2;
    }

    /// <summary>
    /// The test class of a class's own collection, from its display name: xunit v3 names it
    /// "Test collection for Namespace.Class (id: 69ffd2…)".
    /// </summary>
    internal static Type? ClassOf(string collectionDisplayName)
    {
        if (!collectionDisplayName.StartsWith(ClassCollection, StringComparison.Ordinal)) return null;
        var name = collectionDisplayName[ClassCollection.Length..];
        var id = name.IndexOf(" (id: ", StringComparison.Ordinal);
        return typeof(CollectionOrder).Assembly.GetType(id < 0 ? name : name[..id]);
    }
}
