using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Wijkbasis.Features.Cases;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Special-category fields are sealed with AES-GCM under keys outside the database.</summary>
public sealed class FieldCipherTests
{
    private const string K1 = "k1=ZmllbGQta2V5LW9uZS1mb3ItdGhlLXRlc3RzLTMyYnk=";
    private static readonly string K2 = "k2=" + Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 3)).ToArray());

    private static FieldCipher Cipher(string keys) => new(new FieldKeyRing(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FieldEncryption:Keys"] = keys }).Build(),
        NullLogger<FieldKeyRing>.Instance));

    private static readonly CaseContact Contact = new() { ByName = "Anna" };
    private static readonly CaseContact Other = new() { ByName = "Anna" };

    [Fact]
    public void ASealedValueOpensForItsOwnRecordAndFieldAndShowsNothingByItself()
    {
        var cipher = Cipher(K1);
        var sealedText = cipher.Seal("Schulden bij de energieleverancier", Contact, nameof(CaseContact.Note))!;
        Assert.DoesNotContain("Schulden", sealedText.Stored);
        Assert.Equal("[versleuteld]", sealedText.ToString());
        Assert.Equal("k1", sealedText.KeyId);
        Assert.Equal("Schulden bij de energieleverancier", cipher.Open(sealedText, Contact, nameof(CaseContact.Note)));
    }

    [Fact]
    public void TheSameTextSealsDifferentlyEachTime()
    {
        var cipher = Cipher(K1);
        Assert.NotEqual(cipher.Seal("x", Contact, "Note")!.Stored, cipher.Seal("x", Contact, "Note")!.Stored);
    }

    [Fact]
    public void AValueCopiedToAnotherRecordOrFieldOrChangedDoesNotOpen()
    {
        var cipher = Cipher(K1);
        var sealedText = cipher.Seal("geheim", Contact, "Note")!;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedText, Other, "Note"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedText, Contact, "Text"));
        var bytes = Convert.FromBase64String(sealedText.Stored.Split(':')[2]);
        bytes[^1] ^= 1;
        var changed = new SealedText($"wb1:k1:{Convert.ToBase64String(bytes)}");
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(changed, Contact, "Note"));
    }

    [Fact]
    public void AfterAddingAKeyTheNewKeySealsAndTheOldOneStillOpens()
    {
        var old = Cipher(K1).Seal("van vroeger", Contact, "Note")!;
        var rotated = Cipher($"{K1};{K2}");
        Assert.Equal("k2", rotated.ActiveKeyId);
        Assert.Equal("van vroeger", rotated.Open(old, Contact, "Note"));
        Assert.Equal("k2", rotated.Seal("nieuw", Contact, "Note")!.KeyId);
    }

    [Fact]
    public void AValueSealedWithARemovedKeyFailsLoudly()
    {
        var sealedText = Cipher($"{K1};{K2}").Seal("nieuw", Contact, "Note")!;
        Assert.ThrowsAny<CryptographicException>(() => Cipher(K1).Open(sealedText, Contact, "Note"));
    }

    [Fact]
    public void EmptyTextIsStoredAsNothing()
    {
        Assert.Null(Cipher(K1).Seal("", Contact, "Note"));
        Assert.Null(Cipher(K1).Open(null, Contact, "Note"));
    }

    [Fact]
    public void AShortOrMalformedKeyStopsTheApp()
    {
        Assert.Throws<InvalidOperationException>(() => Cipher("k1=" + Convert.ToBase64String(new byte[16])));
        Assert.Throws<InvalidOperationException>(() => Cipher("zonder-sleutel"));
    }
}
