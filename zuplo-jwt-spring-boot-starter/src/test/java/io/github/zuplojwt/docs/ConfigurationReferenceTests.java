package io.github.zuplojwt.docs;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.autoconfigure.ZuploJwtProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property reference in {@code docs/configuration.md} is the configuration metadata the
 * build generates from {@link ZuploJwtProperties}, so that no name, default or description in
 * it can drift from the code: the table must be exactly what the metadata says. After a
 * change to a property, run this test with {@code -Dzuplo.docs.update=true} to rewrite the
 * table, and commit it with the change.
 */
class ConfigurationReferenceTests {

	static final Path CONFIGURATION = Documentation.ROOT.resolve("docs/configuration.md");

	private static final String START = "<!-- The table below is generated from the configuration metadata:"
			+ " ConfigurationReferenceTests checks it (-Dzuplo.docs.update=true rewrites it). -->\n";

	private static final String END = "\n<!-- End of the generated table. -->";

	private static final Pattern ENTRY_KEY = Pattern.compile("`zuplo\\.issuers\\[n]\\.([a-z-]+)");

	@Test
	void thePropertyTableIsTheConfigurationMetadata() throws IOException {
		String page = Files.readString(CONFIGURATION, StandardCharsets.UTF_8);
		int start = page.indexOf(START);
		int end = page.indexOf(END);
		assertThat(start).as("the generated table's start marker in %s", CONFIGURATION).isNotNegative();
		assertThat(end).as("the generated table's end marker in %s", CONFIGURATION).isGreaterThan(start);
		String expected = table(metadata());
		if (Boolean.getBoolean("zuplo.docs.update")) {
			Files.writeString(CONFIGURATION, page.substring(0, start + START.length()) + expected + page.substring(end),
					StandardCharsets.UTF_8);
			return;
		}
		assertThat(page.substring(start + START.length(), end))
			.as("the table in %s; run ConfigurationReferenceTests with -Dzuplo.docs.update=true to rewrite it",
					CONFIGURATION)
			.isEqualTo(expected);
	}

	@Test
	void theTableOfAnIssuersEntryNamesEveryPropertyOfAnEntry() throws IOException {
		Set<String> documented = new TreeSet<>();
		Matcher matcher = ENTRY_KEY.matcher(Files.readString(CONFIGURATION, StandardCharsets.UTF_8));
		while (matcher.find()) {
			documented.add(matcher.group(1));
		}
		Set<String> properties = new TreeSet<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(ZuploJwtProperties.Issuer.class)) {
			if (property.getWriteMethod() != null) {
				properties.add(kebabCase(property.getName()));
			}
		}

		assertThat(documented).isEqualTo(properties);
	}

	/** The starter's properties as the configuration processor recorded them, by name. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> metadata() throws IOException {
		URL classes = ZuploJwtProperties.class.getProtectionDomain().getCodeSource().getLocation();
		String metadata = "META-INF/spring-configuration-metadata.json";
		URL location = classes.getPath().endsWith(".jar") ? new URL("jar:" + classes + "!/" + metadata)
				: new URL(classes, metadata);
		try (InputStream in = location.openStream()) {
			Map<String, Object> json = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			List<Map<String, Object>> properties = new ArrayList<>();
			for (Object property : (List<Object>) json.get("properties")) {
				properties.add((Map<String, Object>) property);
			}
			properties.sort(Comparator.comparing((property) -> (String) property.get("name")));
			return properties;
		}
		catch (ParseException ex) {
			throw new IOException(ex);
		}
	}

	private static String table(List<Map<String, Object>> properties) {
		StringBuilder table = new StringBuilder("| Property | Default | Description |\n|---|---|---|\n");
		for (Map<String, Object> property : properties) {
			table.append("| `")
				.append(property.get("name"))
				.append("` | ")
				.append(defaultValue(property.get("defaultValue")))
				.append(" | ")
				.append(cell((String) property.get("description")))
				.append(" |\n");
		}
		return table.toString().stripTrailing();
	}

	private static String defaultValue(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return list.isEmpty() ? "" : "`" + list.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "`";
		}
		String text = String.valueOf(value);
		return text.isEmpty() ? "(empty)" : "`" + text + "`";
	}

	private static String cell(String text) {
		return (text != null) ? text.replace("|", "\\|").replace("\n", " ") : "";
	}

	private static String kebabCase(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
