namespace LinePay.Emulator.Api;

/// <summary>
/// The Online API's paths, under /v3/payments and /v4/payments alike
/// </summary>
public static class ApiRoutes
{
    public static void MapLinePayApi(this IEndpointRouteBuilder routes)
    {
        foreach (var version in new[] { 3, 4 })
        {
            var payments = routes.MapGroup($"/v{version}/payments");
            Map(payments.MapPost, "/request", LinePayEndpoint.Request, version);
            Map(payments.MapGet, "/requests/{id}/check", LinePayEndpoint.Check, version);
            Map(payments.MapPost, "/{id}/confirm", LinePayEndpoint.Confirm, version);
            Map(payments.MapPost, "/authorizations/{id}/capture", LinePayEndpoint.Capture, version);
            Map(payments.MapPost, "/authorizations/{id}/void", LinePayEndpoint.Void, version);
            Map(payments.MapPost, "/{id}/refund", LinePayEndpoint.Refund, version);
            Map(payments.MapGet, "", LinePayEndpoint.Details, version);
            Map(payments.MapPost, "/preapprovedPay/{id}/payment", LinePayEndpoint.PayPreapproved, version);
            Map(payments.MapGet, "/preapprovedPay/{id}/check", LinePayEndpoint.CheckRegKey, version);
            Map(payments.MapPost, "/preapprovedPay/{id}/expire", LinePayEndpoint.ExpireRegKey, version);
        }
    }

    private static void Map(Func<string, RequestDelegate, IEndpointConventionBuilder> map, string pattern,
        LinePayEndpoint endpoint, int version) =>
        map(pattern, http => http.RequestServices.GetRequiredService<ApiPipeline>().HandleAsync(http, endpoint, version));
}
