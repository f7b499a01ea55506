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
 * The README's Testing section shows what the build runs: each Java example is, word for
 * word, part of a test in this package (which the build compiles and runs), each test here
 * is shown, and the dependency names this module as it is built.
 */
class ReadmeTestingSectionTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path EXAMPLES = Path.of("src", "test", "java", "io", "github", "zuplojwt", "test", "readme");

	private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);

	@Test
	void everyJavaExampleIsPartOfATestThatTheBuildRuns() throws IOException {
		List<String> examples = blocks("java");
		assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
		for (String example : examples) {
			assertThat(exampleSources()).as("a test in %s showing:%n%s", EXAMPLES, example)
				.filteredOn((source) -> source.contains(example))
				.singleElement()
				.satisfies((source) -> assertThat(source).contains("@Test"));
		}
	}

	@Test
	void everyExampleTestIsShown() throws IOException {
		List<String> examples = blocks("java");
		for (String source : exampleSources()) {
			assertThat(examples).as("an example in the README from:%n%s", source)
				.anySatisfy((example) -> assertThat(source).contains(example));
		}
	}

	@Test
	void theDependencyIsThisModuleWithTestScope() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
		String artifactId = pom.getElementsByTagName("artifactId").item(1).getTextContent();
		String groupId = pom.getElementsByTagName("groupId").item(0).getTextContent();
		String version = pom.getElementsByTagName("version").item(0).getTextContent();

		assertThat(blocks("xml")).containsExactly("""
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
		String example = blocks("java").stream()
			.filter((block) -> block.startsWith("@SpringBootTest\n"))
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

	private static List<String> blocks(String language) throws IOException {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = CODE_BLOCK.matcher(testingSection());
		while (matcher.find()) {
			if (matcher.group(1).equals(language)) {
				blocks.add(matcher.group(2));
			}
		}
		return blocks;
	}

	private static String testingSection() throws IOException {
		String readme = Files.readString(README, StandardCharsets.UTF_8);
		int start = readme.indexOf("\n## Testing\n");
		assertThat(start).as("the README's Testing section").isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		return readme.substring(start, (end != -1) ? end : readme.length());
	}

	/** The example tests, indented as the README indents code: four spaces a level. */
	private static List<String> exampleSources() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			List<String> sources = new ArrayList<>();
			for (Path file : files.filter((path) -> !path.endsWith("ReadmeTestingSectionTests.java")).toList()) {
				sources.add(Files.readString(file, StandardCharsets.UTF_8).replace("\t", "    "));
			}
			return sources;
		}
	}

}
