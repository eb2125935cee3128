using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Services.Payments;
using Nop.Plugin.Payments.LinePay.Controllers;
using Nop.Plugin.Payments.LinePay.Services;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// The plugin's real checkout services and return controller over a <see cref="NopStore"/>: what a customer's browser
/// would do, one request at a time
/// </summary>
public class LinePayCheckout(NopStore store)
{
    public NopStore Store { get; } = store;

    /// <summary>The locker of this instance of the store; another instance of a web farm has its own</summary>
    public ILocker Locker { get; init; } = store.Locker.Object;

    public LinePayOrderPaymentService OrderPayments => Store.OrderPaymentService;

    public LinePayPaymentScheduleService Schedule => Store.Schedule;

    public LinePayConfirmClaimService Claims => Store.Claims;

    public LinePayOrderNoteService Notes => new(Store.OrderService.Object, OrderPayments);

    public LinePayPaymentLockService Locks => new(Locker, Store.OrderService.Object, Claims, OrderPayments);

    public LinePayOrderSyncService OrderSync => new(Store.Logger.Object, Store.OrderProcessing.Service.Object, Store.OrderService.Object, Notes);

    public LinePayMoneyReturnService MoneyReturns => new(Store.Logger.Object, Notes, OrderPayments);

    public LinePayPaymentOutcomeService Outcomes => new(Store.Logger.Object, Store.OrderService.Object, Store.Settings.Service.Object,
        MoneyReturns, Notes, OrderPayments, OrderSync, SubscriptionKeys);

    public LinePayCaptureService Captures => new(Store.LocalizationService.Object, Store.Logger.Object, Store.ClientFactory, Claims,
        Notes, OrderPayments, Schedule);

    public LinePayVoidService Voids => new(Store.LocalizationService.Object, Store.Logger.Object, Store.ClientFactory, Claims,
        Notes, OrderPayments, Schedule);

    public LinePayRefundService Refunds => new(Store.LocalizationService.Object, Store.Logger.Object, Store.ClientFactory, Claims,
        Notes, OrderPayments, Schedule);

    public LinePayPaymentSettlementService Settlement => new(Notes, OrderPayments, Outcomes);

    public LinePayPaymentReviewService Reviews => new(Notes, OrderPayments, Outcomes);

    public LinePayPaymentConfirmationService Confirmation => new(Store.ClientFactory, Locks, Outcomes, Settlement);

    public LinePayPaymentReconciliationService Reconciliation => new(Store.Logger.Object, Store.OrderProcessing.Service.Object,
        Store.Settings.Service.Object, Store.ClientFactory, MoneyReturns, Notes, OrderPayments, OrderSync, Locks, Outcomes, Reviews,
        Settlement);

    /// <summary>The scheduled task that settles payments whose customer never came back, on this web server</summary>
    public LinePayReconciliationTask ReconciliationTask => new(Store.Logger.Object, Store.OrderService.Object, OrderPayments,
        Reconciliation, Schedule);

    /// <summary>The consumer of nopCommerce's order events</summary>
    public LinePayOrderEventConsumer EventConsumer => new(Store.Settings.Service.Object, Notes, OrderPayments, Schedule);

    public LinePayReturnService Returns => new(Store.Logger.Object, Store.OrderService.Object, OrderPayments, Confirmation);

    public LinePayPaymentRequestService Requests => new(Store.HttpContextAccessor.Object, Store.LanguageService.Object,
        Store.LocalizationService.Object, Store.Logger.Object, Store.OrderService.Object, Store.ProductService.Object,
        Store.Settings.Service.Object, Store.WebHelper.Object, Store.ClientFactory,
        Amounts, Claims, Notes, OrderPayments, Settlement, Subscriptions);

    public LinePayOrderAmountService Amounts => new(Store.CurrencySettings, Store.CurrencyService.Object);

    public LinePaySubscriptionService Subscriptions => new(Store.GenericAttributeService.Object, Store.OrderService.Object,
        Store.GenericAttributeRepository.Object, Store.ChannelSecrets);

    public LinePaySubscriptionScheduleService SubscriptionSchedule => new(Store.GenericAttributeRepository.Object);

    public LinePaySubscriptionLockService SubscriptionLocks => new(Locker, Store.OrderService.Object,
        new LinePayClaimRows(Store.GenericAttributeRepository.Object), Subscriptions);

    public LinePaySubscriptionOrderService SubscriptionOrders => new(Store.OrderService.Object, Claims, Notes, OrderPayments, Subscriptions);

    public LinePaySubscriptionKeyService SubscriptionKeys => new(Store.Logger.Object, Store.OrderProcessing.Service.Object,
        Store.OrderService.Object, Store.ClientFactory, Notes, OrderPayments, SubscriptionLocks, SubscriptionSchedule, Subscriptions);

    public LinePaySubscriptionChargeService SubscriptionCharges => new(Store.LocalizationService.Object, Store.Logger.Object,
        Store.NotificationService.Object, Store.OrderProcessing.Service.Object, Store.OrderService.Object, Store.ProductService.Object, Store.Settings.Service.Object,
        Store.ClientFactory, Amounts, Notes, SubscriptionKeys, SubscriptionLocks, SubscriptionOrders, Subscriptions);

    /// <summary>The scheduled task that charges due subscriptions, on this web server</summary>
    public LinePaySubscriptionTask SubscriptionTask => new(Store.Logger.Object, Store.OrderProcessing.Service.Object,
        Store.OrderService.Object, SubscriptionKeys, SubscriptionLocks, SubscriptionSchedule, Subscriptions, SubscriptionSettlement);

    public LinePaySubscriptionSettlementService SubscriptionSettlement => new(Store.Logger.Object, Store.OrderService.Object, Store.ClientFactory,
        Notes, Subscriptions);

    public LinePaySubscriptionEventConsumer SubscriptionEventConsumer => new(SubscriptionOrders, SubscriptionSchedule, Subscriptions);

    /// <summary>The payment method as nopCommerce builds it for this web server (what checkout and the order page call)</summary>
    public LinePayPaymentMethod PaymentMethod() => new(null, Store.ShoppingCartService.Object, Store.LocalizationService.Object, null,
        Store.Settings.Service.Object, Store.WebHelper.Object, null, Captures, Store.ChannelSecrets, Refunds, Voids, null, OrderPayments, Requests,
        Store.Settings.Load(NopStore.StoreId), SubscriptionCharges, SubscriptionKeys, new Nop.Core.Domain.Cms.WidgetSettings());

    /// <summary>
    /// nopCommerce's recurring payments run on this web server: its payment method charges and cancels, its consumer
    /// hears of placed orders and deleted recurring payments
    /// </summary>
    public void ServeSubscriptions()
    {
        Store.OrderProcessing.PaymentMethod = PaymentMethod;
        Store.Published += message => message switch
        {
            OrderPlacedEvent placed => SubscriptionEventConsumer.HandleEventAsync(placed),
            EntityDeletedEvent<RecurringPayment> deleted => SubscriptionEventConsumer.HandleEventAsync(deleted),
            _ => Task.CompletedTask
        };
    }

    /// <summary>Hands nopCommerce's order events to the plugin's consumer, as the event publisher does; once per store</summary>
    public void ConsumeOrderEvents() => Store.Published += message => message switch
    {
        OrderStatusChangedEvent changed => EventConsumer.HandleEventAsync(changed),
        EntityDeletedEvent<Order> deleted => EventConsumer.HandleEventAsync(deleted),
        _ => Task.CompletedTask
    };

    /// <summary>The admin cancels the order from the order page: nopCommerce's CancelOrderAsync on its own copy</summary>
    public Task AdminCancelsAsync(Order order) =>
        Store.OrderProcessing.Service.Object.CancelOrderAsync(Store.GetOrder(order.Id), notifyCustomer: false);

    /// <summary>The admin deletes the order: nopCommerce's DeleteOrderAsync on its own copy</summary>
    public Task AdminDeletesAsync(Order order) => Store.OrderProcessing.Service.Object.DeleteOrderAsync(Store.GetOrder(order.Id));

    /// <summary>The admin refunds from the order page: nopCommerce's RefundAsync/PartiallyRefundAsync around the plugin's refund</summary>
    public async Task<IList<string>> AdminRefundsAsync(Order order, decimal? amount = null)
    {
        var copy = Store.GetOrder(order.Id);
        var request = new RefundPaymentRequest { Order = copy, AmountToRefund = amount ?? copy.OrderTotal, IsPartialRefund = amount is not null };
        var result = await Refunds.RefundAsync(request);
        if (result.Success)
        {
            copy.RefundedAmount += request.AmountToRefund;
            copy.PaymentStatus = result.NewPaymentStatus;
            await Store.OrderService.Object.UpdateOrderAsync(copy);
        }
        return result.Errors;
    }

    /// <summary>The admin captures from the order page: nopCommerce's CaptureAsync around the plugin's capture</summary>
    public async Task<IList<string>> AdminCapturesAsync(Order order)
    {
        var copy = Store.GetOrder(order.Id);
        var result = await Captures.CaptureAsync(new CapturePaymentRequest { Order = copy });
        if (result.Success)
        {
            copy.CaptureTransactionId = result.CaptureTransactionId;
            copy.CaptureTransactionResult = result.CaptureTransactionResult;
            copy.PaymentStatus = result.NewPaymentStatus;
            await Store.OrderService.Object.UpdateOrderAsync(copy);
        }
        return result.Errors;
    }

    /// <summary>The admin voids from the order page: nopCommerce's VoidAsync around the plugin's void</summary>
    public async Task<IList<string>> AdminVoidsAsync(Order order)
    {
        var copy = Store.GetOrder(order.Id);
        var result = await Voids.VoidAsync(new VoidPaymentRequest { Order = copy });
        if (result.Success)
        {
            copy.PaymentStatus = result.NewPaymentStatus;
            await Store.OrderService.Object.UpdateOrderAsync(copy);
        }
        return result.Errors;
    }

    public PaymentLinePayReturnController ReturnController() =>
        new(Store.LocalizationService.Object, Store.NotificationService.Object, Store.WorkContext.Object, Returns)
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };

    /// <summary>PostProcessPaymentAsync of a placed order; returns where the customer is redirected</summary>
    public async Task<Uri> PostProcessAsync(Order order)
    {
        var http = Store.StartRequest();
        await Requests.RequestPaymentAsync(order);

        return http.Response.StatusCode == StatusCodes.Status302Found ? new Uri(http.Response.Headers.Location.ToString()) : null;
    }

    /// <summary>The browser arrives at the confirm or cancel URL LINE Pay redirected it to</summary>
    public async Task<RedirectToRouteResult> ArriveAsync(Uri returnUrl)
    {
        var query = QueryHelpers.ParseQuery(returnUrl.Query);
        var transactionId = query.TryGetValue("transactionId", out var t) ? t.ToString() : null;
        var orderId = query.TryGetValue("orderId", out var o) ? o.ToString() : null;
        var path = returnUrl.GetLeftPart(UriPartial.Path);
        var controller = ReturnController();

        var result = path == NopStore.StoreLocation + LinePayDefaults.ConfirmPath ? await controller.Confirm(transactionId, orderId)
            : path == NopStore.StoreLocation + LinePayDefaults.CancelPath ? await controller.Cancel(transactionId, orderId)
            : throw new InvalidOperationException($"{returnUrl} is not a return URL of the store.");

        return (RedirectToRouteResult)result;
    }
}
