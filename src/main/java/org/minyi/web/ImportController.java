package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload a CSV/JSONL/XLSX file of messages; the import runs in the background and reports progress. */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "import", description = "Import message files (CSV, JSONL, XLSX) with a column mapping")
class ImportController {

    private final ImportJobs jobs;

    ImportController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start an import",
            description = "Part 'file' is the data; optional part 'mapping' is a column-mapping YAML. Without a "
                    + "mapping, a built-in one is chosen by the file's header. Poll GET /api/imports/{id}.")
    ImportJobs.JobView start(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "column mapping YAML") @RequestPart(value = "mapping", required = false)
            MultipartFile mapping,
            @Parameter(description = "csv | jsonl | xlsx (default: by file name)")
            @RequestParam(required = false) String format,
            @Parameter(description = "overrides the source of every message") @RequestParam(required = false)
            String source,
            @Parameter(description = "overrides the channel: board | hotline | news | forum")
            @RequestParam(required = false) String channel) throws IOException {
        String name = uploadName(file.getOriginalFilename());
        String mappingYaml = mapping == null || mapping.isEmpty() ? null
                : new String(mapping.getBytes(), StandardCharsets.UTF_8);
        ImportRequest request = new ImportRequest(format, mappingYaml, source, channel);
        // 202 only once the file is on disk for good: a crash after this answer resumes the job at the next start.
        try (InputStream in = file.getInputStream()) {
            return jobs.submitUpload(in, name, request);
        } catch (IOException e) {
            // the reason without the server's paths: clients need not know where the data folder is
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName();
            throw new UploadNotStored("the upload " + name + " could not be stored for import (" + reason
                    + "); nothing was imported: free disk space in the data folder and send it again", e);
        }
    }

    /** The upload could not be written to the spool (disk full…): 507, and nothing was accepted. */
    static final class UploadNotStored extends RuntimeException {
        UploadNotStored(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @ExceptionHandler(UploadNotStored.class)
    ResponseEntity<ApiError> notStored(UploadNotStored e) {
        return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE)
                .body(new ApiError(HttpStatus.INSUFFICIENT_STORAGE.value(), e.getMessage()));
    }

    /** Longest upload name kept, in bytes of UTF-8: file systems allow 255; some 80 Chinese characters. */
    static final int MAX_NAME_BYTES = 240;

    /**
     * The last segment of the name a client gave (browsers on Windows may send a whole path), or "upload" when that
     * is empty, "." or "..": the copy is made under this name inside the job's own upload folder, so it must stay
     * there.
     *
     * @throws IllegalArgumentException (400) for a name with control characters (NUL…) or longer than
     *                                  {@value #MAX_NAME_BYTES} bytes
     */
    static String uploadName(String original) {
        if (original == null) {
            return "upload";
        }
        String last = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        if (last.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the file name holds control characters; rename the file and send it"
                    + " again");
        }
        if (last.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("the file name is too long (at most " + MAX_NAME_BYTES + " bytes of"
                    + " UTF-8, some 80 Chinese characters); rename the file and send it again");
        }
        if (last.isEmpty() || last.equals(".") || last.equals("..")) {
            return "upload";
        }
        return last;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress and result of one import")
    ImportJobs.JobView job(@PathVariable String id) {
        return jobs.get(id).orElseThrow(() -> new NoSuchElementException("no import with id " + id));
    }

    @GetMapping
    @Operation(summary = "Recent imports, oldest first")
    List<ImportJobs.JobView> jobs() {
        return jobs.list();
    }
}
