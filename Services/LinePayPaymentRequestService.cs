using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Starts the LINE Pay payment of a placed order (PostProcessPaymentAsync, and "Retry payment" of a pending order):
/// requests it and sends the customer to LINE Pay's approval page
/// </summary>
public class LinePayPaymentRequestService
{
    //Payment Details answers 1177 for more ids than this
    private const int MaximumDetailsIds = 100;

    protected readonly IHttpContextAccessor _httpContextAccessor;
    protected readonly ILanguageService _languageService;
    protected readonly ILocalizationService _localizationService;
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly IProductService _productService;
    protected readonly ISettingService _settingService;
    protected readonly IWebHelper _webHelper;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayOrderAmountService _amountService;
    protected readonly LinePayConfirmClaimService _claimService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentSettlementService _settlementService;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public LinePayPaymentRequestService(IHttpContextAccessor httpContextAccessor,
        ILanguageService languageService,
        ILocalizationService localizationService,
        ILogger logger,
        IOrderService orderService,
        IProductService productService,
        ISettingService settingService,
        IWebHelper webHelper,
        LinePayClientFactory clientFactory,
        LinePayOrderAmountService amountService,
        LinePayConfirmClaimService claimService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentSettlementService settlementService,
        LinePaySubscriptionService subscriptionService)
    {
        _httpContextAccessor = httpContextAccessor;
        _languageService = languageService;
        _localizationService = localizationService;
        _logger = logger;
        _orderService = orderService;
        _productService = productService;
        _settingService = settingService;
        _webHelper = webHelper;
        _clientFactory = clientFactory;
        _amountService = amountService;
        _claimService = claimService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _settlementService = settlementService;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// Requests the payment of the order and redirects the customer to LINE Pay. For an order that already has a LINE
    /// Pay payment, LINE Pay is asked about it first, holding its claim (so that two clicks on "Retry payment" make one
    /// request): a completed or approved payment is finished (no second charge), one LINE Pay cannot tell about, or
    /// that may still hold money, stops the retry; and LINE Pay must show no money held for any earlier attempt
    /// before a new one is requested.
    /// </summary>
    /// <exception cref="NopException">LINE Pay could not be asked or refused; the message is for the customer</exception>
    public virtual async Task RequestPaymentAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(order.StoreId);
        var client = _clientFactory.CreateClient(settings);
        var previous = await _orderPaymentService.GetAsync(order);
        if (previous is null)
        {
            await RequestAsync(order, settings, client, new LinePayOrderPayment { Attempt = 1 });
            return;
        }

        if ((previous = await _claimService.TryClaimAsync(order, previous) ?? await _claimService.RestoreAndClaimAsync(order)) is null)
            throw new NopException(await GetMessageAsync(LinePayConfirmationOutcome.InProgress));

        var replaced = false;
        try
        {
            if (await FinishPreviousAsync(order, previous, client))
                return;

            await EnsureNothingHeldAsync(order, previous, client);
            replaced = await RequestAsync(order, settings, client, previous.NextAttempt());
        }
        finally
        {
            if (!replaced)
                await _claimService.ReleaseAsync(order, previous);
        }
    }

    /// <summary>
    /// Requests the attempt's payment from LINE Pay, saves its record (which replaces the one stored) with its first
    /// claim, and redirects the customer to LINE Pay's approval page
    /// </summary>
    /// <returns>True once the new record is saved</returns>
    protected virtual async Task<bool> RequestAsync(Order order, LinePayPaymentSettings settings, LinePayClient client,
        LinePayOrderPayment payment)
    {
        var amount = await _amountService.GetAmountAsync(order, settings.CurrencyCode);
        if (amount.IsRounded)
        {
            await _noteService.AddNoteAsync(order, string.Format(CultureInfo.InvariantCulture,
                "the order total {0} {1} was rounded to {2} {1}, the smallest unit LINE Pay accepts.",
                amount.ExactAmount, amount.Currency, LinePayCurrencyScale.ToWireAmount(amount.Amount, amount.Currency)));
        }

        //a subscription's order is a pre-approved payment: its Confirm issues the key that charges the next cycles
        var recurringPayment = await _subscriptionService.GetRecurringPaymentAsync(order);
        var request = new PaymentRequest
        {
            Amount = amount.Amount,
            Currency = amount.Currency,
            OrderId = LinePayOrderIds.Create(order.OrderGuid, payment.Attempt),
            Packages = [await CreatePackageAsync(order, amount)],
            RedirectUrls = new PaymentRedirectUrls
            {
                ConfirmUrl = _webHelper.GetStoreLocation() + LinePayDefaults.ConfirmPath,
                CancelUrl = _webHelper.GetStoreLocation() + LinePayDefaults.CancelPath
            },
            Options = new PaymentRequestOptions
            {
                Payment = new PaymentOptions
                {
                    Capture = settings.PaymentMode == LinePayPaymentMode.CaptureImmediately,
                    PayType = recurringPayment is null ? null : PaymentOptions.PreapprovedPayType
                },
                Display = new DisplayOptions { Locale = await GetDisplayLocaleAsync(order) },
                RegPayRequest = recurringPayment is not null && settings.ApiVersion == LinePayApiVersion.V4
                    ? LinePayRegPayTerms.Of(recurringPayment, amount.Amount)
                    : null
            }
        };

        PaymentRequestInfo info;
        try
        {
            info = await client.RequestPaymentAsync(request);
        }
        catch (LinePayException exception)
        {
            var why = LinePayOrderNoteService.Describe(exception);
            await _noteService.AddNoteAsync(order, $"the payment request (attempt {payment.Attempt}) failed: {why}.");
            //the store's setup, not the customer, is at fault: the shop owner reads it in the log
            if (exception is LinePayApiException { Classification: LinePayReturnCodeClass.CallerError })
                await _logger.ErrorAsync($"LINE Pay refused the payment request of order {order.Id}: {why}. Customers cannot pay with LINE Pay until the channel or the plugin's settings are corrected{(recurringPayment is not null ? " (pre-approved payments must be enabled for the channel to sell subscriptions)" : string.Empty)}.");
            throw new NopException(await _localizationService.GetResourceAsync("Plugins.Payments.LinePay.Checkout.RequestFailed"), exception);
        }

        payment.TransactionId = info.TransactionId;
        payment.LinePayOrderId = request.OrderId;
        payment.Amount = amount.Amount;
        payment.Currency = amount.Currency;
        payment.PaymentMode = settings.PaymentMode;
        payment.Preapproved = recurringPayment is not null;
        payment.Sandbox = settings.UseSandbox;
        payment.ApiBaseAddress = string.IsNullOrWhiteSpace(settings.ApiBaseAddress) ? null : settings.ApiBaseAddress.Trim();
        payment.LastReturnCode = LinePayReturnCodes.Success;
        payment.RequestedOnUtc = DateTime.UtcNow;
        payment.OpenSinceUtc = payment.RequestedOnUtc;
        await _orderPaymentService.SaveAsync(order, payment);
        await _claimService.AddFirstClaimAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"payment requested (attempt {payment.Attempt}): transaction {info.TransactionId}, orderId {request.OrderId}, " +
            $"amount {payment.FormatAmount()}, {(settings.PaymentMode == LinePayPaymentMode.CaptureImmediately ? "capture" : "authorize only")}" +
            (payment.Preapproved ? ", pre-approved for the subscription's next cycles." : "."));

        _httpContextAccessor.HttpContext.Response.Redirect(info.PaymentUrl.Web);

        return true;
    }

    /// <summary>
    /// Gets the locale of LINE Pay's pages for the order's customer: zh_TW, th or en
    /// </summary>
    public virtual async Task<string> GetDisplayLocaleAsync(Order order)
    {
        var culture = (await _languageService.GetLanguageByIdAsync(order.CustomerLanguageId))?.LanguageCulture;

        return LinePayLocaleResourceService.GetResourceCulture(culture) switch
        {
            "zh-TW" => "zh_TW",
            "th-TH" => "th",
            _ => "en"
        };
    }

    // true when the previous transaction was finished instead of requesting a new one; throws when LINE Pay cannot
    // tell what became of it
    private async Task<bool> FinishPreviousAsync(Order order, LinePayOrderPayment previous, LinePayClient client)
    {
        if (previous.State is LinePayPaymentState.Requested or LinePayPaymentState.Confirming)
        {
            var result = await _settlementService.SettleFromStatusAsync(order, previous, client,
                LinePayPaymentConfirmationService.WaitsForPayment(order));
            if (result.Outcome is LinePayConfirmationOutcome.Paid or LinePayConfirmationOutcome.Authorized)
                return true;

            //a reservation the customer never approved is replaced; it cannot be paid without a Confirm
            if (result.Outcome == LinePayConfirmationOutcome.InProgress && previous.State == LinePayPaymentState.Requested)
            {
                previous.Apply(LinePayPaymentEvent.Superseded);
                await _noteService.AddNoteAsync(order, $"transaction {previous.TransactionId} of attempt {previous.Attempt} was never approved; a new payment is requested instead.");
            }
        }

        if (previous.Allows(LinePayPaymentEvent.NewAttempt))
            return false;

        await _noteService.AddNoteAsync(order, $"no new payment was requested: transaction {previous.TransactionId} of attempt {previous.Attempt} is {previous.State}, so LINE Pay may hold the customer's money for it.");
        throw new NopException(await GetMessageAsync(LinePayPaymentConfirmationService.ResultOf(order, previous).Outcome));
    }

    // LINE Pay must hold nothing for any attempt of the order (an attempt the store recorded as ended may have been
    // paid after all, e.g. confirmed by an older version of the plugin that took a refusal as final)
    private async Task EnsureNothingHeldAsync(Order order, LinePayOrderPayment previous, LinePayClient client)
    {
        IReadOnlyList<PaymentDetailsInfo> payments;
        try
        {
            payments = await client.GetPaymentDetailsAsync(orderIds: previous.AllLinePayOrderIds().TakeLast(MaximumDetailsIds));
        }
        catch (LinePayException exception)
        {
            await _noteService.AddNoteAsync(order, $"before a new request, LINE Pay could not say whether it holds money for earlier attempts: {LinePayOrderNoteService.Describe(exception)}. No new payment was requested.");
            throw new NopException(await GetMessageAsync(LinePayConfirmationOutcome.Unknown), exception);
        }

        var held = payments.Where(HoldsMoney).ToList();
        if (held.Count == 0)
            return;

        var which = string.Join(", ", held.Select(info => $"transaction {info.TransactionId} (orderId {info.OrderId}, {info.PayStatus})"));
        var note = $"LINE Pay holds money for earlier attempts of the order although the store recorded them as ended: {which}. No new payment was requested; check LINE Pay Merchant Center and settle the order by hand.";
        await _noteService.AddNoteAsync(order, note);
        await _logger.ErrorAsync($"LINE Pay: order {order.Id}: {note}");
        throw new NopException(await GetMessageAsync(LinePayConfirmationOutcome.Unknown));
    }

    private static bool HoldsMoney(PaymentDetailsInfo info) => info.PayStatus switch
    {
        LinePayPayStatus.Authorization => true,
        LinePayPayStatus.VoidedAuthorization or LinePayPayStatus.ExpiredAuthorization => false,
        _ => LinePayTransactionFacts.FromDetails(info) is var facts && facts.PaidAmount > facts.RefundedAmount
    };

    private async Task<string> GetMessageAsync(LinePayConfirmationOutcome outcome) =>
        await _localizationService.GetResourceAsync(LinePayReturnService.GetCustomerMessageResource(outcome));

    private async Task<PaymentPackage> CreatePackageAsync(Order order, LinePayOrderAmount amount)
    {
        var name = $"Order #{order.CustomOrderNumber}";
        var package = new PaymentPackage { Id = order.CustomOrderNumber, Name = name, Amount = amount.Amount };

        foreach (var item in await _orderService.GetOrderItemsAsync(order.Id))
        {
            var product = await _productService.GetProductByIdAsync(item.ProductId);
            package.Products.Add(new PaymentProduct
            {
                Id = item.ProductId.ToString(CultureInfo.InvariantCulture),
                Name = string.IsNullOrWhiteSpace(product?.Name) ? name : product.Name,
                Quantity = item.Quantity,
                Price = await amount.Convert(item.UnitPriceInclTax)
            });
        }

        //LINE Pay requires Σ price × quantity = package amount; shipping, fees, discounts and rounding break that
        if (package.Products.Count == 0 || package.Products.Sum(product => product.Price * product.Quantity) != amount.Amount
            || package.Products.Any(product => product.Quantity <= 0 || product.Price < 0))
            package.Products = [new PaymentProduct { Id = order.CustomOrderNumber, Name = name, Quantity = 1, Price = amount.Amount }];

        return package;
    }
}
