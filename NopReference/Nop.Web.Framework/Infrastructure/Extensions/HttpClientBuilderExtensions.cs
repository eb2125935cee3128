// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using Microsoft.Extensions.DependencyInjection;

namespace Nop.Web.Framework.Infrastructure.Extensions;

public static partial class HttpClientBuilderExtensions
{
    //as 4.90 does: the primary handler is an HttpClientHandler (here without the store's proxy settings)
    public static void WithProxy(this IHttpClientBuilder httpClientBuilder)
    {
        httpClientBuilder.ConfigurePrimaryHttpMessageHandler(_ => new HttpClientHandler());
    }
}
