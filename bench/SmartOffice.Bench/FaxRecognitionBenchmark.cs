using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Bench;

/// <summary>
/// <c>fax-recognition</c>: order forms drawn from real records of the benchmark database (<see cref="FaxFormCorpus"/>) with a
/// fresh seed each run (printed; <c>FAX_BENCH_SEED=n</c> repeats a corpus), faxed at fine and standard resolution, imported
/// as FAX items, read by the worker's own path (<see cref="FaxRecognitionRunner"/>: claim, decode, read, store) and checked
/// by <see cref="FaxRecognitionService.DraftAsync"/> as order entry would ask. Per resolution: fields right (code exact,
/// quantity exact), wrong but sure, lines and forms fully right, seconds per page — printed forms to at least 2,000 fields,
/// handwriting-like forms to 600. Baselines in the same run: the naive start (tesseract's command line on the
/// whole page, --psm 11) for the time per page, and the command line with TSV output per box for the engine call.
/// </summary>
internal sealed class FaxRecognitionBenchmark : IBenchmark
{
    private const string Marker = "bench-fax-";
    private const int PrintedFields = 2000, HandwrittenFields = 600, NaivePages = 8, EngineCells = 40;
    private const double TargetSecondsPerPage = 2, TargetSureWrongPercent = 0.2;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FAX_BENCH_SEED"), CultureInfo.InvariantCulture, out var s) ? s
            : RandomNumberGenerator.GetInt32(int.MaxValue);
        global::System.Console.WriteLine($"Corpus seed {seed} (FAX_BENCH_SEED={seed} ./bench.sh fax-recognition draws the same forms)");
        var rng = new Random(seed);
        var contexts = services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
        var runner = services.GetRequiredService<FaxRecognitionRunner>();
        var clock = services.GetRequiredService<BusinessClock>();
        var options = services.GetRequiredService<IOptions<FaxRecognitionOptions>>().Value;
        if (runner.LoadEngines() is not [var engine, ..])
        {
            global::System.Console.WriteLine("tesseract is not installed: nothing to measure.");
            return [];
        }
        await using var scope = services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<FaxRecognitionService>();
        await RemoveBenchFaxesAsync(contexts, cancellationToken);
        // FAXes already in the database (the demo's) are read first, out of the measurement, which also warms the engine up.
        while (await runner.ReadNextAsync(engine, cancellationToken))
        {
        }
        CorpusRecords records;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            records = await FaxFormCorpus.RecordsAsync(db, 3000, cancellationToken);
        var renderer = FaxPageRenderer.From(new FaxInboxOptions());
        var results = new List<BenchResult>();
        using var process = Process.GetCurrentProcess();
        var samplePages = new Dictionary<FaxResolution, List<byte[]>>();
        try
        {
            foreach (var resolution in new[] { FaxResolution.Fine, FaxResolution.Standard })
            {
                foreach (var filling in new[] { FormFilling.Printed, FormFilling.Handwritten })
                {
                    var score = new FaxRecognitionScore();
                    var needed = filling == FormFilling.Printed ? PrintedFields : HandwrittenFields;
                    using var phases = new FaxPhases();
                    // The series is drawn first, in the seed's order (the same forms as drawn one at a time), and its pages
                    // rendered on every core; the timed reading then runs alone (docs/performance.md, fax-recognition).
                    var forms = phases.Time(FaxPhases.Draw, () => DrawSeries(records, rng, resolution, filling, needed, clock.Now));
                    var rendered = phases.Time(FaxPhases.Render, () => RenderAll(renderer, forms));
                    for (var f = 0; f < forms.Count && score.Fields < needed; f++)
                    {
                        var (form, pages) = (forms[f], rendered[f]);
                        if (filling == FormFilling.Printed)
                            (samplePages.TryGetValue(resolution, out var list) ? list : samplePages[resolution] = [])
                                .AddRange(pages.Take(1).Select(p => p.Png));
                        var id = await phases.TimeAsync(FaxPhases.Import,
                            () => ImportAsync(contexts, form, pages, clock.Now, cancellationToken));
                        process.Refresh();
                        var cpu = process.TotalProcessorTime;
                        var watch = Stopwatch.StartNew();
                        await phases.TimeAsync(FaxPhases.Read, () => runner.ReadNextAsync(engine, cancellationToken));
                        var seconds = watch.Elapsed.TotalSeconds;
                        process.Refresh();
                        var draft = await phases.TimeAsync(FaxPhases.Check, () => drafts.DraftAsync(id, cancellationToken));
                        score.Add(form, draft, seconds, (process.TotalProcessorTime - cpu).TotalSeconds, pages.Count);
                    }
                    global::System.Console.WriteLine($"{resolution} {filling}: {score}");
                    global::System.Console.WriteLine($"   {phases}");
                    foreach (var miss in score.Misses.Take(25))
                        global::System.Console.WriteLine($"   {miss}");
                    results.AddRange(Figures(resolution, filling, score));
                }
            }
        }
        finally
        {
            await RemoveBenchFaxesAsync(contexts, cancellationToken);
        }
        results = await WithNaiveBaselineAsync(results, samplePages, cancellationToken);
        results.AddRange(EngineCall(engine, samplePages[FaxResolution.Fine][0], options));
        return results;
    }

    /// <summary>Forms of one series until their lines hold <paramref name="fields"/> fields (a code and a quantity each).</summary>
    private static List<CorpusForm> DrawSeries(CorpusRecords records, Random rng, FaxResolution resolution, FormFilling filling, int fields,
        DateTimeOffset now)
    {
        var forms = new List<CorpusForm>();
        for (var drawn = 0; drawn < fields; drawn += 2 * forms[^1].Lines.Count)
            forms.Add(FaxFormCorpus.Draw(records, rng, resolution, filling, now));
        return forms;
    }

    /// <summary>Each form's pages as the import renders them, several forms at a time (untimed preparation).</summary>
    private static IReadOnlyList<FaxRenderedPage>[] RenderAll(FaxPageRenderer renderer, List<CorpusForm> forms)
    {
        var pages = new IReadOnlyList<FaxRenderedPage>[forms.Count];
        Parallel.For(0, forms.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => pages[i] = renderer.Render("bench.tif", forms[i].Tiff).Pages);
        return pages;
    }

    private static IEnumerable<BenchResult> Figures(FaxResolution resolution, FormFilling filling, FaxRecognitionScore score)
    {
        var name = $"fax-recognition {resolution.ToString().ToLowerInvariant()} {filling.ToString().ToLowerInvariant()}";
        var printed = filling == FormFilling.Printed;
        double? rightTarget = printed ? resolution == FaxResolution.Fine ? 99 : 95 : null;
        var sureWrong = FaxRecognitionScore.Percent(score.SureWrong, score.Fields);
        yield return BenchResult.AtLeast($"{name} fields right", FaxRecognitionScore.Percent(score.Right, score.Fields), "%", rightTarget);
        yield return BenchResult.Ceiling($"{name} wrong but sure", sureWrong, "%",
            printed && resolution == FaxResolution.Fine ? TargetSureWrongPercent : null);
        yield return BenchResult.AtLeast($"{name} code exact", FaxRecognitionScore.Percent(score.CodesRight, score.Codes), "%", null);
        yield return BenchResult.AtLeast($"{name} quantity exact", FaxRecognitionScore.Percent(score.QuantitiesRight, score.Quantities),
            "%", null);
        yield return BenchResult.AtLeast($"{name} lines fully right", FaxRecognitionScore.Percent(score.LinesRight, score.Lines), "%",
            null);
        yield return BenchResult.AtLeast($"{name} forms fully right", FaxRecognitionScore.Percent(score.FormsRight, score.Forms), "%",
            null);
        yield return BenchResult.AtLeast($"{name} fields sure", FaxRecognitionScore.Percent(score.Sure, score.Fields), "%", null);
        yield return BenchResult.Absolute($"{name} seconds per page", score.SecondsPerPage, "s", TargetSecondsPerPage);
        // The processor time the reading took: on a shared machine the wall clock also counts the wait for a core.
        yield return BenchResult.Absolute($"{name} CPU seconds per page", score.CpuSecondsPerPage, "s", null);
    }

    /// <summary>The starting point on the same pages: tesseract's command line, English, on the whole page (--psm 11).</summary>
    private static async Task<List<BenchResult>> WithNaiveBaselineAsync(List<BenchResult> results,
        Dictionary<FaxResolution, List<byte[]>> pages,
        CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("fax-bench-");
        try
        {
            foreach (var (resolution, pngs) in pages)
            {
                var watch = Stopwatch.StartNew();
                var sample = pngs.Take(NaivePages).ToList();
                foreach (var (png, i) in sample.Select((p, i) => (p, i)))
                {
                    var file = Path.Combine(folder.FullName, $"page{i}.png");
                    await File.WriteAllBytesAsync(file, png, cancellationToken);
                    await TesseractCliAsync($"{file} - --psm 11", cancellationToken);
                }
                var naive = watch.Elapsed.TotalSeconds / sample.Count;
                var name = $"fax-recognition {resolution.ToString().ToLowerInvariant()} printed seconds per page";
                var index = results.FindIndex(r => r.Name == name);
                results[index] = BenchResult.Against(name, results[index].Value, "s", naive, "tesseract CLI, whole page, --psm 11",
                    TargetSecondsPerPage);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        return results;
    }

    /// <summary>One box read in process (the engine kept loaded) against the command line with TSV output, one process per box.</summary>
    private static IEnumerable<BenchResult> EngineCall(IOcrEngine engine, byte[] pagePng, FaxRecognitionOptions options)
    {
        using var page = GrayPage.FromPng(pagePng);
        var placement = FormRegistration.Find(page) ?? throw new InvalidOperationException("The sample page is not the form.");
        var crops = Enumerable.Range(0, OrderFormLayout.LineRows)
            .SelectMany(r => new[] { OrderFormField.ProductCode,
                OrderFormField.Quantity }.Select(f => CellCrop.Take(page, placement, OrderFormLayout.FieldBox(f, r))))
            .OfType<GrayCrop>().ToList();
        var cells = Enumerable.Range(0, EngineCells).Select(i => crops[i % crops.Count]).ToList();
        var inProcess = Stopwatch.StartNew();
        foreach (var crop in cells)
            engine.Read(crop, OcrAlphabet.Code);
        var perCell = inProcess.Elapsed.TotalMilliseconds / cells.Count;
        var folder = Directory.CreateTempSubdirectory("fax-bench-");
        try
        {
            var cli = Stopwatch.StartNew();
            foreach (var (crop, i) in cells.Select((c, i) => (c, i)))
            {
                var file = Path.Combine(folder.FullName, $"cell{i}.png");
                using (var bitmap = new SKBitmap(new SKImageInfo(crop.Width, crop.Height, SKColorType.Gray8, SKAlphaType.Opaque)))
                {
                    crop.Pixels.CopyTo(bitmap.GetPixelSpan());
                    using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                    File.WriteAllBytes(file, data.ToArray());
                }
                TesseractCliAsync($"{file} - --psm 7 --tessdata-dir {options.TessdataFolder} -c " +
                    $"tessedit_char_whitelist=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- tsv",
                    CancellationToken.None).GetAwaiter().GetResult();
            }
            var cliPerCell = cli.Elapsed.TotalMilliseconds / cells.Count;
            global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Engine call per box: libtesseract in process {perCell:0.0} ms, command line with TSV {cliPerCell:0.0} ms " +
                    $"({cliPerCell / perCell:0.0}×)"));
            return [BenchResult.Against("fax-recognition engine call per box", perCell, "ms", cliPerCell,
                "tesseract CLI with TSV, a process per box", null)];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task TesseractCliAsync(string arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(
            new ProcessStartInfo("tesseract", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
                            ?? throw new InvalidOperationException("tesseract does not start");
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>The form as the FAX server's import would store it (its pages as PNGs), from the sender's number.</summary>
    private static async Task<int> ImportAsync(IDbContextFactory<SmartOfficeDbContext> contexts, CorpusForm form,
        IReadOnlyList<FaxRenderedPage> pages,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = FaxInboxItem.Received(Marker + Guid.NewGuid().ToString("N") + ".tif", Convert.ToHexString(SHA256.HashData(form.Tiff)),
            FaxSource.Upload, FaxPageRenderer.TiffType, null, now, now, form.SenderFax, pages.Count);
        db.FaxInboxItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        db.FaxPages.AddRange(
            pages.Select((p, i) =>
            new FaxPage { FaxInboxItemId = item.Id, PageNumber = i + 1, Width = p.Width, Height = p.Height, Png = p.Png }));
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }

    private static async Task RemoveBenchFaxesAsync(IDbContextFactory<SmartOfficeDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = db.FaxInboxItems.Where(i => i.FileName.StartsWith(Marker)).Select(i => i.Id);
        await db.FaxRecognizedFields.Where(f => db.FaxRecognitions.Any(r => r.Id == f.FaxRecognitionId && ids.Contains(r.FaxInboxItemId)))
            .ExecuteDeleteAsync(cancellationToken);
        await db.FaxRecognitions.Where(r => ids.Contains(r.FaxInboxItemId)).ExecuteDeleteAsync(cancellationToken);
        await db.FaxPages.Where(p => ids.Contains(p.FaxInboxItemId)).ExecuteDeleteAsync(cancellationToken);
        await db.FaxInboxItems.Where(i => i.FileName.StartsWith(Marker)).ExecuteDeleteAsync(cancellationToken);
    }
}
