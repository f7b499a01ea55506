package io.github.zuplojwt.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample deployed without its issuer (an environment variable that did not arrive): it
 * refuses to start instead of trusting a development issuer, and says how to fix it.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class SampleFailsClosedTests {

	/** The sample's application class. */
	protected abstract Class<?> application();

	@Test
	void withoutAnIssuerOrTheDevProfileTheSampleDoesNotStart(CapturedOutput output) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> SpringApplication.run(application(), "--server.port=0").close())
			.satisfies((failure) -> {
				assertThat(failure.getName()).isEqualTo("zuplo.issuer");
				assertThat(failure.getReason()).contains("ZUPLO_ISSUER", "--spring.profiles.active=dev",
						"development-only");
			});
		assertThat(output).contains("zuplo.issuer", "--spring.profiles.active=dev")
			.doesNotContain("DEVELOPMENT-ONLY local issuer is running");
	}

	@Test
	void anotherProfileDoesNotSwitchTheDevIssuerOn() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(
				() -> SpringApplication.run(application(), "--server.port=0", "--spring.profiles.active=prod")
					.close());
	}

}
