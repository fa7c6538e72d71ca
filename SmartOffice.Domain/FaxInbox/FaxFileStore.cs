using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>The intake's file handling: content hashes (streamed, so no file is loaded to be named), moves and folder probes.</summary>
internal static class FaxFileStore
{
    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The SHA-256 of a file read as a stream: a file of any length, never held in memory.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Moves the file under <paramref name="root"/>; a copy already there with the same content (<paramref name="hash"/>) means
    /// the move was done before (its source is then removed), a partial copy is replaced. False (the file stays where it is)
    /// when the folder cannot be written.
    /// </summary>
    public static bool Move(string path, string hash, string root, string relative, ILogger log)
    {
        var target = Path.Combine(root, relative);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target) && HashOf(target) == hash)
                File.Delete(path);
            else
                File.Move(path, target, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogDebug("FAX file {File} cannot be moved to {Target}: {Reason}", Path.GetFileName(path), target, e.Message);
            return false;
        }
    }

    /// <summary>Why a folder cannot be written: a message key for staff and the system's detail.</summary>
    public static (string Key, string Detail) Probe(string root)
    {
        if (File.Exists(root))
            return ("FaxInbox.Folder.IsAFile", "a file, not a folder");
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, ".write-test-" + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return ("FaxInbox.Folder.MoveFailed", "moving into the folder failed");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ("FaxInbox.Folder.Unwritable", e.Message);
        }
    }

    public static void WriteAtomically(string target, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, target, overwrite: true);
    }
}
