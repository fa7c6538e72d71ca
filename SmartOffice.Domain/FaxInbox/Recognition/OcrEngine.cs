using System.Runtime.InteropServices;
using System.Text;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>What a box may contain: the engine is told the characters it may answer with.</summary>
public enum OcrAlphabet
{
    /// <summary>数量, お客様番号: digits only.</summary>
    Digits,
    /// <summary>商品コード: upper-case letters, digits and a hyphen.</summary>
    Code,
    /// <summary>FAX番号: digits, hyphens and brackets.</summary>
    FaxNumber,
    /// <summary>The form ID (SO-01).</summary>
    FormId,
    /// <summary>行コメント, 部署: Japanese text.</summary>
    Japanese,
}

/// <summary>What the engine read in one box: the text and its confidence (0–100, the least sure character's).</summary>
public sealed record OcrText(string Text, float Confidence);

/// <summary>An 8-bit grey image, one byte per pixel, rows without padding (0 = black).</summary>
public sealed record GrayCrop(int Width, int Height, byte[] Pixels);

/// <summary>Reads one box of text. One engine per worker thread: an instance is not thread-safe.</summary>
public interface IOcrEngine : IDisposable
{
    OcrText Read(GrayCrop crop, OcrAlphabet alphabet);
}

/// <summary>
/// The engine is missing (library or language data): the feature is off. The message says what is missing (for the log);
/// <see cref="Package"/> is the Debian package that brings it, which the inbox's notice names.
/// </summary>
public sealed class OcrUnavailableException(string message, string package, Exception? inner = null) : Exception(message, inner)
{
    public string Package { get; } = package;
}

/// <summary>
/// libtesseract through its C API, kept loaded: one English and one Japanese engine, initialised once (≈ 0.2 s) and
/// reused for every box. Measured against the command line with TSV output, which loads the language data for every
/// call: see <c>docs/fax-recognition.md</c>. Codes and numbers are read with a whitelist, one line per box.
/// </summary>
public sealed class TesseractEngine : IOcrEngine
{
    private const string CodeCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
    private readonly IntPtr _latin, _japanese;
    private OcrAlphabet? _whitelisted;

    private TesseractEngine(IntPtr latin, IntPtr japanese) => (_latin, _japanese) = (latin, japanese);

    /// <summary>Debian's packages of the library and of a language's data (what ./test.sh installs).</summary>
    private const string LibraryPackage = "tesseract-ocr";

    private static string LanguagePackage(string language) => $"tesseract-ocr-{language}";

    /// <summary>The engine's version, or an <see cref="OcrUnavailableException"/> when the library cannot be loaded.</summary>
    public static string Version(string library)
    {
        // Loaded by name each time: once a P/Invoke is bound the runtime keeps its library, so only this says it is there.
        if (!NativeLibrary.TryLoad(library, typeof(TesseractEngine).Assembly, null, out var handle))
            throw new OcrUnavailableException($"libtesseract ({library}) cannot be loaded", LibraryPackage);
        NativeLibrary.Free(handle);
        try
        {
            TesseractNative.UseLibrary(library);
            return Marshal.PtrToStringUTF8(TesseractNative.TessVersion()) ?? "?";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new OcrUnavailableException($"libtesseract ({library}) cannot be loaded: {e.Message}", LibraryPackage, e);
        }
    }

    /// <summary>Loads English and Japanese from <paramref name="tessdata"/>.</summary>
    /// <exception cref="OcrUnavailableException">The library or a language's data is missing.</exception>
    public static TesseractEngine Load(string library, string tessdata)
    {
        Version(library);
        foreach (var language in new[] { "eng", "jpn" })
        {
            if (!File.Exists(Path.Combine(tessdata, language + ".traineddata")))
                throw new OcrUnavailableException($"{Path.Combine(tessdata, language + ".traineddata")} is missing",
                    LanguagePackage(language));
        }
        var latin = Init(tessdata, "eng");
        try
        {
            var japanese = Init(tessdata, "jpn");
            TesseractNative.TessBaseAPISetVariable(japanese, "preserve_interword_spaces", "1");
            return new TesseractEngine(latin, japanese);
        }
        catch
        {
            End(latin);
            throw;
        }
    }

    private static IntPtr Init(string tessdata, string language)
    {
        var handle = TesseractNative.TessBaseAPICreate();
        if (TesseractNative.TessBaseAPIInit3(handle, tessdata, language) != 0)
        {
            TesseractNative.TessBaseAPIDelete(handle);
            throw new OcrUnavailableException($"tesseract cannot load '{language}' from {tessdata}", LanguagePackage(language));
        }
        TesseractNative.TessBaseAPISetPageSegMode(handle, TesseractNative.SingleLine);
        // Codes are not words: no dictionary pulls "A1O2" towards English.
        TesseractNative.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        return handle;
    }

    public OcrText Read(GrayCrop crop, OcrAlphabet alphabet)
    {
        var handle = alphabet == OcrAlphabet.Japanese ? _japanese : _latin;
        if (alphabet != OcrAlphabet.Japanese && _whitelisted != alphabet)
        {
            TesseractNative.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", alphabet switch
            {
                OcrAlphabet.Digits => "0123456789",
                OcrAlphabet.FaxNumber => "0123456789-()",
                OcrAlphabet.FormId => "SO-0123456789",
                _ => CodeCharacters,
            });
            _whitelisted = alphabet;
        }
        TesseractNative.TessBaseAPISetImage(handle, in crop.Pixels[0], crop.Width, crop.Height, 1, crop.Width);
        TesseractNative.TessBaseAPISetSourceResolution(handle, 300);
        if (TesseractNative.TessBaseAPIRecognize(handle, IntPtr.Zero) != 0)
            return new OcrText("", 0);
        var text = new StringBuilder();
        var confidence = 100f;
        var iterator = TesseractNative.TessBaseAPIGetIterator(handle);
        if (iterator == IntPtr.Zero)
            return new OcrText("", 0);
        try
        {
            do
            {
                var symbol = TesseractNative.TessResultIteratorGetUTF8Text(iterator, TesseractNative.Symbol);
                if (symbol == IntPtr.Zero)
                    continue;
                // Words keep their space (a comment such as 総務部 山田様); codes and numbers drop it later.
                if (text.Length > 0 && TesseractNative.TessPageIteratorIsAtBeginningOf(
                        TesseractNative.TessResultIteratorGetPageIteratorConst(iterator), TesseractNative.Word) != 0)
                    text.Append(' ');
                text.Append(Marshal.PtrToStringUTF8(symbol));
                TesseractNative.TessDeleteText(symbol);
                confidence = Math.Min(confidence, TesseractNative.TessResultIteratorConfidence(iterator, TesseractNative.Symbol));
            }
            while (TesseractNative.TessResultIteratorNext(iterator, TesseractNative.Symbol) != 0);
        }
        finally
        {
            TesseractNative.TessResultIteratorDelete(iterator);
        }
        return text.Length == 0 ? new OcrText("", 0) : new OcrText(text.ToString(), Math.Clamp(confidence, 0, 100));
    }

    private static void End(IntPtr handle)
    {
        TesseractNative.TessBaseAPIEnd(handle);
        TesseractNative.TessBaseAPIDelete(handle);
    }

    public void Dispose()
    {
        End(_latin);
        End(_japanese);
    }
}
