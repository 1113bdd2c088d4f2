package dev.dbscim.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.sync.OperationResult;
import dev.dbscim.client.sync.PlannedOperation;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.core.json.ScimJson;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes a {@link SyncReport} as JSON for scripts ({@code apply --json}):
 *
 * <pre>
 * {"target":"account ... at https://...","success":true,"interrupted":false,
 *  "startedAt":"...","finishedAt":"...","durationMillis":812,"writeRequests":2310,
 *  "succeeded":2300,"failed":0,"notRun":0,
 *  "results":[{"index":0,"phase":0,"action":"create","kind":"user","name":"ada@example.com",
 *              "workspaceId":1001,"outcome":"succeeded","requests":1,"detail":"...","errorType":"..."}]}
 * </pre>
 *
 * {@code workspaceId}, {@code detail} and {@code errorType} appear only when the result has them.
 */
final class ReportJson {
  private static final ObjectMapper MAPPER = ScimJson.mapper();

  private ReportJson() {}

  static String write(SyncReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("target", report.target());
    root.put("success", report.isSuccess());
    root.put("interrupted", report.interrupted());
    root.put("startedAt", report.startedAt().toString());
    root.put("finishedAt", report.finishedAt().toString());
    root.put("durationMillis", report.duration().toMillis());
    root.put("writeRequests", report.requests());
    root.put("succeeded", report.count(OperationResult.Outcome.SUCCEEDED));
    root.put("failed", report.count(OperationResult.Outcome.FAILED));
    root.put("notRun", report.count(OperationResult.Outcome.NOT_RUN));
    ArrayNode results = root.putArray("results");
    for (OperationResult result : report.results()) {
      PlannedOperation operation = result.operation();
      ObjectNode node = results.addObject()
          .put("index", operation.index())
          .put("phase", operation.phase())
          .put("action", lower(operation.action().name()))
          .put("kind", lower(operation.principal().kind().name()))
          .put("name", operation.principal().name());
      if (operation.workspaceId().isPresent()) {
        node.put("workspaceId", operation.workspaceId().getAsLong());
      }
      node.put("outcome", lower(result.outcome().name()));
      node.put("requests", result.requests());
      result.detail().ifPresent(detail -> node.put("detail", detail));
      result.errorType().ifPresent(type -> node.put("errorType", type));
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
