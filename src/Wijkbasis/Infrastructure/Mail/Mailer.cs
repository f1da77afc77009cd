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
}

/// <summary>Sends plain-text mail: through SMTP when configured, else into a pickup folder.</summary>
public sealed class Mailer(IOptions<MailOptions> options, ILogger<Mailer> log)
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var message = new MailMessage(o.From, to, subject, body)
        {
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.EightBit,
        };
        using var client = new SmtpClient();
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
        await client.SendMailAsync(message, cancellationToken);
        log.LogInformation("Mail '{Subject}' sent{Where}", subject, string.IsNullOrEmpty(o.SmtpHost) ? " to the pickup folder" : "");
    }

    public static WebApplicationBuilder AddMail(WebApplicationBuilder builder)
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
        builder.Services.AddSingleton<Mailer>();
        return builder;
    }
}
