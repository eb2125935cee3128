using Microsoft.AspNetCore.Mvc;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.LinePay.Components;

/// <summary>
/// Shows on the payment info step of checkout what happens when the customer pays with LINE Pay
/// </summary>
public class LinePayPaymentInfoViewComponent : NopViewComponent
{
    public IViewComponentResult Invoke()
    {
        return View(LinePayDefaults.PaymentInfoViewPath);
    }
}
