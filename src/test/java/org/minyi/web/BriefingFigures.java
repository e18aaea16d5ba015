package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/** Recomputes a footnoted figure of a report's HTML through the API query it records (as a leader). */
final class BriefingFigures {

    private BriefingFigures() {
    }

    /** The figure as its recorded query gives it now: the number read, divided by the 'per' number if any. */
    static double recompute(RunningService service, Element figure) throws Exception {
        double value = read(service, figure.attr("data-api"), figure.attr("data-read"));
        if (figure.hasAttr("data-per-api")) {
            value /= read(service, figure.attr("data-per-api"), figure.attr("data-per-read"));
        }
        return value;
    }

    private static double read(RunningService service, String apiLink, String path) throws Exception {
        JsonNode answer = service.getJson(service.as("leader", RunningService.USER_PASSWORD, apiLink));
        JsonNode node = JsonPath.read(answer, path);
        assertThat(node).as("%s has %s: %s", apiLink, path, answer).isNotNull();
        return node.asDouble();
    }

    /**
     * Reads the number a figure names in an API answer: dotted field names, and {@code name[field=value]} for the
     * element of an array whose field (a dotted path) has that value, {@code name[a=x][b=y]} where both hold — the
     * grammar of
     * {@link org.minyi.report.FigureQuery}.
     */
    static final class JsonPath {

        static JsonNode read(JsonNode root, String path) {
            JsonNode node = root;
            for (String step : steps(path)) {
                if (node == null) {
                    return null;
                }
                int bracket = step.indexOf('[');
                if (bracket < 0) {
                    node = node.get(step);
                    continue;
                }
                List<String[]> tests = new ArrayList<>();
                for (String test : step.substring(bracket + 1, step.length() - 1).split("]\\[")) {
                    tests.add(test.split("=", 2));
                }
                JsonNode array = node.get(step.substring(0, bracket));
                node = null;
                for (JsonNode element : array == null ? List.<JsonNode>of() : toList(array)) {
                    if (tests.stream().allMatch(test -> {
                        JsonNode key = read(element, test[0]);
                        return key != null && key.asString().equals(test[1]);
                    })) {
                        node = element;
                        break;
                    }
                }
            }
            return node;
        }

        /** Splits at dots outside brackets (values in brackets may hold dots). */
        private static List<String> steps(String path) {
            List<String> steps = new ArrayList<>();
            int depth = 0;
            StringBuilder step = new StringBuilder();
            for (char c : path.toCharArray()) {
                if (c == '.' && depth == 0) {
                    steps.add(step.toString());
                    step.setLength(0);
                    continue;
                }
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                step.append(c);
            }
            steps.add(step.toString());
            return steps;
        }

        private static List<JsonNode> toList(JsonNode array) {
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            return list;
        }
    }
}
