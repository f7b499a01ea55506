package io.github.zuplojwt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's documentation as a reader finds it: the README, the reference pages under
 * {@code docs/}, the contributors' guide and the benchmarks' page, with their fenced code
 * blocks. The tests run in a module's directory, one level below the repository's root.
 */
final class Documentation {

	static final Path ROOT = Path.of("..");

	private static final Pattern CODE_BLOCK = Pattern.compile("(?m)^```(\\w*)\\n(.*?)\\n```$", Pattern.DOTALL);

	private Documentation() {
	}

	/** Every page of the documentation. */
	static List<Path> pages() {
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md"),
				ROOT.resolve("benchmarks/README.md")));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pages;
	}

	/** The fenced code blocks of every page in the given language ({@code java}, {@code yaml}, …). */
	static List<CodeBlock> blocks(String language) {
		List<CodeBlock> blocks = new ArrayList<>();
		for (Path page : pages()) {
			Matcher matcher = CODE_BLOCK.matcher(read(page));
			while (matcher.find()) {
				if (matcher.group(1).equals(language)) {
					blocks.add(new CodeBlock(page, matcher.group(2)));
				}
			}
		}
		return blocks;
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One fenced code block and the page it is on. */
	record CodeBlock(Path page, String code) {

		@Override
		public String toString() {
			return ROOT.relativize(this.page) + ":\n" + this.code;
		}

	}

}
