using System.Net;
using System.Text.Json;
using LinePay.Emulator;
using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

/// <summary>
/// Keys that end outside the shop's calls: the customer removes the payment method in LINE Pay (1141), LINE Pay expires
/// the key by itself (1193); set from tests through <c>Emulator.RegKeys</c> and by hand over /emulator/regkeys
/// </summary>
public class RemovedAndExpiredRegKeyTests : PreapprovedTest
{
    [TestCase(3)]
    [TestCase(4)]
    public async Task AKeyTheCustomerRemovedAnswers1141ToPayAndCheck(int version)
    {
        var regKey = await RegKeyAsync();

        var removed = Emulator.RegKeys.Remove(regKey);

        Assert.That((removed.State, removed.Usable), Is.EqualTo((RegKeyState.Removed, false)));
        Assert.That((await CheckRegKeyAsync(regKey, version)).ReturnCode, Is.EqualTo("1141"));
        var pay = await PayAsync(regKey, PaymentRequestBody.NewOrderId(), "100", version: version);
        Assert.That((pay.ReturnCode, pay.HasInfo), Is.EqualTo(("1141", false)));
        Assert.That(Emulator.RegKeys.Find(regKey)!.PaymentCount, Is.Zero);
        Assert.That(Emulator.Journal.For(LinePayEndpoint.PayPreapproved).Single().TransactionId, Is.Null);
    }

    [TestCase(3)]
    [TestCase(4)]
    public async Task AKeyLinePayExpiredAnswers1193ToPayCheckAndExpire(int version)
    {
        var regKey = await RegKeyAsync();
        await PayAsync(regKey);

        var expired = Emulator.RegKeys.Expire(regKey);

        Assert.That((expired.State, expired.Expired, expired.PaymentCount), Is.EqualTo((RegKeyState.Expired, true, 1)));
        Assert.That((await CheckRegKeyAsync(regKey, version)).ReturnCode, Is.EqualTo("1193"));
        Assert.That((await PayAsync(regKey, PaymentRequestBody.NewOrderId(), "100", version: version)).ReturnCode,
            Is.EqualTo("1193"));
        Assert.That((await ExpireRegKeyAsync(regKey, version)).ReturnCode, Is.EqualTo("1193"));
        Assert.That(Emulator.Journal.Calls.Where(c => c.RegKey == regKey).Select(c => (c.Endpoint, c.ReturnCode)),
            Is.EqualTo(new[]
            {
                (LinePayEndpoint.PayPreapproved, "0000"), (LinePayEndpoint.CheckRegKey, "1193"),
                (LinePayEndpoint.PayPreapproved, "1193"), (LinePayEndpoint.ExpireRegKey, "1193")
            }), "the expiry itself is no API call");
    }

    [Test]
    public async Task ExpireRegKeyOfARemovedKeyAnswersTheSetting()
    {
        var regKey = await RegKeyAsync();
        Emulator.RegKeys.Remove(regKey);

        var byDefault = await ExpireRegKeyAsync(regKey);
        Emulator.Settings.RemovedRegKeyExpireReturnCode = "1193";
        var alternative = await ExpireRegKeyAsync(regKey);

        Assert.That((byDefault.ReturnCode, alternative.ReturnCode), Is.EqualTo(("1141", "1193")));
        Assert.That(Emulator.RegKeys.Find(regKey)!.State, Is.EqualTo(RegKeyState.Removed));
    }

    [Test]
    public async Task ExpireRegKeyOfARemovedKeyMaySucceedAndEndTheKeyAsExpired()
    {
        var regKey = await RegKeyAsync();
        Emulator.RegKeys.Remove(regKey);
        Emulator.Settings.RemovedRegKeyExpireReturnCode = "0000";

        var expire = await ExpireRegKeyAsync(regKey);

        Assert.That(expire.ReturnCode, Is.EqualTo("0000"));
        Assert.That(Emulator.RegKeys.Find(regKey)!.State, Is.EqualTo(RegKeyState.Expired));
        Assert.That((await CheckRegKeyAsync(regKey)).ReturnCode, Is.EqualTo("1193"));
    }

    [Test]
    public async Task OnlyAUsableKeyCanBeRemovedOrExpiredAndAnUnknownOneIsRefused()
    {
        var regKey = await RegKeyAsync();
        await ExpireRegKeyAsync(regKey);

        var remove = Assert.Throws<RegKeyRefusedException>(() => Emulator.RegKeys.Remove(regKey));
        var expire = Assert.Throws<RegKeyRefusedException>(() => Emulator.RegKeys.Expire(regKey));
        var unknown = Assert.Throws<RegKeyRefusedException>(() => Emulator.RegKeys.Remove("RKUNKNOWN000000"));

        Assert.That(remove.Key!.State, Is.EqualTo(RegKeyState.Expired));
        Assert.That(remove.Message, Does.Contain("expired"));
        Assert.That(expire.Key!.State, Is.EqualTo(RegKeyState.Expired));
        Assert.That(unknown.Key, Is.Null);
    }

    [Test]
    public async Task TheControlRoutesRemoveAndExpireKeysByHand()
    {
        var removedKey = await RegKeyAsync();
        var expiredKey = await RegKeyAsync();
        using var http = ControlClient();

        using var removed = await http.PostAsync($"emulator/regkeys/{removedKey}/remove", null);
        using var expired = await http.PostAsync($"emulator/regkeys/{expiredKey}/expire", null);
        using var again = await http.PostAsync($"emulator/regkeys/{removedKey}/expire", null);
        using var unknown = await http.PostAsync("emulator/regkeys/RKUNKNOWN000000/remove", null);

        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StateAsync(removed), Is.EqualTo("Removed"));
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StateAsync(expired), Is.EqualTo("Expired"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("regKey")
            .GetProperty("state").GetString(), Is.EqualTo("Removed"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await PayAsync(removedKey)).ReturnCode, Is.EqualTo("1141"));
        Assert.That((await PayAsync(expiredKey)).ReturnCode, Is.EqualTo("1193"));
    }

    [Test]
    public async Task ResetKeepsTheStatesOfTheKeys()
    {
        var regKey = await RegKeyAsync();
        Emulator.RegKeys.Remove(regKey);

        Emulator.Reset();

        Assert.That((await CheckRegKeyAsync(regKey)).ReturnCode, Is.EqualTo("1141"));
    }

    private static async Task<string> StateAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString();
}
