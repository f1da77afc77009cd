using Wijkbasis.Data;
using Wijkbasis.Features;
using Wijkbasis.Features.Demo;
using Wijkbasis.Infrastructure;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Health;
using Wijkbasis.Infrastructure.Localization;
using Wijkbasis.Infrastructure.Mail;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging();
builder.AddDatabase();
builder.AddSharedDataProtection();
builder.AddWijkbasisAuth();
builder.AddMail();
builder.AddDutchFirstLocalization();
builder.AddPages();
builder.AddHealth();
builder.AddDemoNeighbourhood();

var app = builder.Build();
if (await Wijkbasis.Infrastructure.Audit.AuditCommands.TryRunAsync(app, args)) { return; }
if (await Wijkbasis.Infrastructure.Backup.BackupCommands.TryRunAsync(app, args)) { return; }

await app.MigrateDatabaseAsync();
await app.SeedDemoNeighbourhoodAsync();

app.UseWijkbasisPipeline();
app.MapPages();
app.MapHealth();

await app.RunAsync();

public partial class Program;
