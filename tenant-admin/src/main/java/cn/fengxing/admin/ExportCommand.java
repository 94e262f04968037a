package cn.fengxing.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** {@code export CODE -o FILE}: stream the tenant's zip archive to FILE and list its entries. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Download all of a tenant's data as a zip archive (offboarding, backup).")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CODE", description = "tenant code, e.g. ningxiang")
    String code;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "where to write the zip (replaced if it exists)")
    Path output;

    @Override
    public Integer call() {
        if (Files.isDirectory(output)) {
            throw CliException.usage("--output " + output + " is a directory; name a file, e.g. " + code + ".zip");
        }
        long bytes = main.client().download("/api/platform/tenants/" + ApiClient.pathSegment(code) + "/export",
                output, "application/zip");

        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(output.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                entries.add(entry.getName());
            }
        } catch (IOException e) {
            throw new CliException(CliException.FAILURE, "wrote " + bytes + " bytes to " + output
                    + " but it is not a readable zip archive: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + bytes + " bytes to " + output + " (" + entries.size()
                + (entries.size() == 1 ? " entry" : " entries") + ")");
        entries.forEach(name -> out.println("  " + name));
        return 0;
    }
}
