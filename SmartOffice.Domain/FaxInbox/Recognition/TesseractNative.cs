using System.Reflection;
using System.Runtime.InteropServices;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// The few calls of libtesseract's C API (capi.h) the reader needs. The library name is resolved at first use from the
/// <c>FaxRecognition:Library</c> setting (Debian ships <c>libtesseract.so.5</c> without the unversioned link, which only
/// the -dev package adds); a missing library surfaces as <see cref="DllNotFoundException"/> and turns the feature off.
/// </summary>
internal static partial class TesseractNative
{
    public const string Library = "tesseract";

    /// <summary>Page segmentation: one line of text (a table cell), or one word (a form ID).</summary>
    public const int SingleLine = 7, SingleWord = 8;

    /// <summary>Iterator levels.</summary>
    public const int Word = 3, Symbol = 4;

    private static readonly Lock Gate = new();
    private static string _libraryName = "libtesseract.so.5";
    private static bool _resolverSet;

    /// <summary>Which file <see cref="Library"/> means; set before the first call.</summary>
    public static void UseLibrary(string name)
    {
        lock (Gate)
        {
            _libraryName = name;
            if (_resolverSet)
                return;
            NativeLibrary.SetDllImportResolver(typeof(TesseractNative).Assembly, Resolve);
            _resolverSet = true;
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library)
            return IntPtr.Zero;
        string file;
        lock (Gate)
            file = _libraryName;
        return NativeLibrary.Load(file, assembly, path);
    }

    [LibraryImport(Library)]
    public static partial IntPtr TessVersion();

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPICreate();

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit3(IntPtr handle, string dataPath, string language);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.I4)]
    public static partial int TessBaseAPISetVariable(IntPtr handle, string name, string value);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetImage(IntPtr handle, in byte pixels, int width, int height, int bytesPerPixel,
        int bytesPerLine);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPIGetIterator(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Library)]
    public static partial void TessResultIteratorDelete(IntPtr iterator);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.I4)]
    public static partial int TessResultIteratorNext(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial float TessResultIteratorConfidence(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetPageIteratorConst(IntPtr iterator);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.I4)]
    public static partial int TessPageIteratorIsAtBeginningOf(IntPtr iterator, int level);
}
