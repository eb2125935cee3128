using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

[TestFixture]
public class LinePayNonceTests
{
    [Test]
    public void NoncesAreDistinctVersion4UuidsAcrossRefillsAndThreads()
    {
        //more than one fill of random bytes per thread, on several threads at once
        var nonces = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 300; i++)
                nonces.Add(LinePayNonce.Create());
        });

        Assert.That(nonces, Has.Count.EqualTo(1200).And.Unique);
        Assert.That(nonces, Has.All.Matches<string>(nonce => Guid.TryParseExact(nonce, "D", out _)));
        Assert.That(nonces.Select(nonce => nonce[14]), Has.All.EqualTo('4'), "version 4");
        Assert.That(nonces.Select(nonce => nonce[19]), Has.All.AnyOf('8', '9', 'a', 'b'), "RFC 9562 variant");
    }
}
