package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.KitSession;
import io.handlestck.kit.config.KitConfig;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's table of settings ("Every setting") and the code hold the same settings: every CLI
 * flag of every command, every {@code handlestck.*} system property, every {@code HANDLESTCK_*}
 * environment variable the main code names, every YAML key. A setting added to the code without a
 * row, or a row for a setting the code no longer has, fails here.
 */
class ConfigurationTableTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("\\bHANDLESTCK_[A-Z][A-Z_]*[A-Z]\\b");

    private static final Set<String> tableFlags = new TreeSet<>();
    private static final Set<String> tableProperties = new TreeSet<>();
    private static final Set<String> tableEnvironment = new TreeSet<>();
    private static final Set<String> tableYaml = new TreeSet<>();

    @BeforeAll
    static void readTheTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int heading = lines.indexOf("### Every setting");
        assertThat(heading).as("README.md has the section '### Every setting'").isNotNegative();
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                rows.add(line);
            } else if (inTable) {
                break;
            }
        }
        assertThat(rows).as("the table's rows").hasSizeGreaterThan(2);
        for (String row : rows.subList(2, rows.size())) {
            String[] cells = row.split("\\|", -1);
            assertThat(cells).as("columns of %s", row).hasSize(9);
            List<String> commands = codes(cells[1]);
            for (String flag : codes(cells[2])) {
                assertThat(commands).as("the command of %s", row).isNotEmpty();
                commands.forEach(command -> tableFlags.add(command + " " + flag));
            }
            tableProperties.addAll(codes(cells[3]));
            tableEnvironment.addAll(codes(cells[4]));
            tableYaml.addAll(codes(cells[5]));
        }
    }

    @Test
    void everyFlagOfEveryCommandHasARowAndEveryRowAFlag() {
        Set<String> inCode = new TreeSet<>();
        CommandLine cli = new CommandLine(new HandlesTck());
        cli.getSubcommands().forEach((name, command) -> {
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!option.usageHelp() && !option.versionHelp()) {
                    inCode.add(name + " " + option.longestName());
                }
            }
        });
        assertThat(tableFlags).isEqualTo(inCode);
    }

    @Test
    void everySystemPropertyHasARowAndEveryRowASystemProperty() {
        Set<String> inCode = new TreeSet<>();
        KitConfig.KEYS.forEach(key -> inCode.add(KitConfig.SYSTEM_PROPERTY_PREFIX + key));
        inCode.add(KitSession.CONFIG_FILE_PARAMETER);
        assertThat(tableProperties).isEqualTo(inCode);
    }

    @Test
    void everyEnvironmentVariableTheCodeNamesHasARowAndEveryRowOneTheCodeNames() throws IOException {
        Set<String> inCode = new TreeSet<>();
        KitConfig.KEYS.forEach(key -> inCode.add(KitConfig.environmentName(key)));
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher names = ENVIRONMENT_NAME.matcher(Files.readString(source));
                while (names.find()) {
                    inCode.add(names.group());
                }
            }
        }
        assertThat(tableEnvironment).isEqualTo(inCode);
    }

    @Test
    void everyYamlKeyHasARowAndEveryRowAYamlKey() {
        Set<String> inCode = new TreeSet<>(KitConfig.KEYS);
        assertThat(tableYaml).isEqualTo(inCode);
    }

    @Test
    void serveAndRunNeverReadTheSameEnvironmentVariable() {
        Set<String> serve = new TreeSet<>();
        for (Field field : ServeCommand.class.getDeclaredFields()) {
            CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
            if (option != null) {
                Matcher names = ENVIRONMENT_NAME.matcher(option.defaultValue() + " " + String.join(" ",
                        option.description()));
                while (names.find()) {
                    serve.add(names.group());
                }
            }
        }
        assertThat(serve).isNotEmpty().allMatch(name -> name.startsWith("HANDLESTCK_SERVER_"));
        KitConfig.KEYS.forEach(key -> assertThat(KitConfig.environmentName(key)).doesNotStartWith("HANDLESTCK_SERVER_"));
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            out.add(code.group(1));
        }
        return out;
    }
}
