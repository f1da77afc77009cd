using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Wijkbasis.Infrastructure.Mail;

public sealed class MailOptions
{
    /// <summary>SMTP server; when empty, mail is written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpSsl { get; set; } = true;
    public string From { get; set; } = "Wijkbasis <noreply@wijkbasis.invalid>";
    /// <summary>Where mail goes without an SMTP server: the demo and the tests read it there.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
    /// <summary>The address people use to reach Wijkbasis; links in mail start with it. Configured, never
    /// taken from the request's Host header, which whoever sends the request controls.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5000";
    /// <summary>A mail server that does not answer must not hold a request (or a lock) for long.</summary>
    public int TimeoutSeconds { get; set; } = 20;
}

public sealed class MailNotSentException(string message, Exception inner) : Exception(message, inner);

/// <summary>Sends plain-text mail: through SMTP when configured, else into a pickup folder.</summary>
public sealed class Mailer(IOptions<MailOptions> options, ILogger<Mailer> log)
{
    /// <summary>One plain address such as naam@voorbeeld.nl: no lists, no display names, no line breaks.</summary>
    public static bool IsSingleAddress(string? input) =>
        !string.IsNullOrWhiteSpace(input) && input.Length <= 200 && !input.Any(char.IsControl)
        && MailAddress.TryCreate(input.Trim(), out var address) && address.Address == input.Trim() && address.DisplayName.Length == 0;

    /// <summary>Sends now, within <see cref="MailOptions.TimeoutSeconds"/>; throws <see cref="MailNotSentException"/>.</summary>
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        using var message = new MailMessage(o.From, to, subject, body)
        {
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.EightBit,
        };
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        if (string.IsNullOrEmpty(o.SmtpHost))
        {
            Directory.CreateDirectory(o.PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = Path.GetFullPath(o.PickupDirectory);
        }
        else
        {
            client.Host = o.SmtpHost;
            client.Port = o.SmtpPort;
            client.EnableSsl = o.SmtpSsl;
            if (!string.IsNullOrEmpty(o.SmtpUser))
            {
                client.Credentials = new System.Net.NetworkCredential(o.SmtpUser, o.SmtpPassword);
            }
        }
        try
        {
            await client.SendMailAsync(message, timeout.Token);
        }
        catch (Exception e) when (e is SmtpException or OperationCanceledException or IOException or InvalidOperationException)
        {
            log.LogWarning(e, "Mail '{Subject}' could not be sent", subject);
            throw new MailNotSentException("Mail could not be sent.", e);
        }
        log.LogInformation("Mail '{Subject}' sent{Where}", subject, string.IsNullOrEmpty(o.SmtpHost) ? " to the pickup folder" : "");
    }
}

/// <summary>Mail sent after the answer has gone, for pages whose answer must not depend on it (a password
/// reset must look and take the same whether or not the address has an account). Kept in memory: a mail
/// lost in a restart is asked for again.</summary>
public sealed class MailQueue(Mailer mailer, ILogger<MailQueue> log) : BackgroundService
{
    private readonly System.Threading.Channels.Channel<(string To, string Subject, string Body)> queue =
        System.Threading.Channels.Channel.CreateBounded<(string, string, string)>(
            new System.Threading.Channels.BoundedChannelOptions(1000) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    public void Enqueue(string to, string subject, string body)
    {
        if (!queue.Writer.TryWrite((to, subject, body)))
        {
            log.LogWarning("Mail queue full; mail '{Subject}' dropped", subject);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (to, subject, body) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await mailer.SendAsync(to, subject, body, stoppingToken);
            }
            catch (MailNotSentException)
            {
                // Logged by the mailer; the person can ask again.
            }
        }
    }
}

public static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
        builder.Services.AddSingleton<Mailer>();
        builder.Services.AddSingleton<MailQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailQueue>());
        return builder;
    }
}
