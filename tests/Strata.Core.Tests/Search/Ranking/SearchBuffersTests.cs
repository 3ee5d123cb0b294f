using Strata.Core.Search.Ranking;
using Xunit;

namespace Strata.Core.Tests.Search.Ranking;

public sealed class SearchBuffersTests
{
    [Fact]
    public void Release_ForgetsPooledArrays_AndArraysRentedBeforeStillGoBack()
    {
        var rentedBefore = SearchBuffers.Ints.Rent(1000);
        var returned = SearchBuffers.Floats.Rent(5000);
        SearchBuffers.Floats.Return(returned);
        Assert.Same(returned, SearchBuffers.Floats.Rent(5000)); // pooled: the same array comes back
        SearchBuffers.Floats.Return(returned);

        SearchBuffers.Release();

        Assert.NotSame(returned, SearchBuffers.Floats.Rent(5000)); // forgotten: a new array
        var renter = SearchBuffers.Ints.Rent(1000);
        SearchBuffers.Ints.Return(renter);
        SearchBuffers.Ints.Return(rentedBefore); // an array from before the release is taken back without complaint
        Assert.Equal(1024, SearchBuffers.Ints.Rent(1000).Length);
    }

    [Fact]
    public void ArraysLongerThanAMillion_AreNotKept()
    {
        var large = SearchBuffers.Bytes.Rent((1 << 20) + 1);
        SearchBuffers.Bytes.Return(large);
        Assert.NotSame(large, SearchBuffers.Bytes.Rent((1 << 20) + 1));
    }
}
