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
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Starts the LINE Pay payment of a placed order (PostProcessPaymentAsync, and "Retry payment" of a pending order):
/// requests it and sends the customer to LINE Pay's approval page
/// </summary>
public class LinePayPaymentRequestService
{
    protected readonly IHttpContextAccessor _httpContextAccessor;
    protected readonly ILanguageService _languageService;
    protected readonly ILocalizationService _localizationService;
    protected readonly IOrderService _orderService;
    protected readonly IProductService _productService;
    protected readonly ISettingService _settingService;
    protected readonly IWebHelper _webHelper;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayOrderAmountService _amountService;
    protected readonly LinePayConfirmClaimService _claimService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentConfirmationService _confirmationService;

    public LinePayPaymentRequestService(IHttpContextAccessor httpContextAccessor,
        ILanguageService languageService,
        ILocalizationService localizationService,
        IOrderService orderService,
        IProductService productService,
        ISettingService settingService,
        IWebHelper webHelper,
        LinePayClientFactory clientFactory,
        LinePayOrderAmountService amountService,
        LinePayConfirmClaimService claimService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentConfirmationService confirmationService)
    {
        _httpContextAccessor = httpContextAccessor;
        _languageService = languageService;
        _localizationService = localizationService;
        _orderService = orderService;
        _productService = productService;
        _settingService = settingService;
        _webHelper = webHelper;
        _clientFactory = clientFactory;
        _amountService = amountService;
        _claimService = claimService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _confirmationService = confirmationService;
    }

    /// <summary>
    /// Requests the payment of the order and redirects the customer to LINE Pay. For an order that already has a LINE
    /// Pay transaction, LINE Pay is asked about it first: a completed or approved payment is finished through the
    /// confirmation (no second charge), anything else gets a new request with the next attempt number.
    /// </summary>
    /// <exception cref="NopException">LINE Pay could not be asked or refused; the message is for the customer</exception>
    public virtual async Task RequestPaymentAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(order.StoreId);
        var client = _clientFactory.CreateClient(settings);
        var previous = await _orderPaymentService.GetAsync(order);

        if (previous is not null && await TryFinishPreviousAsync(order, previous, client))
            return;

        var attempt = (previous?.Attempt ?? 0) + 1;
        var amount = await _amountService.GetAmountAsync(order, settings.CurrencyCode);
        if (amount.IsRounded)
        {
            await _noteService.AddNoteAsync(order, string.Format(CultureInfo.InvariantCulture,
                "the order total {0} {1} was rounded to {2} {1}, the smallest unit LINE Pay accepts.",
                amount.ExactAmount, amount.Currency, LinePayCurrencyScale.ToWireAmount(amount.Amount, amount.Currency)));
        }

        var request = new PaymentRequest
        {
            Amount = amount.Amount,
            Currency = amount.Currency,
            OrderId = LinePayOrderIds.Create(order.OrderGuid, attempt),
            Packages = [await CreatePackageAsync(order, amount)],
            RedirectUrls = new PaymentRedirectUrls
            {
                ConfirmUrl = _webHelper.GetStoreLocation() + LinePayDefaults.ConfirmPath,
                CancelUrl = _webHelper.GetStoreLocation() + LinePayDefaults.CancelPath
            },
            Options = new PaymentRequestOptions
            {
                Payment = new PaymentOptions { Capture = settings.PaymentMode == LinePayPaymentMode.CaptureImmediately },
                Display = new DisplayOptions { Locale = await GetDisplayLocaleAsync(order) }
            }
        };

        //the new record replaces an open one only while holding its claim, so that no confirm is running on it
        var claimedPrevious = previous?.IsAwaitingConfirmation == true;
        if (claimedPrevious && !await _claimService.TryClaimAsync(order, previous))
            throw new NopException(await _localizationService.GetResourceAsync("Plugins.Payments.LinePay.Return.BeingProcessed"));

        PaymentRequestInfo info;
        try
        {
            info = await client.RequestPaymentAsync(request);
        }
        catch (LinePayException exception)
        {
            if (claimedPrevious)
                await _claimService.ReleaseAsync(order, previous);
            await _noteService.AddNoteAsync(order, $"the payment request (attempt {attempt}) failed: {LinePayOrderNoteService.Describe(exception)}.");
            throw new NopException(await _localizationService.GetResourceAsync("Plugins.Payments.LinePay.Checkout.RequestFailed"), exception);
        }

        var now = DateTime.UtcNow;
        var payment = new LinePayOrderPayment
        {
            TransactionId = info.TransactionId,
            LinePayOrderId = request.OrderId,
            Attempt = attempt,
            Amount = amount.Amount,
            Currency = amount.Currency,
            PaymentMode = settings.PaymentMode,
            State = LinePayPaymentState.Requested,
            LastReturnCode = LinePayReturnCodes.Success,
            RequestedOnUtc = now
        };
        await _orderPaymentService.SaveAsync(order, payment);
        await _claimService.AddFirstClaimAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"payment requested (attempt {attempt}): transaction {info.TransactionId}, orderId {request.OrderId}, " +
            $"amount {payment.FormatAmount()}, {(settings.PaymentMode == LinePayPaymentMode.CaptureImmediately ? "capture" : "authorize only")}.");

        _httpContextAccessor.HttpContext.Response.Redirect(info.PaymentUrl.Web);
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

    // true when the previous transaction was finished (or is being finished) instead of requesting a new one
    private async Task<bool> TryFinishPreviousAsync(Order order, LinePayOrderPayment previous, LinePayClient client)
    {
        if (previous.State is LinePayPaymentState.Failed or LinePayPaymentState.Cancelled)
            return false;

        PaymentRequestStatus status;
        try
        {
            status = await client.CheckPaymentStatusAsync(previous.TransactionId);
        }
        catch (LinePayException exception)
        {
            await _noteService.AddNoteAsync(order, $"before a new request, the status of transaction {previous.TransactionId} could not be read: {LinePayOrderNoteService.Describe(exception)}. No new payment was requested.");
            throw new NopException(await _localizationService.GetResourceAsync("Plugins.Payments.LinePay.Return.BeingVerified"), exception);
        }

        if (status is PaymentRequestStatus.Reserved or PaymentRequestStatus.CancelledOrExpired or PaymentRequestStatus.Failed)
        {
            await _noteService.AddNoteAsync(order, $"transaction {previous.TransactionId} of attempt {previous.Attempt} was not paid (status {status}); a new payment is requested.");
            return false;
        }

        //the customer approved it (Authenticated) or LINE Pay completed it: finish it, never charge again
        await _noteService.AddNoteAsync(order, $"transaction {previous.TransactionId} of attempt {previous.Attempt} is {status} on LINE Pay; it is finished instead of requesting a new payment.");

        //Check again under the claim: a completed payment is settled from Payment Details, without another Confirm
        var result = await _confirmationService.SettleOrderAsync(order);
        if (result.Outcome is LinePayConfirmationOutcome.Paid or LinePayConfirmationOutcome.Authorized or LinePayConfirmationOutcome.AlreadyCompleted)
            return true;

        throw new NopException(await _localizationService.GetResourceAsync(LinePayReturnService.GetCustomerMessageResource(result.Outcome)));
    }

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
