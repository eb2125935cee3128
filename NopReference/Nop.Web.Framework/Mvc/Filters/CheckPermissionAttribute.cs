// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using Microsoft.AspNetCore.Mvc;

namespace Nop.Web.Framework.Mvc.Filters;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CheckPermissionAttribute : TypeFilterAttribute
{
    public CheckPermissionAttribute(string permissionSystemName,
        CheckPermissionResultType resultType = CheckPermissionResultType.Default) : base(typeof(object))
    {
        PermissionSystemName.Add(permissionSystemName);
        ResultType = resultType;
    }

    public CheckPermissionAttribute(string[] permissionSystemNames,
        CheckPermissionResultType resultType = CheckPermissionResultType.Default) : base(typeof(object))
    {
        PermissionSystemName.AddRange(permissionSystemNames);
        ResultType = resultType;
    }

    public List<string> PermissionSystemName { get; } = new();

    public CheckPermissionResultType ResultType { get; }

    public enum CheckPermissionResultType
    {
        Default,
        Html,
        Text,
        Json
    }
}
