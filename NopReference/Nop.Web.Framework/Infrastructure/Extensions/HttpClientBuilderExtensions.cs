// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using Microsoft.Extensions.DependencyInjection;

namespace Nop.Web.Framework.Infrastructure.Extensions;

public static partial class HttpClientBuilderExtensions
{
    public static void WithProxy(this IHttpClientBuilder httpClientBuilder)
    {
    }
}
