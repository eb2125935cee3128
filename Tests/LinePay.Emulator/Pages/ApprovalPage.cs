using System.Globalization;
using System.Net;
using System.Text;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Pages;

/// <summary>
/// The page paymentUrl.web points at, where the customer approves or cancels the payment (or makes it fail). After
/// the choice the browser is sent to confirmUrl or cancelUrl; with confirmUrlType SERVER the emulator calls
/// confirmUrl itself, with NONE nobody is called and the shop polls Check.
/// </summary>
public sealed class ApprovalPage(
    TransactionStore store,
    EmulatorSettings settings,
    TimeProvider clock,
    IHttpClientFactory httpClientFactory)
{
    public const string Path = "/web/payment/wait";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (HttpContext http, ApprovalPage page) => page.ShowAsync(http));
        routes.MapPost(Path, (HttpContext http, ApprovalPage page) => page.DecideAsync(http));
    }

    private async Task ShowAsync(HttpContext http)
    {
        if (Find(http) is not { } transaction)
        {
            await WriteMessageAsync(http, StatusCodes.Status404NotFound, "This payment request does not exist.");
            return;
        }

        string html;
        lock (transaction.Sync)
        {
            transaction.Refresh(clock.GetUtcNow());
            if (transaction.State is not (TransactionState.Reserved or TransactionState.Authenticated))
                html = Layout("LINE Pay", $"<p>This payment request is no longer open ({transaction.State}).</p>");
            else
                html = Layout("LINE Pay – approve payment", OrderHtml(transaction));
        }

        await WriteHtmlAsync(http, StatusCodes.Status200OK, html);
    }

    private async Task DecideAsync(HttpContext http)
    {
        if (Find(http) is not { } transaction)
        {
            await WriteMessageAsync(http, StatusCodes.Status404NotFound, "This payment request does not exist.");
            return;
        }

        var decision = (await http.Request.ReadFormAsync())["decision"].ToString();
        if (decision is not ("approve" or "cancel" or "fail"))
        {
            await WriteMessageAsync(http, StatusCodes.Status400BadRequest, "Choose to pay or to cancel.");
            return;
        }

        bool open;
        lock (transaction.Sync)
        {
            transaction.Refresh(clock.GetUtcNow());
            // Approving again (a refresh, a double click) sends the customer back to the shop once more.
            open = !transaction.InFlight && transaction.State is TransactionState.Reserved or TransactionState.Authenticated;
            if (open)
                transaction.State = decision switch
                {
                    "approve" => TransactionState.Authenticated,
                    "cancel" => TransactionState.Cancelled,
                    _ => TransactionState.Failed
                };
        }

        if (!open)
        {
            await WriteMessageAsync(http, StatusCodes.Status410Gone, "This payment request is no longer open.");
            return;
        }

        var merchantUrl = decision == "approve" ? transaction.ConfirmUrl : transaction.CancelUrl;
        if (transaction.ConfirmUrlType == "NONE" || merchantUrl is null)
        {
            await WriteMessageAsync(http, StatusCodes.Status200OK, "Your choice was sent to LINE Pay; return to the shop.");
            return;
        }

        var returnUrl = ReturnUrl.Build(merchantUrl, transaction.TransactionId, transaction.OrderId);
        if (transaction.ConfirmUrlType == "SERVER" && decision == "approve")
        {
            var status = await NotifyShopAsync(returnUrl);
            await WriteMessageAsync(http, StatusCodes.Status200OK,
                $"Payment approved. LINE Pay notified the shop (HTTP {status}); you can close this window.");
            return;
        }

        http.Response.Redirect(returnUrl);
    }

    private EmulatorTransaction? Find(HttpContext http) =>
        http.Request.Query["transactionReserveId"].ToString() is { Length: > 0 } token
            ? store.GetByReserveToken(token)
            : null;

    private async Task<int> NotifyShopAsync(string confirmUrl)
    {
        try
        {
            using var client = httpClientFactory.CreateClient();
            client.Timeout = TimeSpan.FromSeconds(20);
            using var response = await client.GetAsync(confirmUrl);
            return (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    private string OrderHtml(EmulatorTransaction transaction)
    {
        var html = new StringBuilder();
        html.Append($"<p>{Encode(settings.MerchantName)}</p>");
        html.Append($"<p>Order <strong>{Encode(transaction.OrderId)}</strong></p>");
        html.Append("<table><thead><tr><th>Product</th><th>Quantity</th><th>Price</th></tr></thead><tbody>");
        foreach (var package in transaction.Packages.EnumerateArray())
        {
            foreach (var product in package.GetProperty("products").EnumerateArray())
            {
                html.Append("<tr><td class=\"product\">").Append(Encode(product.GetProperty("name").GetString()))
                    .Append("</td><td>").Append(Encode(product.GetProperty("quantity").GetRawText()))
                    .Append("</td><td>").Append(Encode(product.GetProperty("price").GetRawText()))
                    .Append("</td></tr>");
            }
        }

        html.Append("</tbody></table>");
        html.Append($"<p class=\"total\">Total <span id=\"amount\">{Encode(transaction.Amount.ToString(CultureInfo.InvariantCulture))}</span> ")
            .Append($"<span id=\"currency\">{Encode(transaction.Currency)}</span></p>");
        html.Append(Form("approve", "Pay now")).Append(Form("cancel", "Cancel")).Append(Form("fail", "Make the payment fail"));
        return html.ToString();
    }

    private static string Form(string decision, string label) =>
        $"<form id=\"{decision}\" method=\"post\"><input type=\"hidden\" name=\"decision\" value=\"{decision}\">"
        + $"<button type=\"submit\">{label}</button></form>";

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Layout(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title>"
        + "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}td,th{padding:.2em .8em;text-align:left}"
        + "form{display:inline-block;margin-right:1em}button{font-size:1.1em;padding:.4em 1em}</style></head>"
        + $"<body><h1>{Encode(title)}</h1>{body}</body></html>";

    private static Task WriteMessageAsync(HttpContext http, int statusCode, string message) =>
        WriteHtmlAsync(http, statusCode, Layout("LINE Pay", $"<p>{Encode(message)}</p>"));

    private static Task WriteHtmlAsync(HttpContext http, int statusCode, string html)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html);
    }
}
