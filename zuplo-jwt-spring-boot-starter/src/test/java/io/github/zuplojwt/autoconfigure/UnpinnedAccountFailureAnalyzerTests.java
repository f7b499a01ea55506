package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application that trusts Zuplo's Identity Token issuer without an account pin stops with
 * Spring Boot's failure report: a description of the risk naming the issuer's property, and an
 * action naming the property to set and the opt-out, no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnpinnedAccountFailureAnalyzerTests {

	@Test
	void unpinnedAccountIsReportedWithTheRiskAndWhatToSet(CapturedOutput output) {
		assertThatException().isThrownBy(() -> SpringApplication.run(TestApplication.class, "--server.port=0",
				"--zuplo.issuer=https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer",
				"--zuplo.issuers[0].issuer=" + IdentityTokenPins.DOCUMENTED_ISSUER,
				"--zuplo.issuers[0].required-claims.environment_type=production").close());

		assertThat(output).contains("APPLICATION FAILED TO START", "Description:",
				"zuplo.issuers[0].issuer is Zuplo's Identity Token issuer (" + IdentityTokenPins.DOCUMENTED_ISSUER
						+ "), which every Zuplo customer shares",
				"(zuplo.issuers[0].required-claims.account is not set), so the application does not start.",
				"Action:", "Set zuplo.issuers[0].required-claims.account to your Zuplo account",
				"zuplo.identity-tokens.allow-unpinned-account=true")
			.doesNotContain("Invalid value 'null'", "\tat ", "Application run failed");
	}

}
