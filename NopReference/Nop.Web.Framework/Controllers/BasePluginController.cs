// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
namespace Nop.Web.Framework.Controllers;

public abstract partial class BasePluginController : BaseController;
