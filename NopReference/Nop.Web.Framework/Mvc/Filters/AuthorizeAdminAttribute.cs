// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Mvc.Filters;

public sealed class AuthorizeAdminAttribute : TypeFilterAttribute
{
    public AuthorizeAdminAttribute(bool ignore = false) : base(typeof(object))
    {
        IgnoreFilter = ignore;
    }

    public bool IgnoreFilter { get; }
}
