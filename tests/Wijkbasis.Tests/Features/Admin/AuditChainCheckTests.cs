using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Features.Admin;

/// <summary>The check page (<c>/beheer/auditketen</c>) against a checkpoint the administrator exported earlier and uploads
/// (docs/decisions/0018): in order, a cut-off tail reported against it, a file that is no signed checkpoint refused.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AuditChainCheckTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Page = "/beheer/auditketen";
    private static readonly byte[] Key = Convert.FromBase64String(WijkbasisFactory.ChainKey);
    private static readonly TimeSpan LateRowLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task AnExportedCheckpointOfAnUntouchedChainIsInOrder()
    {
        var line = await SealAndExportAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);

        var response = await UploadAsync(client, line);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Contains("De keten is in orde", page.QuerySelector("#uitkomst")!.TextContent);
        var seq = line.Split(' ')[1];
        Assert.Contains($"Gecontroleerd tegen het controlepunt dat u gaf: regel {seq}", page.QuerySelector("#controlepunt")!.TextContent);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("other key")]
    [InlineData("garbage")]
    [InlineData("binary")]
    public async Task AFileThatIsNotASignedCheckpointIsRefusedAndTheChainIsNotReportedAsChecked(string kind)
    {
        var line = await SealAndExportAsync(app);
        var parts = line.Split(' ');
        var text = kind switch
        {
            // Someone moved the checkpoint back to hide a cut: the signature no longer fits.
            "forged" => string.Join(' ', parts[0], "1", parts[2], parts[3], parts[4]),
            "other key" => new AuditCheckpoint(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2], TimeProvider.System.GetUtcNow().UtcDateTime).ToLine(new byte[32]),
            "garbage" => "dit is geen controlepunt",
            _ => "\u0000\u00ff\u00fe" + new string('\u0001', 100),
        };
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);

        var response = await UploadAsync(client, text);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("Dit bestand is geen geldig controlepunt van deze Wijkbasis", errors);
        Assert.Null((await HtmlClient.ParseAsync(response)).QuerySelector("#uitkomst"));
    }

    [Fact]
    public async Task NoFileOrAFileTooLargeForACheckpointIsRefused()
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        var none = await UploadAsync(client, null);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Kies het bestand met het controlepunt.", await ErrorsAsync(none));

        var big = await UploadAsync(client, new string('x', 10_000));
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("te groot voor een controlepunt", await ErrorsAsync(big));
    }

    [Fact]
    public async Task OnlyThePlatformAdministratorCanCheckAgainstAnUploadedCheckpoint()
    {
        var line = await SealAndExportAsync(app);
        var admin = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        var token = await admin.TokenAsync(Page);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var coordinatorToken = await coordinator.TokenAsync("/huiskamer/mensen/nieuw");

        var response = await PostFileAsync(coordinator, coordinatorToken, line);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.FollowAsync(response)).StatusCode);
        var anonymous = HtmlClient.For(app);
        var anonymousResponse = await PostFileAsync(anonymous, token, line);
        Assert.NotEqual(HttpStatusCode.OK, anonymousResponse.StatusCode);
        Assert.DoesNotContain("De keten is", await anonymousResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RowsCutOffAfterTheExportAreReportedAgainstTheUploadedCheckpoint()
    {
        await using var own = new WijkbasisFactory();
        await own.InitializeAsync();
        var line = await SealAndExportAsync(own);
        var head = long.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        // As a database administrator could: the append-only guard off, the newest rows deleted.
        await WithDbAsync(own, db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
            ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_append_only"
            : "DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;"));
        await WithDbAsync(own, db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"ChainSeq\" > {0}", head - 4));
        var client = await HtmlClient.LoggedInAsync(own, PlatformAdmin);

        var response = await UploadAsync(client, line);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        var result = page.QuerySelector("#uitkomst")!;
        Assert.Equal("alert", result.GetAttribute("role"));
        Assert.Contains($"de keten houdt op bij regel {head - 4}", result.TextContent);
        Assert.Contains($"kent regel {head}", result.TextContent);
        Assert.Contains($"Gecontroleerd tegen het controlepunt dat u gaf: regel {head}", page.QuerySelector("#controlepunt")!.TextContent);
    }

    /// <summary>Seals every row (as the running sealer would) and exports the head, as <c>audit-checkpoint export</c> does.</summary>
    private static async Task<string> SealAndExportAsync(WijkbasisFactory factory)
    {
        var client = await HtmlClient.LoggedInAsync(factory, Coordinator);
        await client.SubmitAsync("/huiskamer/mensen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "Controle Pagina" });
        var checkpoints = new AuditCheckpoints(Options.Create(new AuditOptions { CheckpointFile = TempFile() }),
            factory.Services.GetRequiredService<AuditChainKey>(), NullLogger<AuditCheckpoints>.Instance);
        while (await WithDbAsync(factory, db => AuditChain.SealAsync(db, Key, TimeProvider.System.GetUtcNow().UtcDateTime, LateRowLimit, batch: 200, checkpoints: checkpoints)) > 0)
        {
        }
        var file = TempFile();
        var (ok, line) = await AuditCommands.ExportAsync(factory.Services, file, CancellationToken.None);
        Assert.True(ok, line);
        Assert.True(await WithDbAsync(factory, db => TenantBypass.AuditChain(db).AnyAsync(a => a.ChainSeq > 4)));
        return (await File.ReadAllTextAsync(file)).Trim();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HtmlClient client, string? text) =>
        await PostFileAsync(client, await client.TokenAsync(Page), text);

    private static async Task<HttpResponseMessage> PostFileAsync(HtmlClient client, string token, string? text)
    {
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (text is not null)
        {
            content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text + "\n")), "Checkpoint", "audit-chain.checkpoint");
        }
        return await client.Http.PostAsync(Page + "?handler=Exported", content);
    }

    private static async Task<T> WithDbAsync<T>(WijkbasisFactory factory, Func<WijkbasisDb, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WijkbasisDb>());
    }

    private static string TempFile() => Path.Combine(Path.GetTempPath(), "wijkbasis-checkpoint-" + Guid.NewGuid().ToString("N"));
}
