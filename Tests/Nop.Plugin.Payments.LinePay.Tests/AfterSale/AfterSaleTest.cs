using LinePay.Emulator.Api;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Tests.AfterSale;

/// <summary>
/// Base of the capture, void and refund tests: a fresh nopCommerce store per test whose LINE Pay settings point at the
/// emulator, the three services over it, and orders brought to Paid or Authorized through the emulator as checkout
/// would bring them there
/// </summary>
public abstract class AfterSaleTest : EmulatorTest
{
    private readonly Dictionary<int, int> _notesBeforeAfterSale = new();

    protected NopStore Store { get; private set; } = null!;

    protected LinePayCaptureService CaptureService { get; private set; } = null!;

    protected LinePayVoidService VoidService { get; private set; } = null!;

    protected LinePayRefundService RefundService { get; private set; } = null!;

    [SetUp]
    public void CreateStore()
    {
        Store = new NopStore();
        Store.ConfigureLinePay(Emulator.BaseAddress, Emulator.ChannelId, Emulator.ChannelSecret);
        var checkout = new LinePayCheckout(Store);
        CaptureService = checkout.Captures;
        VoidService = checkout.Voids;
        RefundService = checkout.Refunds;
    }

    /// <summary>
    /// An order paid (capture) or authorized through the emulator: Request, the customer's approval, Confirm, then the
    /// record and the order's state as the confirm flow leaves them. The emulator's journal is cleared afterwards.
    /// </summary>
    protected async Task<Order> ConfirmedOrderAsync(decimal orderTotal = 1000m, decimal amount = 1000m, string currency = "TWD",
        bool capture = true)
    {
        var order = Store.PlaceOrder(orderTotal);
        var client = await Store.ClientFactory.CreateClientAsync(NopStore.StoreId);
        var orderId = LinePayOrderIds.Create(order.OrderGuid, 1);
        var requestedOnUtc = DateTime.UtcNow;
        var reserved = await client.RequestPaymentAsync(
            PaymentRequests.Create(price: amount, quantity: 1, currency: currency, capture: capture, orderId: orderId));
        await Emulator.Customer.ApproveAsync(new Uri(reserved.PaymentUrl.Web));
        var confirmed = await client.ConfirmPaymentAsync(reserved.TransactionId, amount, currency);

        Store.SavePayment(order.Id, new LinePayOrderPayment
        {
            TransactionId = reserved.TransactionId,
            LinePayOrderId = orderId,
            Attempt = 1,
            Amount = amount,
            Currency = currency,
            PaymentMode = capture ? LinePayPaymentMode.CaptureImmediately : LinePayPaymentMode.AuthorizeOnly,
            State = capture ? LinePayPaymentState.Paid : LinePayPaymentState.Authorized,
            LastReturnCode = LinePayReturnCodes.Success,
            RequestedOnUtc = requestedOnUtc,
            ConfirmedOnUtc = DateTime.UtcNow,
            AuthorizationExpiresOnUtc = confirmed.AuthorizationExpireDate?.UtcDateTime,
            UpdatedOnUtc = DateTime.UtcNow
        });
        //the confirmation puts the record's next claim back when it is done
        await Store.Claims.ReleaseAsync(order, PaymentOf(order));
        var processing = Store.OrderProcessing.Service.Object;
        if (capture)
            await processing.MarkOrderAsPaidAsync(order);
        else
            await processing.MarkAsAuthorizedAsync(order);

        Emulator.Journal.Clear();
        _notesBeforeAfterSale[order.Id] = Store.NotesOf(order.Id).Count;
        return Store.GetOrder(order.Id);
    }

    protected LinePayOrderPayment PaymentOf(Order order) => Store.PaymentOf(order.Id);

    /// <summary>The notes added to the order since it was paid or authorized</summary>
    protected IReadOnlyList<string> NotesSinceConfirmOf(Order order) =>
        Store.NotesOf(order.Id).Skip(_notesBeforeAfterSale[order.Id]).Select(note => note.Note).ToList();

    protected int CallsTo(LinePayEndpoint endpoint) => Emulator.Journal.Count(endpoint);

    /// <summary>
    /// Refunds as nopCommerce 4.90.3's OrderProcessingService does from the order page: the plugin's refund, then on
    /// success the refunded amount and the payment status the result names (Refunded once the order total is reached)
    /// </summary>
    protected async Task<RefundPaymentResult> RefundFromOrderPageAsync(Order order, decimal amountToRefund, bool isPartialRefund)
    {
        var result = await RefundService.RefundAsync(new RefundPaymentRequest
        {
            Order = order,
            AmountToRefund = amountToRefund,
            IsPartialRefund = isPartialRefund
        });
        if (result.Success)
        {
            Store.UpdateStoredOrder(order.Id, stored =>
            {
                stored.RefundedAmount += amountToRefund;
                stored.PaymentStatus = isPartialRefund && stored.RefundedAmount == stored.OrderTotal
                    && result.NewPaymentStatus == PaymentStatus.PartiallyRefunded
                        ? PaymentStatus.Refunded
                        : result.NewPaymentStatus;
            });
        }

        return result;
    }

    protected static string English(string key, params object[] args) =>
        args.Length == 0
            ? NopStore.English($"Plugins.Payments.LinePay.{key}")
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, NopStore.English($"Plugins.Payments.LinePay.{key}"), args);
}
