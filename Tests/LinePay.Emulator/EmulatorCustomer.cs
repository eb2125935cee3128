using System.Net;
using System.Text.RegularExpressions;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator;

/// <summary>
/// Acts like the customer in a browser: opens the approval page over HTTP and submits one of its forms. The redirect
/// is returned, not followed, so a test can hand it to the shop.
/// </summary>
public sealed partial class EmulatorCustomer(TransactionStore store, HttpClient http)
{
    public Task<Uri> ApproveAsync(long transactionId, CancellationToken cancellationToken = default) =>
        RedirectOfAsync(PaymentUrlOf(transactionId), "approve", cancellationToken);

    public Task<Uri> ApproveAsync(Uri paymentUrl, CancellationToken cancellationToken = default) =>
        RedirectOfAsync(paymentUrl, "approve", cancellationToken);

    public Task<Uri> CancelAsync(long transactionId, CancellationToken cancellationToken = default) =>
        RedirectOfAsync(PaymentUrlOf(transactionId), "cancel", cancellationToken);

    public Task<Uri> CancelAsync(Uri paymentUrl, CancellationToken cancellationToken = default) =>
        RedirectOfAsync(paymentUrl, "cancel", cancellationToken);

    /// <summary>The payment fails on LINE Pay's side (Check then answers 0122); the customer goes to cancelUrl</summary>
    public Task<Uri> FailAsync(long transactionId, CancellationToken cancellationToken = default) =>
        RedirectOfAsync(PaymentUrlOf(transactionId), "fail", cancellationToken);

    /// <summary>Opens the page and submits the form with the given id (approve, cancel, fail); the raw answer</summary>
    public async Task<HttpResponseMessage> SubmitAsync(Uri paymentUrl, string formId,
        CancellationToken cancellationToken = default)
    {
        using var page = await http.GetAsync(paymentUrl, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"The approval page answered HTTP {(int)page.StatusCode}.");

        var form = FormPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == formId)
            ?? throw new InvalidOperationException($"The approval page has no form '{formId}'.");
        var fields = HiddenInputPattern().Matches(form.Groups["content"].Value)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

        // The forms have no action attribute, so a browser posts them to the page's own URL.
        return await http.PostAsync(paymentUrl, new FormUrlEncodedContent(fields), cancellationToken);
    }

    private async Task<Uri> RedirectOfAsync(Uri paymentUrl, string formId, CancellationToken cancellationToken)
    {
        using var response = await SubmitAsync(paymentUrl, formId, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location)
            throw new InvalidOperationException(
                $"Submitting '{formId}' answered HTTP {(int)response.StatusCode} instead of a redirect.");

        return location.IsAbsoluteUri ? location : new Uri(paymentUrl, location);
    }

    private Uri PaymentUrlOf(long transactionId) =>
        store.Find(transactionId)?.PaymentUrl
        ?? throw new InvalidOperationException($"Transaction {transactionId} has no approval page.");

    [GeneratedRegex("<form id=\"(?<id>[^\"]+)\" method=\"post\"[^>]*>(?<content>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputPattern();
}
