using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>What every endpoint does the same way: bodies with limits, Problem Details for every error, views.</summary>
internal static class EndpointSupport
{
    public static PrivacyEndpointOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<PrivacyEndpointOptions>>().Value;

    public static DateTimeOffset Now(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    public static IResult Forbidden(string detail) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) => Results.Json(value, PrivacyEndpoints.Json, statusCode: status);

    /// <summary>Runs an endpoint, turning the SDK's exceptions into Problem Details (400, or 409 on a concurrent change).</summary>
    public static async Task<IResult> Guard(Func<Task<IResult>> endpoint)
    {
        try
        {
            return await endpoint().ConfigureAwait(false);
        }
        catch (PrivacyConcurrencyException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile", detail: ex.Message);
        }
        catch (PrivacyException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid privacy request", detail: ex.Message);
        }
        catch (BodyException ex)
        {
            return Results.Problem(statusCode: ex.Status, title: ex.Status == 413 ? "Body too large" : "Invalid body", detail: ex.Message);
        }
    }

    /// <summary>Reads a JSON body of at most <see cref="PrivacyEndpointOptions.MaxRequestBodyBytes"/> bytes.</summary>
    public static async Task<T> ReadBodyAsync<T>(HttpContext context)
    {
        var max = Options(context).MaxRequestBodyBytes;
        if (context.Request.ContentLength > max)
        {
            throw new BodyException(StatusCodes.Status413PayloadTooLarge, $"The body has {context.Request.ContentLength} bytes; at most {max} are accepted.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new BodyException(StatusCodes.Status413PayloadTooLarge, $"The body is larger than the {max} bytes accepted.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), PrivacyEndpoints.Json)
                ?? throw new BodyException(StatusCodes.Status400BadRequest, "The body is empty or JSON null. Send a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new BodyException(StatusCodes.Status400BadRequest, "The body is not valid JSON for this endpoint: " + ex.Message);
        }
    }

    /// <summary>Reads an HTML form post of at most <see cref="PrivacyEndpointOptions.MaxRequestBodyBytes"/> bytes (413 otherwise).</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpContext context)
    {
        var max = Options(context).MaxRequestBodyBytes;
        if (context.Request.ContentLength > max)
        {
            throw new BodyException(StatusCodes.Status413PayloadTooLarge, $"The form has {context.Request.ContentLength} bytes; at most {max} are accepted.");
        }

        return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The signed-in subject's own requests: the store's list for their id, less any of another kind of subject with the same id.</summary>
    public static async Task<List<PrivacyRequest>> OwnRequestsAsync(HttpContext context, IPrivacyRequestService requests, SubjectRef subject)
    {
        var mine = new List<PrivacyRequest>();
        await foreach (var request in requests.ListAsync(new PrivacyRequestQuery { TenantId = subject.TenantId, SubjectId = subject.SubjectId }, context.RequestAborted).ConfigureAwait(false))
        {
            if (request.Subject == subject)
            {
                mine.Add(request);
            }
        }

        return mine;
    }

    /// <summary>A request as the endpoints show it, its status in plain words in the caller's language.</summary>
    public static RequestView View(HttpContext context, PrivacyRequest request, DateTimeOffset now) =>
        new(request.Id, request.Kind, request.Status, request.ReceivedAt, request.DueAt, request.StatusReason, CanDownload(request, now, Options(context)))
        {
            StatusText = PrivacyTexts.Status(request.Status, PrivacyTexts.CultureOf(context)),
            ExtensionReason = request.ExtensionReason,
            Channel = request.Channel,
        };

    /// <summary>A package is downloadable once the request is verified, and for <see cref="PrivacyEndpointOptions.DownloadWindow"/> after it completed.</summary>
    public static bool CanDownload(PrivacyRequest request, DateTimeOffset now, PrivacyEndpointOptions options) =>
        request.Kind is PrivacyRequestKind.Access or PrivacyRequestKind.Portability
        && (request.Status == PrivacyRequestStatus.InProgress || (request.Status == PrivacyRequestStatus.Completed && request.ClosedAt is { } closed && now <= closed + options.DownloadWindow));

    /// <summary>
    /// The package format a download asks for with <c>?format=</c>: <c>json</c>, <c>zip</c> or <c>html</c> (a page to read
    /// in the browser); without one, a portability request gets its zip and an access request its JSON.
    /// </summary>
    /// <exception cref="PrivacyException">The format is none of those.</exception>
    public static AccessPackageFormat PackageFormat(string? format, PrivacyRequestKind kind) => format?.ToLowerInvariant() switch
    {
        null or "" => kind == PrivacyRequestKind.Portability ? AccessPackageFormat.Zip : AccessPackageFormat.Json,
        "json" => AccessPackageFormat.Json,
        "zip" => AccessPackageFormat.Zip,
        "html" => AccessPackageFormat.Html,
        _ => throw new PrivacyException($"'{format}' is not a package format. Ask for format=json, format=zip (JSON, CSV and a readable page) or format=html (a page to read in the browser)."),
    };

    /// <summary>
    /// Streams a request's access package as the response — JSON or zip as an attachment, HTML inline to read — never
    /// cached. The HTML page may not run scripts or load anything: it shows only the data it holds.
    /// </summary>
    public static async Task<IResult> WritePackageAsync(HttpContext context, IPrivacyRequestService requests, Guid id, AccessPackageFormat format)
    {
        var (type, extension) = format switch
        {
            AccessPackageFormat.Zip => ("application/zip", "zip"),
            AccessPackageFormat.Html => ("text/html; charset=utf-8", "html"),
            _ => ("application/json", "json"),
        };
        context.Response.ContentType = type;
        context.Response.Headers.ContentDisposition = $"{(format == AccessPackageFormat.Html ? "inline" : "attachment")}; filename=\"personal-data-{id:N}.{extension}\"";
        context.Response.Headers.CacheControl = "no-store";
        if (format == AccessPackageFormat.Html)
        {
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        }

        if (format == AccessPackageFormat.Zip && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true; // the zip writer finishes its central directory synchronously
        }

        // Streamed straight to the response: memory stays flat however large the package is.
        await requests.WriteAccessPackageAsync(id, context.Response.Body, format, context.RequestAborted).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>A bad body: 400 or 413.</summary>
    internal sealed class BodyException(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }
}
