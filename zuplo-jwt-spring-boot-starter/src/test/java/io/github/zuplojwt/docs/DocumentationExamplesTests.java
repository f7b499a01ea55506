package io.github.zuplojwt.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.github.zuplojwt.docs.Documentation.CodeBlock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the documentation shows is what the build compiles and runs: every Java example is,
 * word for word, part of a source the build compiles (a test, an application under
 * {@code src/it}, or a sample); every dependency on the project names the version the build
 * makes; and every {@code zuplo.*} property the pages name, in prose, YAML or properties, is
 * one the starter has.
 */
class DocumentationExamplesTests {

	/** Where the build compiles the code the examples are taken from. */
	private static final Pattern COMPILED_SOURCE = Pattern
		.compile(".*/src/(test/java|test-boot\\d/java|it/[^/]+/src/(main|test)/java)/.*\\.java|.*/zuplo-jwt-sample-[a-z]+/src/main/java/.*\\.java");

	/**
	 * The imports of the slice annotations that Spring Boot keeps in other packages on each
	 * generation, and of the aliases through which the tests import them to run on every
	 * generation: an example names its generation's, and both sides are compared without it.
	 */
	private static final Pattern GENERATION_IMPORT = Pattern.compile("(?m)^import (org\\.springframework\\.boot\\."
			+ "(webmvc\\.test|webflux\\.test|webtestclient|test\\.autoconfigure\\.web\\.(servlet|reactive))"
			+ "(\\.autoconfigure)?|io\\.github\\.zuplojwt\\.support\\.boot)\\."
			+ "(AutoConfigureMockMvc|WebMvcTest|WebFluxTest|AutoConfigureWebTestClient);\\n");

	private static final Pattern JAVADOC = Pattern.compile("[ \\t]*/\\*\\*.*?\\*/\\n", Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#+ (.+)$");

	private static final Pattern LINE_COMMENT = Pattern.compile("(?m)\\s//[^\\n]*$");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern INLINE_PROPERTY = Pattern.compile("`(zuplo\\.[a-z][a-zA-Z0-9.\\-\\[\\]<>]*)");

	/**
	 * Names under {@code zuplo.} that are not properties: meters, observation keys, the MDC
	 * key, and the typo the configuration page shows being reported.
	 */
	private static final Set<String> NOT_PROPERTIES = Set.of("zuplo.isuer", "zuplo.token.verification", "zuplo.jwks.fetch",
			"zuplo.jwks.keys", "zuplo.token.cache.gets", "zuplo.token.cache.entries", "zuplo.token.cache.memory",
			"zuplo.token.cache", "zuplo.token.verification.active", "zuplo.jwks.fetch.active", "zuplo.requestId");

	@Test
	void everyJavaExampleIsPartOfASourceTheBuildCompiles() throws IOException {
		List<String> sources = compiledSources();
		List<CodeBlock> examples = Documentation.blocks("java");
		assertThat(examples).hasSizeGreaterThan(10);
		List<CodeBlock> notCompiled = examples.stream().filter((example) -> {
			String code = comparable(example.code());
			return sources.stream().noneMatch((source) -> source.contains(code));
		}).toList();
		assertThat(notCompiled).as("examples that no compiled source contains, word for word").isEmpty();
	}

	/**
	 * One version everywhere: the one the build makes, or, between releases (a snapshot),
	 * the latest release in the changelog, so that a reader is never shown a version that
	 * does not resolve.
	 */
	@Test
	void everyDependencyOnTheProjectNamesOneVersionThatResolves() throws Exception {
		String version = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(Documentation.ROOT.resolve("pom.xml").toFile())
			.getElementsByTagName("version")
			.item(0)
			.getTextContent();
		Matcher release = Pattern.compile("(?m)^## \\[(\\d+\\.\\d+\\.\\d+)]")
			.matcher(Documentation.read(Documentation.ROOT.resolve("CHANGELOG.md")));
		Set<String> resolving = new LinkedHashSet<>(List.of(version));
		if (version.endsWith("-SNAPSHOT") && release.find()) {
			resolving.add(release.group(1));
		}
		Pattern coordinates = Pattern.compile("io\\.github\\.zuplojwt:[a-z0-9-]+:([^\"'\\s)`]+)");
		Pattern xmlVersion = Pattern.compile(
				"<groupId>io\\.github\\.zuplojwt</groupId>\\s*<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>");
		Set<String> shown = new LinkedHashSet<>();
		for (Path page : Documentation.pages()) {
			String text = Documentation.read(page);
			for (Pattern pattern : List.of(coordinates, xmlVersion)) {
				Matcher matcher = pattern.matcher(text);
				while (matcher.find()) {
					shown.add(matcher.group(1));
				}
			}
		}
		assertThat(shown).as("the versions the documentation shows (one of %s)", resolving).hasSize(1);
		assertThat(resolving).containsAll(shown);
	}

	@Test
	void everyZuploPropertyTheDocumentationNamesExists() throws IOException {
		Set<String> known = new LinkedHashSet<>();
		ConfigurationReferenceTests.metadata().forEach((property) -> known.add((String) property.get("name")));
		Set<String> named = new LinkedHashSet<>();
		for (Path page : Documentation.pages()) {
			Matcher matcher = INLINE_PROPERTY.matcher(Documentation.read(page));
			while (matcher.find()) {
				named.add(matcher.group(1).replaceAll("\\.$", ""));
			}
		}
		for (CodeBlock block : Documentation.blocks("yaml")) {
			named.addAll(yamlKeys(block.code()));
		}
		for (CodeBlock block : Documentation.blocks("properties")) {
			block.code().lines().filter((line) -> line.startsWith("zuplo.")).forEach((line) -> named.add(line.split("=")[0].trim()));
		}
		assertThat(named).hasSizeGreaterThan(30);
		assertThat(named.stream().filter((name) -> !isProperty(name, known)))
			.as("names that are no property of the starter (nor a meter, an observation key or the MDC key)")
			.isEmpty();
	}

	@Test
	void everyLinkLeadsToAFileAndHeadingThatExist() {
		List<String> broken = new ArrayList<>();
		for (Path page : Documentation.pages()) {
			Matcher link = LINK.matcher(Documentation.read(page));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("[a-z]+:.*")) {
					continue;
				}
				String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
				Path linked = file.isEmpty() ? page : page.resolveSibling(file).normalize();
				if (!Files.exists(linked)) {
					broken.add(Documentation.ROOT.relativize(page) + ": " + target);
				}
				else if (target.contains("#") && !headings(linked).contains(target.substring(target.indexOf('#') + 1))) {
					broken.add(Documentation.ROOT.relativize(page) + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).as("links to files or headings that do not exist").isEmpty();
	}

	/** The anchors GitHub gives a page's headings. */
	private static Set<String> headings(Path page) {
		Set<String> anchors = new LinkedHashSet<>();
		if (!page.toString().endsWith(".md")) {
			return anchors;
		}
		Matcher heading = HEADING.matcher(Documentation.read(page));
		while (heading.find()) {
			anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
		}
		return anchors;
	}

	private static boolean isProperty(String name, Set<String> known) {
		if (NOT_PROPERTIES.contains(name) || known.contains(name)
				|| known.stream().anyMatch((property) -> property.startsWith(name + "."))) {
			return true;
		}
		String entry = name.replaceAll("^zuplo\\.issuers\\[(n|\\d+)]\\.", "zuplo.");
		if (!entry.equals(name)) {
			return Set.of("zuplo.issuer", "zuplo.jwks-uri", "zuplo.audiences", "zuplo.required-claims").contains(entry)
					|| entry.startsWith("zuplo.required-claims.");
		}
		return name.startsWith("zuplo.required-claims.") || name.equals("zuplo.issuers[n]")
				|| name.matches("zuplo\\.issuers\\[\\d+]");
	}

	/** The dotted keys under {@code zuplo} of a YAML document, with {@code [n]} for list items. */
	static List<String> yamlKeys(String yaml) {
		List<String> keys = new ArrayList<>();
		Deque<YamlKey> parents = new ArrayDeque<>();
		for (String raw : yaml.split("\n")) {
			String line = raw.replaceAll("\\s+#.*$", "");
			if (line.isBlank() || line.trim().startsWith("#")) {
				continue;
			}
			int indent = line.length() - line.stripLeading().length();
			String content = line.trim();
			if (content.startsWith("- ")) {
				popTo(parents, indent);
				parents.push(new YamlKey(indent, "[n]"));
				indent += 2;
				content = content.substring(2);
			}
			int colon = content.indexOf(':');
			if (colon < 0) {
				continue;
			}
			popTo(parents, indent);
			YamlKey key = new YamlKey(indent, content.substring(0, colon).trim());
			parents.push(key);
			List<String> names = new ArrayList<>();
			parents.descendingIterator().forEachRemaining((parent) -> names.add(parent.name()));
			String dotted = String.join(".", names).replace(".[n]", "[n]");
			if (dotted.startsWith("zuplo.")) {
				keys.add(dotted);
			}
		}
		return keys;
	}

	private static void popTo(Deque<YamlKey> parents, int indent) {
		while (!parents.isEmpty() && parents.peek().indent() >= indent) {
			parents.pop();
		}
	}

	private record YamlKey(int indent, String name) {
	}

	/**
	 * Code as it is compared: without javadoc, line comments, the imports that differ between
	 * generations, and whitespace, so that an example may be laid out for reading.
	 */
	private static String comparable(String code) {
		String withoutJavadoc = JAVADOC.matcher(code).replaceAll("");
		String withoutComments = LINE_COMMENT.matcher(GENERATION_IMPORT.matcher(withoutJavadoc + "\n").replaceAll(""))
			.replaceAll("");
		return WHITESPACE.matcher(withoutComments).replaceAll("");
	}

	/** Every Java source the build compiles, javadoc left out, indented as the docs indent. */
	private static List<String> compiledSources() throws IOException {
		try (Stream<Path> files = Files.walk(Documentation.ROOT)) {
			return files
				.filter((path) -> COMPILED_SOURCE.matcher(path.toString().replace('\\', '/')).matches()
						&& !path.toString().contains("/target/"))
				.map((path) -> comparable(Documentation.read(path)))
				.toList();
		}
	}

}
