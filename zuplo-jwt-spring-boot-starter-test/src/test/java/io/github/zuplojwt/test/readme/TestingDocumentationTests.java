package io.github.zuplojwt.test.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Quick start and the Testing page show what the build runs: each example in this
 * package is shown there (that each Java example of the documentation is part of a source the
 * build compiles is the starter's {@code DocumentationExamplesTests}), and the dependency
 * names this module as it is built.
 */
class TestingDocumentationTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path TESTING = Path.of("..", "docs", "testing.md");

	/** The slice annotations' imports, which differ between generations and are left out. */
	private static final Pattern GENERATION_IMPORT = Pattern
		.compile("(?m)^import [a-z.]+\\.(AutoConfigureMockMvc|WebMvcTest|WebFluxTest|AutoConfigureWebTestClient);\\n");

	private static final Pattern JAVADOC = Pattern.compile("[ \\t]*/\\*\\*.*?\\*/\\n", Pattern.DOTALL);

	private static final Path EXAMPLES = Path.of("src", "test", "java", "io", "github", "zuplojwt", "test", "readme");

	private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);

	@Test
	void everyExampleInThisPackageIsShown() throws IOException {
		List<String> examples = new ArrayList<>(blocks(quickStart(), "java"));
		examples.addAll(blocks(testingPage(), "java"));
		List<String> sources = exampleSources();
		assertThat(sources).hasSizeGreaterThanOrEqualTo(6);
		for (String source : sources) {
			assertThat(examples).as("an example in the README's Quick start or docs/testing.md from:%n%s", source)
				.anySatisfy((example) -> assertThat(source).contains(withoutGenerationImports(example)));
		}
	}

	@Test
	void theDependencyIsThisModuleWithTestScope() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
		String artifactId = pom.getElementsByTagName("artifactId").item(1).getTextContent();
		String groupId = pom.getElementsByTagName("groupId").item(0).getTextContent();
		String version = pom.getElementsByTagName("version").item(0).getTextContent();

		assertThat(blocks(testingPage(), "xml")).containsExactly("""
				<dependency>
				    <groupId>%s</groupId>
				    <artifactId>%s</artifactId>
				    <version>%s</version>
				    <scope>test</scope>
				</dependency>""".formatted(groupId, artifactId, version));
		assertThat(artifactId).isEqualTo("zuplo-jwt-spring-boot-starter-test");
	}

	@Test
	void theSpringBootExampleIsAtMostTenLinesOfTestCode() throws IOException {
		String example = blocks(testingPage(), "java").stream()
			.filter((block) -> block.contains("\n@SpringBootTest\n@AutoConfigureMockMvc\n"))
			.findFirst()
			.orElseThrow();
		List<String> lines = example.lines().toList();
		int classLine = lines.indexOf(lines.stream().filter((line) -> line.startsWith("class ")).findFirst().orElseThrow());
		List<String> body = lines.subList(classLine + 1, lines.size() - 1)
			.stream()
			.filter((line) -> !line.isBlank())
			.toList();

		assertThat(example).contains("zuploToken(issuer.token())", "status().isOk()", "expired()",
				"status().isUnauthorized()", "application/problem+json");
		assertThat(body).hasSizeLessThanOrEqualTo(10);
	}

	private static List<String> blocks(String text, String language) {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = CODE_BLOCK.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).equals(language)) {
				blocks.add(matcher.group(2));
			}
		}
		return blocks;
	}

	private static String quickStart() throws IOException {
		String readme = Files.readString(README, StandardCharsets.UTF_8);
		int start = readme.indexOf("\n## Quick start\n");
		assertThat(start).as("the README's Quick start").isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		return readme.substring(start, (end != -1) ? end : readme.length());
	}

	private static String testingPage() throws IOException {
		return Files.readString(TESTING, StandardCharsets.UTF_8);
	}

	private static String withoutGenerationImports(String code) {
		return GENERATION_IMPORT.matcher(code + "\n").replaceAll("").stripTrailing();
	}

	/** The examples, indented as the documentation indents code, without javadoc or generation imports. */
	private static List<String> exampleSources() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			List<String> sources = new ArrayList<>();
			for (Path file : files.filter((path) -> !path.endsWith("TestingDocumentationTests.java")).toList()) {
				String source = Files.readString(file, StandardCharsets.UTF_8).replace("\t", "    ");
				sources.add(withoutGenerationImports(JAVADOC.matcher(source).replaceAll("")));
			}
			return sources;
		}
	}

}
