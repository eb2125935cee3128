using System.Globalization;
using System.Net;
using System.Text;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Control;

/// <summary>
/// GET /emulator: the transactions and their states, newest last, then the regKeys
/// </summary>
public static class TransactionsPage
{
    public static string Render(IReadOnlyList<TransactionSnapshot> transactions, IReadOnlyList<RegKeySnapshot> regKeys)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>LINE Pay emulator</title><style>body{font-family:sans-serif}td,th{padding:.2em .6em;"
            + "text-align:left}</style></head><body><h1>LINE Pay emulator: transactions</h1>"
            + "<table><thead><tr><th>transactionId</th><th>orderId</th><th>state</th><th>amount</th><th>currency</th>"
            + "<th>captured</th><th>refunded</th><th>created (UTC)</th><th>regKey</th><th>approval page</th></tr></thead>"
            + "<tbody>");
        foreach (var t in transactions)
        {
            html.Append("<tr>")
                .Append(Cell(t.TransactionId.ToString(CultureInfo.InvariantCulture)))
                .Append(Cell(t.OrderId))
                .Append(Cell(t.State.ToString()))
                .Append(Cell(t.Amount.ToString(CultureInfo.InvariantCulture)))
                .Append(Cell(t.Currency))
                .Append(Cell(t.CapturedAmount.ToString(CultureInfo.InvariantCulture)))
                .Append(Cell(t.RefundedAmount.ToString(CultureInfo.InvariantCulture)))
                .Append(Cell(t.CreatedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)))
                .Append(Cell(t.RegKey ?? string.Empty))
                .Append(t.PaymentUrl is { } url
                    ? $"<td><a href=\"{WebUtility.HtmlEncode(url.AbsoluteUri)}\">open</a></td>"
                    : "<td></td>")
                .Append("</tr>");
        }

        html.Append("</tbody></table><h2>regKeys</h2><p>Change one with POST /emulator/regkeys/{regKey}/remove or "
            + "/expire.</p><table><thead><tr><th>regKey</th><th>issued by</th><th>currency</th><th>state</th>"
            + "<th>payments</th><th>in flight</th><th>issued (UTC)</th></tr></thead><tbody>");
        foreach (var k in regKeys)
        {
            html.Append("<tr>")
                .Append(Cell(k.RegKey))
                .Append(Cell(k.TransactionId.ToString(CultureInfo.InvariantCulture)))
                .Append(Cell(k.Currency))
                .Append(Cell(k.State.ToString()))
                .Append(Cell(k.PaymentCount.ToString(CultureInfo.InvariantCulture)))
                .Append(Cell(k.InFlight ? "yes" : "no"))
                .Append(Cell(k.IssuedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)))
                .Append("</tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }

    private static string Cell(string text) => $"<td>{WebUtility.HtmlEncode(text)}</td>";
}
