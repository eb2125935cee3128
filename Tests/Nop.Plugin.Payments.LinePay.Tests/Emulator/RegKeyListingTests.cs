using System.Net;
using System.Text.Json;
using LinePay.Emulator.Transactions;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

/// <summary>
/// What a tester sees of the regKeys by hand: GET /emulator/regkeys, one key, the transaction that issued it, the page
/// </summary>
public class RegKeyListingTests : PreapprovedTest
{
    [Test]
    public async Task TheKeysAreListedWithTheirTransactionCurrencyStatePaymentsAndInFlightFlag()
    {
        var paying = await RegKeyAsync();
        var removed = await RegKeyAsync(Registration("THB"));
        await PayAsync(paying);
        await PayAsync(paying);
        Emulator.RegKeys.Remove(removed);
        using var http = ControlClient();

        var listed = JsonDocument.Parse(await http.GetStringAsync("emulator/regkeys")).RootElement.EnumerateArray()
            .ToDictionary(k => k.GetProperty("regKey").GetString()!);

        var first = listed[paying];
        Assert.That(first.GetProperty("transactionId").GetInt64(), Is.EqualTo(Emulator.RegKeys.Find(paying)!.TransactionId));
        Assert.That(first.GetProperty("currency").GetString(), Is.EqualTo("TWD"));
        Assert.That(first.GetProperty("state").GetString(), Is.EqualTo("Usable"));
        Assert.That(first.GetProperty("paymentCount").GetInt32(), Is.EqualTo(2));
        Assert.That(first.GetProperty("inFlight").GetBoolean(), Is.False);
        Assert.That(first.GetProperty("issuedAt").GetString(), Does.EndWith("+00:00"));
        Assert.That(first.TryGetProperty("expired", out _), Is.False, "the state says it");
        Assert.That(listed[removed].GetProperty("currency").GetString(), Is.EqualTo("THB"));
        Assert.That(listed[removed].GetProperty("state").GetString(), Is.EqualTo("Removed"));
        Assert.That(Emulator.RegKeys.All().Select(k => k.RegKey), Is.SupersetOf(new[] { paying, removed }));
    }

    [Test]
    public async Task OneKeyAndTheTransactionThatIssuedItCanBeRead()
    {
        var regKey = await RegKeyAsync();
        var issuedBy = Emulator.RegKeys.Find(regKey)!.TransactionId;
        var paymentId = (await PayAsync(regKey)).Info.GetProperty("transactionId").GetInt64();
        using var http = ControlClient();

        var key = JsonDocument.Parse(await http.GetStringAsync($"emulator/regkeys/{regKey}")).RootElement;
        var registration = JsonDocument.Parse(await http.GetStringAsync($"emulator/transactions/{issuedBy}")).RootElement;
        var payment = JsonDocument.Parse(await http.GetStringAsync($"emulator/transactions/{paymentId}")).RootElement;
        using var unknownKey = await http.GetAsync("emulator/regkeys/RKUNKNOWN000000");
        using var unknownTransaction = await http.GetAsync("emulator/transactions/2023042201206549310");

        Assert.That(key.GetProperty("paymentCount").GetInt32(), Is.EqualTo(1));
        Assert.That(registration.GetProperty("regKey").GetString(), Is.EqualTo(regKey));
        Assert.That(registration.GetProperty("transactionId").GetInt64(), Is.EqualTo(issuedBy));
        Assert.That((payment.GetProperty("regKey").GetString(), payment.GetProperty("preapproved").GetBoolean()),
            Is.EqualTo((regKey, true)));
        Assert.That(unknownKey.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknownTransaction.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ThePageListsTheKeysBesideTheTransactions()
    {
        var regKey = await RegKeyAsync();
        Emulator.RegKeys.Expire(regKey);
        using var http = ControlClient();

        var html = await http.GetStringAsync("emulator");

        Assert.That(html, Does.Contain($"<td>{regKey}</td>"));
        Assert.That(html, Does.Contain("<h2>regKeys</h2>"));
        Assert.That(html, Does.Contain("<td>Expired</td>"));
    }

    [Test]
    public async Task ASnapshotSaysWhetherTheKeyCanPay()
    {
        var regKey = await RegKeyAsync();

        var usable = Emulator.RegKeys.Find(regKey)!;
        Emulator.RegKeys.Remove(regKey);

        Assert.That((usable.Usable, usable.State), Is.EqualTo((true, RegKeyState.Usable)));
        Assert.That(Emulator.Transactions.FindRegKey(regKey)!.Usable, Is.False);
    }
}
