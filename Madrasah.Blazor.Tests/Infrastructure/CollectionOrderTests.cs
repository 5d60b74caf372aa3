namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>The run's order finds the class behind a class's own collection (classes that start apps go first).</summary>
public sealed class CollectionOrderTests
{
    [Fact]
    public void A_class_collections_name_as_xunit_gives_it_leads_to_its_class()
    {
        // The display name of a class's own collection in this run's xunit, as it reaches the orderer.
        var name = TestContext.Current.TestCollection!.TestCollectionDisplayName;
        Assert.Equal(typeof(CollectionOrderTests), CollectionOrder.ClassOf(name));
        Assert.Equal(typeof(Hosting.ContentRootTests),
            CollectionOrder.ClassOf("Test collection for Madrasah.Blazor.Tests.Infrastructure.Hosting.ContentRootTests (id: 69ffd2d539ea9ff61b47eee653580191b60aabac6c339de33d72f950f00f243f)"));
        Assert.Null(CollectionOrder.ClassOf(BrowserCollection.Name));
    }
}
