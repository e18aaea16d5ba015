package org.minyi.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.AnalysisOutput;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.message.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code minyi analyze --input IN.jsonl --output OUT.jsonl}: one JSON object per line in ({"id","text"} and
 * optionally "title"), one analysis per line out, in the same order. A bad line is reported on stderr with its line
 * number and skipped; the others are still written.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse messages from a JSONL file (one {\"id\",\"text\",...} per line) into a JSONL file.")
public final class AnalyzeCommand implements Callable<Integer> {

    private static final int CHUNK = 512;

    @Option(names = {"-i", "--input"}, required = true, description = "JSONL input, or - for standard input")
    private String input;

    @Option(names = {"-o", "--output"}, required = true, description = "JSONL output, or - for standard output")
    private String output;

    @Spec
    private CommandSpec spec;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        AnalysisPipeline pipeline = MinYiStack.pipeline(MinYiSettings.fromSystemProperties());
        Progress progress = new Progress(err, "analysed");
        int bad = 0;
        try (BufferedReader in = input.equals("-")
                ? new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
             BufferedWriter out = output.equals("-")
                     ? new BufferedWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                     : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
            List<Message> chunk = new ArrayList<>(CHUNK);
            String line;
            long lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    chunk.add(parse(line));
                } catch (RuntimeException e) {
                    bad++;
                    err.printf("line %d: %s%n", lineNumber, e.getMessage());
                }
                if (chunk.size() == CHUNK) {
                    write(pipeline, chunk, out);
                    progress.add(chunk.size());
                    chunk.clear();
                }
            }
            write(pipeline, chunk, out);
            progress.add(chunk.size());
        }
        progress.done();
        if (bad > 0) {
            err.printf("%d line(s) skipped because of errors (see above)%n", bad);
            return 1;
        }
        return 0;
    }

    private Message parse(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
        }
        String id = text(node, "id");
        String text = text(node, "text");
        if (id == null) {
            throw new IllegalArgumentException("missing \"id\"");
        }
        if (text == null) {
            throw new IllegalArgumentException("message " + id + ": missing \"text\"");
        }
        return new Message(id, null, null, text(node, "title"), text, null, null, null, null, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String s = value.isValueNode() ? value.asString() : value.toString();
        return s.isBlank() ? null : s;
    }

    private void write(AnalysisPipeline pipeline, List<Message> chunk, BufferedWriter out) throws IOException {
        List<AnalysisOutput> results = chunk.parallelStream()
                .map(m -> AnalysisOutput.of(m.id(), pipeline.analyze(m)))
                .toList();
        for (AnalysisOutput result : results) {
            out.write(json.writeValueAsString(result));
            out.newLine();
        }
    }
}
