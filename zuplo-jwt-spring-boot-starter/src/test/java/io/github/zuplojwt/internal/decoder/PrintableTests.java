package io.github.zuplojwt.internal.decoder;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacker-chosen values made fit for a log line: short, and with nothing that could end the
 * line, close the quotes around the value or hide text (control characters, line breaks,
 * bidirectional overrides, markup).
 */
class PrintableTests {

	@Test
	void aGatewayIssuerIsShownAsItIs() {
		assertThat(Printable.of("https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer"))
			.isEqualTo("https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer");
	}

	@Test
	void lineBreaksAndControlCharactersCannotStartANewLine() {
		String printable = Printable.of("https://gw.example\r\n2026-12-02 WARN forged\u0000\u001b[31m\u0085\u2028");

		assertThat(printable).isEqualTo("https://gw.example??2026-12-02?WARN?forged???31m??").doesNotContain("\n", "\r");
	}

	@Test
	void quotesMarkupAndUnicodeBecomeQuestionMarks() {
		assertThat(Printable.quoted("a\"b<script>\u202E\u00e9\ud83d\ude00")).isEqualTo("\"a?b?script????\"");
	}

	@Test
	void aHugeValueIsShortened() {
		String huge = "x".repeat(1_000_000);

		assertThat(Printable.of(huge)).hasSize(103).endsWith("...");
	}

	@Test
	void aLongListShowsThreeValuesAndCountsTheRest() {
		List<String> audiences = IntStream.range(0, 500).mapToObj((i) -> "aud-" + i).toList();

		assertThat(Printable.quoted(audiences)).isEqualTo("\"aud-0\", \"aud-1\", \"aud-2\" and 497 more");
		assertThat(Printable.quoted(List.of("only"))).isEqualTo("\"only\"");
	}

	@Test
	void nothingIsShownAsADash() {
		assertThat(Printable.of(null)).isEqualTo("-");
	}

}
