// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Routing;

namespace Nop.Web.Framework.Controllers;

public sealed partial class FormValueRequiredAttribute : ActionMethodSelectorAttribute
{
    public FormValueRequiredAttribute(params string[] submitButtonNames)
    {
    }

    public override bool IsValidForRequest(RouteContext routeContext, ActionDescriptor action) =>
        throw new NotSupportedException();
}
