using System.Reflection;
using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Components;
using Nop.Plugin.Payments.LinePay.Controllers;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Checkout;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.LinePay.Tests.AfterSale;

/// <summary>
/// The LINE Pay panel on the order page (Sales → Orders → Edit) and its "Check with LINE Pay now" button
/// </summary>
[TestFixture]
public class OrderPanelTests : CheckoutTestBase
{
    private LinePayOrderPanelModelFactory Panels => new(Store.OrderProcessing.Service.Object, Store.OrderService.Object, Checkout.OrderPayments,
        Checkout.Schedule, Checkout.Subscriptions);

    private LinePayOrderPanelViewComponent Component(LinePayOrderPanelModelFactory factory = null) =>
        new(Store.Logger.Object, Store.OrderService.Object, factory ?? Panels);

    private PaymentLinePayOrderController CheckController() =>
        new(Store.LocalizationService.Object, Store.NotificationService.Object, Store.OrderService.Object, Checkout.Reconciliation,
            Checkout.SubscriptionKeys, Checkout.Subscriptions);

    // the order page's model, as nopCommerce hands it to the widget zone
    private sealed record OrderPageModel : BaseNopEntityModel;

    [Test]
    public async Task APaidOrderShowsEveryAttemptItsRefundsWhereItWasPaidAndWhatComesNext()
    {
        var order = Store.PlaceOrder(1500m);
        await Checkout.ArriveAsync(await Emulator.Customer.CancelAsync(await Checkout.PostProcessAsync(order)));
        var retryUrl = await Checkout.PostProcessAsync(order);
        await Checkout.ArriveAsync(await Emulator.Customer.ApproveAsync(retryUrl));
        await Checkout.AdminRefundsAsync(order, 300m);
        var payment = PaymentOf(order);

        var model = await Panels.PrepareAsync(Store.GetOrder(order.Id));

        Assert.Multiple(() =>
        {
            Assert.That(model.OrderId, Is.EqualTo(order.Id));
            Assert.That(model.State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(model.Environment, Is.EqualTo($"test API {Emulator.BaseAddress}"));
            Assert.That(model.IsLive, Is.False);
            Assert.That(model.PayMethods, Is.EqualTo(new[] { "CREDIT_CARD" }));
            Assert.That(model.Paid, Is.EqualTo("1,500 TWD"));
            Assert.That(model.Refunded, Is.EqualTo("300 TWD"));
            Assert.That(model.Attempts.Select(attempt => (attempt.Attempt, attempt.State, attempt.Amount)), Is.EqualTo(new[]
            {
                (1, LinePayPaymentState.Cancelled, "1,500 TWD"), (2, LinePayPaymentState.Paid, "1,500 TWD")
            }));
            Assert.That(model.Attempts.Last().TransactionId, Is.EqualTo(payment.TransactionId.ToString()));
            Assert.That(model.Attempts.Last().LinePayOrderId, Is.EqualTo(payment.LinePayOrderId));
            Assert.That(model.Refunds.Select(refund => (refund.RefundTransactionId, refund.Amount, refund.FromOrderPage)), Is.EqualTo(new[]
            {
                (payment.Refunds.Single().RefundTransactionId.ToString(), "300 TWD", true)
            }));
            Assert.That(model.NextStep, Is.EqualTo(OrderPanelNextStep.Watched));
            Assert.That(model.NextCheckOnUtc, Is.Not.Null);
        });
    }

    [TestCase(115200, "TWD", "115,200 TWD")]
    [TestCase(1234.5, "THB", "1,234.50 THB")]
    [TestCase(12, "USD", "12.00 USD")]
    [TestCase(7.25, "XYZ", "7.25 XYZ")]
    public void AmountsAreShownWithTheCurrencysDecimalsAndThousandsSeparators(decimal amount, string currency, string shown) =>
        Assert.That(LinePayOrderPanelModelFactory.FormatAmount(amount, currency), Is.EqualTo(shown));

    [TestCase(LinePayPaymentState.Requested, OrderPanelNextStep.Unconfirmed)]
    [TestCase(LinePayPaymentState.Confirming, OrderPanelNextStep.Unconfirmed)]
    [TestCase(LinePayPaymentState.Paid, OrderPanelNextStep.Watched)]
    [TestCase(LinePayPaymentState.Authorized, OrderPanelNextStep.Watched)]
    [TestCase(LinePayPaymentState.HeldForCancelledOrder, OrderPanelNextStep.Watched)]
    [TestCase(LinePayPaymentState.Refunding, OrderPanelNextStep.Refunding)]
    [TestCase(LinePayPaymentState.ReturnDue, OrderPanelNextStep.ReturnDue)]
    [TestCase(LinePayPaymentState.GivenUp, OrderPanelNextStep.GivenUp)]
    [TestCase(LinePayPaymentState.Failed, OrderPanelNextStep.Finished)]
    [TestCase(LinePayPaymentState.Cancelled, OrderPanelNextStep.Finished)]
    [TestCase(LinePayPaymentState.Voided, OrderPanelNextStep.Finished)]
    [TestCase(LinePayPaymentState.AuthorizationExpired, OrderPanelNextStep.Finished)]
    [TestCase(LinePayPaymentState.Refunded, OrderPanelNextStep.Finished)]
    public async Task EachStateSaysWhatTheTaskDoesNext(LinePayPaymentState state, OrderPanelNextStep next)
    {
        var order = Store.PlaceOrder(1500m);
        Store.SavePayment(order.Id, new LinePayOrderPayment
        {
            TransactionId = 2026010100000000003, Amount = 1500m, Currency = "TWD", State = state, Sandbox = true,
            RequestedOnUtc = DateTime.UtcNow.AddDays(-1), ConfirmedOnUtc = DateTime.UtcNow.AddDays(-1),
            AuthorizationExpiresOnUtc = DateTime.UtcNow.AddDays(3),
            PendingRefund = state == LinePayPaymentState.Refunding ? new LinePayPendingRefund { Amount = 300m } : null
        });

        var model = await Panels.PrepareAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(model.State, Is.EqualTo(state));
            Assert.That(model.NextStep, Is.EqualTo(next));
            Assert.That(model.Environment, Is.EqualTo("sandbox"));
            Assert.That(model.AuthorizationExpiresOnUtc is not null, Is.EqualTo(state == LinePayPaymentState.Authorized));
            Assert.That(model.PendingRefund, Is.EqualTo(state == LinePayPaymentState.Refunding ? "300 TWD" : null));
        });
    }

    [Test]
    public async Task TheOrderPageOfAnotherPaymentMethodOrWithoutALinePayPaymentShowsNoPanel()
    {
        var otherMethod = Store.PlaceOrder(100m);
        Store.UpdateStoredOrder(otherMethod.Id, order => order.PaymentMethodSystemName = "Payments.CheckMoneyOrder");
        var notRequested = Store.PlaceOrder(100m);

        var results = new[]
        {
            await Component().InvokeAsync("admin_order_details_block", new OrderPageModel { Id = otherMethod.Id }),
            await Component().InvokeAsync("admin_order_details_block", new OrderPageModel { Id = notRequested.Id }),
            await Component().InvokeAsync("admin_order_details_block", null)
        };

        Assert.That(results, Has.All.InstanceOf<ContentViewComponentResult>().With.Property("Content").Empty);
    }

    [Test]
    public async Task TheOrderPageOfALinePayOrderShowsThePanel()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);

        var result = await Component().InvokeAsync("admin_order_details_block", new OrderPageModel { Id = order.Id });

        var view = (ViewViewComponentResult)result;
        Assert.That(view.ViewName, Is.EqualTo("~/Plugins/Payments.LinePay/Views/OrderPanel.cshtml"));
        Assert.That(((OrderPanelModel)view.ViewData!.Model!).State, Is.EqualTo(LinePayPaymentState.Paid));
    }

    [Test]
    public async Task APanelThatCannotBePreparedLeavesTheOrderPageOpenAndLogsAnError()
    {
        var (order, _) = await ApprovedOrderAsync();
        var failing = new Mock<LinePayOrderPanelModelFactory>(Store.OrderProcessing.Service.Object, Store.OrderService.Object,
            Checkout.OrderPayments, Checkout.Schedule, Checkout.Subscriptions);
        failing.Setup(factory => factory.PrepareAsync(It.IsAny<Order>())).ThrowsAsync(new InvalidOperationException("broken record"));

        var result = await Component(failing.Object).InvokeAsync("admin_order_details_block", new OrderPageModel { Id = order.Id });

        Assert.That(result, Is.InstanceOf<ContentViewComponentResult>().With.Property("Content").Empty);
        Assert.That(Store.Log, Has.One.Matches<(string Level, string Message)>(entry => entry.Level == "error" && entry.Message.Contains("broken record")));
    }

    [Test]
    public async Task CheckWithLinePayNowSettlesAPaymentWhoseAnswerWasLostAndSaysSo()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenHttp500());
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Http500());
        await Checkout.ArriveAsync(confirmUrl);
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Confirming));

        var result = (RedirectToActionResult)await CheckController().Check(order.Id);

        Assert.Multiple(() =>
        {
            Assert.That((result.ActionName, result.ControllerName, result.RouteValues!["id"]), Is.EqualTo(("Edit", "Order", (object)order.Id)));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(ConfirmCalls, Is.EqualTo(1));
            Assert.That(Notifications.Last(), Is.EqualTo(("success", string.Format(NopStore.English("Plugins.Payments.LinePay.Panel.Check.Changed"),
                NopStore.English("Plugins.Payments.LinePay.State.Paid")))));
        });
    }

    [Test]
    public async Task CheckWithLinePayNowSaysSoWhenItRecordsARefundMadeInMerchantCenter()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);
        Emulator.MerchantCenter.Refund(PaymentOf(order).TransactionId, 200m);

        await CheckController().Check(order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(order.Id).RefundedAmount, Is.EqualTo(200m));
            Assert.That(Notifications.Last(), Is.EqualTo(("success", string.Format(NopStore.English("Plugins.Payments.LinePay.Panel.Check.Changed"),
                NopStore.English("Plugins.Payments.LinePay.State.Paid")))));
        });
    }

    [Test]
    public async Task CheckWithLinePayNowAsksAboutAReservationTheTaskWouldStillLeaveAlone()
    {
        var (order, _) = await ApprovedOrderAsync();

        await CheckController().Check(order.Id);

        Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.EqualTo(1));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid), "the customer had approved it: it is confirmed");
    }

    [Test]
    public async Task CheckWithLinePayNowWhileLinePayIsDownChangesNothingAndSaysSo()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenHttp500());
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Http500(), times: 2);
        await Checkout.ArriveAsync(confirmUrl);

        await CheckController().Check(order.Id);

        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Confirming));
        Assert.That(Notifications.Last().Kind, Is.EqualTo("warning"));
        Assert.That(Notifications.Last().Text, Does.StartWith("LINE Pay could not be reached"));
    }

    [Test]
    public async Task CheckWithLinePayNowWhileAnotherRequestWorksOnThePaymentCallsNothing()
    {
        var (order, _) = await ApprovedOrderAsync();
        Assert.That(await Checkout.Claims.TryClaimAsync(order, PaymentOf(order)), Is.Not.Null);
        Emulator.Journal.Clear();

        await CheckController().Check(order.Id);

        Assert.That(Emulator.Journal.Calls, Is.Empty);
        Assert.That(Notifications.Last(), Is.EqualTo(("warning", NopStore.English("Plugins.Payments.LinePay.AfterSale.InProgress"))));
    }

    [Test]
    public async Task CheckWithLinePayNowAsksOnceMoreAboutAPaymentTheTaskGaveUpOn()
    {
        var (order, _) = await ApprovedOrderAsync();
        var payment = PaymentOf(order);
        payment.State = LinePayPaymentState.GivenUp;
        Store.SavePayment(order.Id, payment);

        await CheckController().Check(order.Id);

        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public void TheCheckIsAnAdminPostWithTheOrderPagesPermissionAndAntiforgery()
    {
        var controller = typeof(PaymentLinePayOrderController);
        var check = controller.GetMethod(nameof(PaymentLinePayOrderController.Check))!;

        Assert.Multiple(() =>
        {
            Assert.That(controller.GetCustomAttribute<AreaAttribute>()?.RouteValue, Is.EqualTo(AreaNames.ADMIN));
            Assert.That(controller.GetCustomAttribute<AuthorizeAdminAttribute>(), Is.Not.Null);
            Assert.That(controller.GetCustomAttribute<AutoValidateAntiforgeryTokenAttribute>(), Is.Not.Null);
            Assert.That(check.GetCustomAttribute<HttpPostAttribute>(), Is.Not.Null);
            Assert.That(check.GetCustomAttribute<CheckPermissionAttribute>()?.PermissionSystemName,
                Is.EqualTo(new[] { StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE }));
        });
    }
}
