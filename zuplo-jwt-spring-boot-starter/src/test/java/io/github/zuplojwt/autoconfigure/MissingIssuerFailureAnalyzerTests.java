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
 * An application started without any trusted issuer stops with Spring Boot's failure report:
 * a description naming the missing setting and an action saying what to set, no stack trace.
 * Other bad values keep Spring Boot's own report, which names the key, the value and why.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingIssuerFailureAnalyzerTests {

	@Test
	void missingIssuerIsReportedWithWhatToSet(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run());

		assertThat(output).contains("APPLICATION FAILED TO START", "Description:",
				"No Zuplo issuer is configured (neither zuplo.issuer nor zuplo.issuers is set)", "Action:",
				"Set zuplo.issuer to your Zuplo gateway's issuer", "ZUPLO_ISSUER")
			.doesNotContain("Invalid value 'null'", "\tat ", "Application run failed");
	}

	@Test
	void aMistypedIssuerIsNamedWithTheKeyItWasMeantToBe(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--zuplo.isuer=https://gw.example/__zuplo/issuer"));

		assertThat(output).contains("No Zuplo issuer is configured",
				"zuplo.isuer is not a property of the Zuplo JWT starter and is ignored. Did you mean zuplo.issuer?")
			.doesNotContain("https://gw.example");
	}

	@Test
	void anInvalidValueKeepsSpringBootsReportNamingTheKey(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--zuplo.issuer=https://gw.example/__zuplo/issuer",
				"--zuplo.algorithms=HS256"));

		assertThat(output).contains("APPLICATION FAILED TO START",
				"Invalid value 'HS256' for configuration property 'zuplo.algorithms'", "Symmetric (HMAC)",
				"Action:")
			.doesNotContain("No Zuplo issuer", "\tat ");
	}

	private static void run(String... arguments) {
		String[] args = new String[arguments.length + 1];
		args[0] = "--server.port=0";
		System.arraycopy(arguments, 0, args, 1, arguments.length);
		SpringApplication.run(TestApplication.class, args).close();
	}

}
