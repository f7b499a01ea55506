package io.github.zuplojwt.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.zuplojwt.autoconfigure.IdentityTokenPins.UnpinnedAccountException;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An application that trusts Zuplo's Identity Token issuer without an account pin stops with
 * Spring Boot's failure report: a description of the risk naming the issuer's property, and an
 * action naming the property to set and the opt-out, no stack trace. docs/environments.md shows that
 * report as it is printed.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnpinnedAccountFailureAnalyzerTests {

	private static final Path ENVIRONMENTS = Path.of("..", "docs", "environments.md");

	@Test
	void unpinnedAccountIsReportedWithTheRiskAndWhatToSet(CapturedOutput output) throws IOException {
		Throwable failure = catchThrowable(() -> SpringApplication.run(TestApplication.class, "--server.port=0",
				"--zuplo.issuers[0].issuer=" + IdentityTokenPins.DOCUMENTED_ISSUER,
				"--zuplo.issuers[0].required-claims.environment_type=production").close());
		UnpinnedAccountException unpinned = unpinned(failure);

		assertThat(output).contains("APPLICATION FAILED TO START",
				"zuplo.issuers[0].issuer is Zuplo's Identity Token issuer (" + IdentityTokenPins.DOCUMENTED_ISSUER
						+ "), which every Zuplo customer shares",
				"(zuplo.issuers[0].required-claims.account is not set), so the application does not start.",
				"Set zuplo.issuers[0].required-claims.account to your Zuplo account",
				"zuplo.identity-tokens.allow-unpinned-account=true")
			.contains(String.format("Description:%n%n%s%n%nAction:%n%n%s%n", unpinned.description(), unpinned.action()))
			.doesNotContain("Invalid value 'null'", "\tat ", "Application run failed");
		assertThat(Files.readString(ENVIRONMENTS, StandardCharsets.UTF_8)).as("the failure report shown in docs/environments.md")
			.contains("Description:\n\n" + unpinned.description() + "\n\nAction:\n\n" + unpinned.action() + "\n```");
	}

	private static UnpinnedAccountException unpinned(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof UnpinnedAccountException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of %s", failure).isInstanceOf(UnpinnedAccountException.class);
		return (UnpinnedAccountException) cause;
	}

}
