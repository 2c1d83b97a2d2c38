package org.signalanalyzer.functions.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * functions/README.md's deploy checklist against template.yaml, so the two cannot drift: every template parameter
 * is a row of the checklist's parameter table with the template's default (and no row names a parameter the
 * template lacks), every output is in the outputs table, and the runtime and build command are the template's.
 */
class DeployChecklistTest {

    private static final Pattern ROW =
            Pattern.compile("^\\|\\s*`([A-Za-z0-9]+)`\\s*\\|\\s*([^|]*?)\\s*\\|", Pattern.MULTILINE);

    private static Map<String, Object> template;
    private static String readme;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        template = new Yaml(new TemplateContractTest.CfnConstructor())
                .load(Files.readString(Path.of("..", "template.yaml")));
        readme = Files.readString(Path.of("README.md"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    /** Rows `name` | second cell of the first table after the given heading text. */
    private static Map<String, String> table(String after) {
        int at = readme.indexOf(after);
        assertTrue(at >= 0, "functions/README.md has the line '" + after + "'");
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line :
                readme.substring(at).lines().skip(1).map(String::trim).toList()) {
            if (line.startsWith("|")) {
                inTable = true;
                Matcher m = ROW.matcher(line);
                if (m.find()) rows.put(m.group(1), m.group(2));
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    /** How the checklist writes a default: `value`, "empty" for "", "none (required)" when there is none. */
    static String documented(Object defaultValue) {
        if (defaultValue == null) return "none (required)";
        String text = defaultValue.toString();
        return text.isEmpty() ? "empty" : "`" + text + "`";
    }

    @Test
    void everyParameterIsARowWithTheTemplatesDefault() {
        // The deployment's own parameters, then the ones that cap the bill and lock the door (two tables).
        Map<String, String> rows = new LinkedHashMap<>(table("Parameters asked by `--guided`"));
        rows.putAll(table("### Limits and cost"));
        Map<String, Object> parameters = map(template.get("Parameters"));
        for (var p : parameters.entrySet()) {
            String name = p.getKey();
            assertTrue(rows.containsKey(name), "the deploy checklist in functions/README.md names parameter " + name);
            assertEquals(
                    documented(map(p.getValue()).get("Default")),
                    rows.get(name),
                    "the checklist's default of " + name + " is the template's");
        }
        for (String row : rows.keySet()) {
            assertTrue(parameters.containsKey(row), "the checklist names " + row + ", which template.yaml lacks");
        }
    }

    @Test
    void everyOutputIsInTheOutputsTable() {
        Map<String, String> rows = table("Read the outputs");
        for (String output : map(template.get("Outputs")).keySet()) {
            assertTrue(rows.containsKey(output), "the deploy checklist says what output " + output + " is for");
        }
    }

    @Test
    void theRuntimeAndBuildAreTheTemplates() {
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        String runtime = (String) globals.get("Runtime");
        assertTrue(readme.contains("`" + runtime + "` runtime"), "the checklist names the runtime " + runtime);
        String jdk = runtime.replace("java", "JDK ");
        assertTrue(readme.contains(jdk), "the checklist asks for a " + jdk + " to build for " + runtime);
        assertTrue(readme.contains("mvn -B clean package -DskipTests"), "the build command");
        assertTrue(readme.contains((String) globals.get("CodeUri")), "the jar CodeUri names");
        assertTrue(
                readme.contains("AutoPublishAlias")
                        && readme.contains(globals.get("AutoPublishAlias").toString()),
                "the alias the versions are published behind");
        assertTrue(readme.contains(map(globals.get("SnapStart")).get("ApplyOn").toString()), "SnapStart's ApplyOn");
    }
}
