using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

[TestFixture]
public class LinePayReturnCodesTests
{
    [TestCase("0000", LinePayReturnCodeClass.Success)]
    [TestCase("0110", LinePayReturnCodeClass.Status)]
    [TestCase("0121", LinePayReturnCodeClass.Status)]
    [TestCase("0122", LinePayReturnCodeClass.Status)]
    [TestCase("0123", LinePayReturnCodeClass.Status)]
    [TestCase("1101", LinePayReturnCodeClass.Final)]
    [TestCase("1102", LinePayReturnCodeClass.Final)]
    [TestCase("1104", LinePayReturnCodeClass.CallerError)]
    [TestCase("1105", LinePayReturnCodeClass.CallerError)]
    [TestCase("1106", LinePayReturnCodeClass.CallerError)]
    [TestCase("1110", LinePayReturnCodeClass.Final)]
    [TestCase("1115", LinePayReturnCodeClass.CallerError)]
    [TestCase("1124", LinePayReturnCodeClass.CallerError)]
    [TestCase("1133", LinePayReturnCodeClass.CallerError)]
    [TestCase("1141", LinePayReturnCodeClass.Final)]
    [TestCase("1142", LinePayReturnCodeClass.Final)]
    [TestCase("1145", LinePayReturnCodeClass.Ambiguous)]
    [TestCase("1150", LinePayReturnCodeClass.Ambiguous)]
    [TestCase("1152", LinePayReturnCodeClass.Ambiguous)]
    [TestCase("1153", LinePayReturnCodeClass.CallerError)]
    [TestCase("1154", LinePayReturnCodeClass.Final)]
    [TestCase("1155", LinePayReturnCodeClass.CallerError)]
    [TestCase("1159", LinePayReturnCodeClass.CallerError)]
    [TestCase("1163", LinePayReturnCodeClass.Final)]
    [TestCase("1164", LinePayReturnCodeClass.CallerError)]
    [TestCase("1165", LinePayReturnCodeClass.Final)]
    [TestCase("1169", LinePayReturnCodeClass.Ambiguous)]
    [TestCase("1170", LinePayReturnCodeClass.Final)]
    [TestCase("1172", LinePayReturnCodeClass.Ambiguous)]
    [TestCase("1177", LinePayReturnCodeClass.CallerError)]
    [TestCase("1178", LinePayReturnCodeClass.CallerError)]
    [TestCase("1179", LinePayReturnCodeClass.CallerError)]
    [TestCase("1180", LinePayReturnCodeClass.Final)]
    [TestCase("1183", LinePayReturnCodeClass.CallerError)]
    [TestCase("1184", LinePayReturnCodeClass.CallerError)]
    [TestCase("1190", LinePayReturnCodeClass.Final)]
    [TestCase("1193", LinePayReturnCodeClass.Final)]
    [TestCase("1194", LinePayReturnCodeClass.CallerError)]
    [TestCase("1197", LinePayReturnCodeClass.Ambiguous)]
    [TestCase("1198", LinePayReturnCodeClass.Ambiguous)]
    [TestCase("1199", LinePayReturnCodeClass.Ambiguous)]
    [TestCase("1280", LinePayReturnCodeClass.Final)]
    [TestCase("1289", LinePayReturnCodeClass.Final)]
    [TestCase("1298", LinePayReturnCodeClass.Final)]
    [TestCase("1900", LinePayReturnCodeClass.Retryable)]
    [TestCase("1902", LinePayReturnCodeClass.Retryable)]
    [TestCase("1903", LinePayReturnCodeClass.Retryable)]
    [TestCase("1999", LinePayReturnCodeClass.Retryable)]
    [TestCase("2020", LinePayReturnCodeClass.Final)]
    [TestCase("2023", LinePayReturnCodeClass.Final)]
    [TestCase("2024", LinePayReturnCodeClass.Final)]
    [TestCase("2042", LinePayReturnCodeClass.Final)]
    [TestCase("2101", LinePayReturnCodeClass.CallerError)]
    [TestCase("2102", LinePayReturnCodeClass.CallerError)]
    [TestCase("2103", LinePayReturnCodeClass.CallerError)]
    [TestCase("2104", LinePayReturnCodeClass.CallerError)]
    [TestCase("9000", LinePayReturnCodeClass.Ambiguous)]
    public void ClassifiesDocumentedCodes(string code, LinePayReturnCodeClass expected)
    {
        Assert.That(LinePayReturnCodes.Classify(code), Is.EqualTo(expected));
    }

    // Codes no source documents must never look safe to retry blindly or final.
    [TestCase("2105")]
    [TestCase("2106")]
    [TestCase("1279")]
    [TestCase("1299")]
    [TestCase("19000")]
    [TestCase("")]
    [TestCase(null)]
    public void TreatsUndocumentedCodesAsAmbiguous(string code)
    {
        Assert.That(LinePayReturnCodes.Classify(code), Is.EqualTo(LinePayReturnCodeClass.Ambiguous));
    }
}
