namespace LinePay.Emulator.Api;

/// <summary>
/// Handles the calls of one endpoint once they are authenticated; errors are thrown as <see cref="ApiError"/>
/// </summary>
public interface IApiHandler
{
    LinePayEndpoint Endpoint { get; }

    Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken);
}
