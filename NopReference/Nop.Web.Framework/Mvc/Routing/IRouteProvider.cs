// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using Microsoft.AspNetCore.Routing;

namespace Nop.Web.Framework.Mvc.Routing;

public partial interface IRouteProvider
{
    void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder);

    int Priority { get; }
}
